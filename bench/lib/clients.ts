import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { PortalClient } from '@lcc/testing';
import type * as hdr from 'hdr-histogram-js';
import { histogram, openLoop, record, sleep } from './load.js';
import { ROOM_SIZE, memberId, sessionId, socketRoomId } from './seed.js';
import { accessToken } from './tokens.js';

/** A connected client of the socket scenarios: seeded member `index`, in room `index / 20`. */
export interface Client {
  index: number;
  roomId: string;
  socket: PortalClient;
  lastSeq: number;
}

export function connect(url: string, index: number, reconnection = false): Promise<PortalClient> {
  const socket: PortalClient = io(url, {
    transports: ['websocket'],
    auth: { token: accessToken(memberId(index), sessionId(index)) },
    forceNew: true,
    reconnection,
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
    timeout: 60_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      if (!reconnection) socket.close();
      reject(error);
    });
  });
}

/** Connects members 0..count-1 (`concurrency` handshakes at a time) and joins each to its room of 20. */
export async function connectAll(url: string, count: number, concurrency = 100, reconnection = false) {
  const clients: Client[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const roomId = socketRoomId(Math.floor(index / ROOM_SIZE));
        const socket = await connect(url, index, reconnection);
        const ack = await socket.timeout(60_000).emitWithAck('room.join', { roomId });
        if (!ack.ok) throw new Error(`room.join: ${ack.error.code}`);
        clients[index] = { index, roomId, socket, lastSeq: ack.lastSeq };
      }
    }),
  );
  return clients;
}

export function closeAll(clients: Client[]): void {
  for (const c of clients) c.socket.close();
}

export interface SendRun {
  rate: number;
  seconds: number;
  sent: number;
  acked: number;
  failed: number;
  delivered: number;
  expectedDeliveries: number;
  ack: hdr.Histogram;
  delivery: hdr.Histogram;
  lastReceiver: hdr.Histogram;
  /** How late the generator fired its latest message (ms): large values mean it could not keep the schedule. */
  lateMs: number;
}

/**
 * Open-loop `message.send` at `rate` per second for `seconds`: message n goes to room n mod rooms, from the next
 * member of that room in turn. Records send→ack, send→each delivery and send→last receiver (every member of the
 * room has joined it, the sender included), all from the intended send time; waits up to `drainMs` for stragglers.
 */
export async function sendLoad(clients: Client[], rate: number, seconds: number, drainMs = 5000): Promise<SendRun> {
  const rooms = Math.floor(clients.length / ROOM_SIZE);
  const pending = new Map<string, { at: number; remaining: number }>();
  const run: SendRun = {
    rate,
    seconds,
    sent: 0,
    acked: 0,
    failed: 0,
    delivered: 0,
    expectedDeliveries: 0,
    ack: histogram(),
    delivery: histogram(),
    lastReceiver: histogram(),
    lateMs: 0,
  };
  let closed = false;
  let answered = 0;
  const onMessage = (message: { clientId: string }) => {
    const entry = pending.get(message.clientId);
    if (!entry || closed) return;
    const now = performance.now();
    record(run.delivery, now - entry.at);
    run.delivered += 1;
    entry.remaining -= 1;
    if (entry.remaining === 0) {
      record(run.lastReceiver, now - entry.at);
      pending.delete(message.clientId);
    }
  };
  for (const c of clients) c.socket.on('message.created', onMessage);
  const turn = new Array<number>(rooms).fill(0);
  const { sent, lateMs } = await openLoop(rate, seconds, (at, n) => {
    const room = n % rooms;
    const sender = clients[room * ROOM_SIZE + (turn[room]++ % ROOM_SIZE)]!;
    const clientId = randomUUID();
    pending.set(clientId, { at, remaining: ROOM_SIZE });
    sender.socket.emit('message.send', { roomId: sender.roomId, clientId, body: `bench ${n}` }, (ack) => {
      answered += 1;
      if (closed) return;
      if (ack.ok) {
        run.acked += 1;
        record(run.ack, performance.now() - at);
      } else {
        run.failed += 1;
        pending.delete(clientId);
      }
    });
  });
  run.sent = sent;
  run.lateMs = Math.round(lateMs);
  run.expectedDeliveries = sent * ROOM_SIZE;
  const until = performance.now() + drainMs;
  while (performance.now() < until && (run.acked + run.failed < sent || pending.size > 0)) await sleep(20);
  // Whatever is still outstanding counts as lost; let the server work off its backlog (up to a minute) so the
  // next run starts on a quiet server.
  closed = true;
  const settle = performance.now() + 60_000;
  while (answered < sent && performance.now() < settle) await sleep(50);
  for (const c of clients) c.socket.off('message.created', onMessage);
  return run;
}
