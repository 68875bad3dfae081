// Bare HTTP baselines for scenario 1: the same two routes as the portal, with nothing but the work itself.
// `express`: Nest's own platform (express) without Nest; `node`: node:http; `nest`: an empty Nest app on that
// platform (one controller, no middleware, guard, pipe or logger), the floor of any Nest app on Express.
// Prints `ready` once listening.
import 'reflect-metadata';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Controller, Get, Header, HttpException, Module, Param, Query, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import express from 'express';
import pg from 'pg';
import { verifyToken } from '../lib/tokens.js';

const mode = process.argv[2] ?? 'express';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const live = JSON.stringify({ status: 'ok' });

interface PageRow {
  id: string;
  room_id: string;
  seq: string;
  client_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  thread_root_id: string | null;
  reply_count: number;
  last_reply_at: Date | null;
  mention_ids: string[];
  attachment_ids: string[];
  pinned_at: Date | null;
  edited_at: Date | null;
  deleted_at: Date | null;
  created_at: Date;
}

/** The newest page of a room's history for the bearer of `authorization`, or an HTTP status. */
async function historyPage(authorization: string | undefined, roomId: string, limit: number) {
  const claims = verifyToken(authorization?.replace(/^Bearer /, '') ?? '');
  if (!claims) return 401;
  const session = await pool.query(
    `SELECT m.status FROM auth_sessions s JOIN members m ON m.id = s.member_id
      WHERE s.id = $1 AND s.member_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`,
    [claims.sid, claims.sub],
  );
  if (session.rows[0]?.status !== 'active') return 401;
  const access = await pool.query(`SELECT 1 FROM room_members WHERE room_id = $1 AND member_id = $2`, [
    roomId,
    claims.sub,
  ]);
  if (access.rowCount === 0) return 404;
  const { rows } = await pool.query<PageRow>(
    `SELECT m.*, a.display_name AS author_name FROM messages m LEFT JOIN members a ON a.id = m.author_id
      WHERE m.room_id = $1 ORDER BY m.seq DESC LIMIT $2`,
    [roomId, limit + 1],
  );
  const page = rows.slice(0, limit).reverse();
  const reactions = await pool.query<{ message_id: string; emoji: string; member_id: string }>(
    `SELECT message_id, emoji, member_id FROM message_reactions WHERE message_id = ANY($1) ORDER BY created_at`,
    [page.map((r) => r.id)],
  );
  return {
    hasMore: rows.length > limit,
    items: page.map((m) => ({
      id: m.id,
      roomId: m.room_id,
      seq: Number(m.seq),
      clientId: m.client_id,
      authorId: m.author_id,
      author: m.author_id ? { id: m.author_id, displayName: m.author_name } : null,
      body: m.body,
      threadRootId: m.thread_root_id,
      replyCount: m.reply_count,
      lastReplyAt: m.last_reply_at?.toISOString() ?? null,
      mentionIds: m.mention_ids,
      reactions: reactions.rows.filter((r) => r.message_id === m.id),
      attachments: m.attachment_ids.map((documentId) => ({ documentId, title: null })),
      pinnedAt: m.pinned_at?.toISOString() ?? null,
      editedAt: m.edited_at?.toISOString() ?? null,
      deletedAt: m.deleted_at?.toISOString() ?? null,
      createdAt: m.created_at.toISOString(),
    })),
  };
}

const port = Number(process.env.PORT);
if (mode === 'express') {
  const app = express();
  app.disable('x-powered-by');
  app.get('/api/health/live', (_req, res) => {
    res.type('application/json').send(live);
  });
  app.get('/api/rooms/:id/messages', (req, res) => {
    historyPage(req.headers.authorization, req.params.id, Number(req.query.limit ?? 20)).then(
      (result) => (typeof result === 'number' ? res.sendStatus(result) : res.json(result)),
      () => res.sendStatus(500),
    );
  });
  app.listen(port, () => console.log('ready'));
} else if (mode === 'nest') {
  // Decorators applied as functions: the bench runs under tsx, which emits no decorator metadata.
  class Routes {
    live(): string {
      return live;
    }
    async history(request: IncomingMessage, id: string, limit?: string) {
      const result = await historyPage(request.headers.authorization, id, Number(limit ?? 20));
      if (typeof result === 'number') throw new HttpException({}, result);
      return result;
    }
  }
  const method = (name: keyof Routes) => Object.getOwnPropertyDescriptor(Routes.prototype, name)!;
  Get('health/live')(Routes.prototype, 'live', method('live'));
  Header('content-type', 'application/json')(Routes.prototype, 'live', method('live'));
  Get('rooms/:id/messages')(Routes.prototype, 'history', method('history'));
  Req()(Routes.prototype, 'history', 0);
  Param('id')(Routes.prototype, 'history', 1);
  Query('limit')(Routes.prototype, 'history', 2);
  Controller()(Routes);
  class EmptyApp {}
  Module({ controllers: [Routes] })(EmptyApp);
  const app = await NestFactory.create(EmptyApp, { logger: false });
  app.setGlobalPrefix('api');
  await app.listen(port);
  console.log('ready');
} else {
  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/health/live') return send(res, 200, live);
    const match = /^\/api\/rooms\/([^/]+)\/messages$/.exec(url.pathname);
    if (!match) return send(res, 404, '{}');
    historyPage(req.headers.authorization, match[1]!, Number(url.searchParams.get('limit') ?? 20)).then(
      (result) => (typeof result === 'number' ? send(res, result, '{}') : send(res, 200, JSON.stringify(result))),
      () => send(res, 500, '{}'),
    );
  }).listen(port, () => console.log('ready'));
}
