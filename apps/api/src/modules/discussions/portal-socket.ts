import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, PresenceStatus, ServerToClientEvents } from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import type { TokenBucket } from './socket-rate-limiter.js';

/** What one socket says about itself: `away` while its window is hidden or idle (`presence.set`). */
export type SocketStatus = Exclude<PresenceStatus, 'offline'>;

/**
 * What each socket carries from its handshake on (set by `SocketAuth`): as little as it can, since thousands of
 * idle sockets hold it.
 */
export interface SocketData {
  /**
   * Who sent the last event, as the database said then (role and state included); its member and session are those
   * the socket was opened with, checked again before each event.
   */
  actor: Actor;
  status: SocketStatus;
  bucket: TokenBucket;
  /** When this socket last relayed `typing`, per room channel; made at its first `typing`. */
  typingAt?: Map<string, number>;
}

export type PortalServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type PortalSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Socket channel names: a member's own channel, a room's. */
export const channel = {
  member: (id: string) => `member:${id}`,
  room: (id: string) => `room:${id}`,
};
