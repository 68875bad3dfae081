// Bare socket.io baselines for scenarios 2-4, speaking the same events as the portal to the same clients.
// Handshake: the token is verified and its session looked up, as the portal does. `emit`: `message.send` is
// broadcast with `io.to(room).emit` and acknowledged, nothing stored. `pg`: the message is stored first with the
// same UPDATE ... RETURNING + INSERT in one transaction, then acknowledged and broadcast. Prints `ready`.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';
import type { ClientToServerEvents, MessageResponse, ServerToClientEvents } from '@lcc/contracts';
import { verifyToken } from '../lib/tokens.js';

const mode = process.argv[2] ?? 'emit';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const http = createServer();
const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { memberId: string }>(http, {
  transports: ['websocket'],
});

io.use((socket, next) => {
  const claims = verifyToken(String((socket.handshake.auth as { token?: string }).token ?? ''));
  if (!claims) return next(new Error('unauthorized'));
  pool
    .query(
      `SELECT m.display_name FROM auth_sessions s JOIN members m ON m.id = s.member_id
        WHERE s.id = $1 AND s.member_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND m.status = 'active'`,
      [claims.sid, claims.sub],
    )
    .then(
      ({ rowCount }) => {
        if (!rowCount) return next(new Error('unauthorized'));
        socket.data.memberId = claims.sub;
        void socket.join(`member:${claims.sub}`);
        next();
      },
      (error: Error) => next(error),
    );
});

io.on('connection', (socket) => {
  socket.on('room.join', async ({ roomId }, ack) => {
    const { rows } = await pool.query<{ last_seq: string }>(
      `SELECT r.last_seq FROM rooms r JOIN room_members rm ON rm.room_id = r.id AND rm.member_id = $2 WHERE r.id = $1`,
      [roomId, socket.data.memberId],
    );
    if (!rows[0]) return ack({ ok: false, error: { code: 'ROOM_NOT_FOUND', message: 'not found' } });
    await socket.join(`room:${roomId}`);
    ack({ ok: true, messages: [], hasMore: false, lastSeq: Number(rows[0].last_seq) });
  });

  socket.on('message.send', async ({ roomId, clientId, body }, ack) => {
    let seq = 0;
    let id: string = randomUUID();
    let createdAt = new Date();
    if (mode === 'pg') {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ id: string; seq: string; created_at: Date }>(
          `WITH next AS (UPDATE rooms SET last_seq = last_seq + 1, last_message_at = now() WHERE id = $1 RETURNING last_seq)
           INSERT INTO messages (room_id, seq, client_id, author_id, body, search_vector)
           SELECT $1, next.last_seq, $2, $3, $4, to_tsvector('simple', $4) FROM next
           ON CONFLICT (room_id, author_id, client_id) DO NOTHING
           RETURNING id, seq, created_at`,
          [roomId, clientId, socket.data.memberId, body],
        );
        await client.query('COMMIT');
        if (!rows[0]) return ack({ ok: false, error: { code: 'DUPLICATE', message: 'resend' } });
        ({ id, created_at: createdAt } = rows[0]);
        seq = Number(rows[0].seq);
      } catch (error) {
        await client.query('ROLLBACK');
        return ack({ ok: false, error: { code: 'INTERNAL_ERROR', message: String(error) } });
      } finally {
        client.release();
      }
    }
    const message: MessageResponse = {
      id,
      roomId,
      seq,
      clientId,
      authorId: socket.data.memberId,
      author: { id: socket.data.memberId, displayName: '' },
      body,
      threadRootId: null,
      replyCount: 0,
      lastReplyAt: null,
      mentionIds: [],
      reactions: [],
      attachments: [],
      pinnedAt: null,
      editedAt: null,
      deletedAt: null,
      createdAt: createdAt.toISOString(),
    };
    io.to(`room:${roomId}`).emit('message.created', message);
    ack({ ok: true, message });
  });
});

http.listen(Number(process.env.PORT), () => console.log('ready'));
