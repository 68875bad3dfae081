import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@lcc/contracts';

export type PortalClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects a real socket.io client with an access token; resolves once connected, rejects with the refusal. */
export function connectSocket(
  url: string,
  token: string | undefined,
  options: { origin?: string } = {},
): Promise<PortalClient> {
  const socket: PortalClient = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: token === undefined ? {} : { token },
    reconnection: false,
    forceNew: true,
    extraHeaders: options.origin ? { Origin: options.origin } : undefined,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.close();
      reject(error);
    });
  });
}

/** Emits an event and resolves with its acknowledgement. */
export function emitAck<E extends keyof ClientToServerEvents>(
  socket: PortalClient,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
  timeoutMs = 10_000,
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
  return new Promise((resolve, reject) => {
    const emitter = socket.timeout(timeoutMs) as unknown as {
      emit: (event: string, payload: unknown, ack: (error: Error | null, result: unknown) => void) => void;
    };
    emitter.emit(event, payload, (error, result) => (error ? reject(error) : resolve(result as never)));
  });
}

/** Resolves with the first `event` payload that matches `predicate`. */
export function waitForEvent<E extends keyof ServerToClientEvents>(
  socket: PortalClient,
  event: E,
  predicate: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    };
    socket.on(event, listener as never);
  });
}

/** Collects every payload of `event` until read. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: PortalClient,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => seen.push(payload)) as never);
  return seen;
}

export function isOk<T extends object>(ack: Ack<T>): ack is { ok: true } & T {
  return ack.ok;
}

/**
 * Proves a negative without sleeping: starts listening on `socket`, runs `trigger` (which must cause an event that
 * reaches `socket` after anything that should not have), and resolves once that marker event has arrived. An event
 * that was going to arrive before the marker has arrived by then, so a test can assert its absence right after.
 */
export async function barrier<E extends keyof ServerToClientEvents>(
  socket: PortalClient,
  event: E,
  predicate: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean,
  trigger: () => Promise<unknown>,
  timeoutMs = 10_000,
): Promise<void> {
  const marker = waitForEvent(socket, event, predicate, timeoutMs);
  // A failed trigger must not leave the marker's rejection unhandled.
  marker.catch(() => undefined);
  await trigger();
  await marker;
}
