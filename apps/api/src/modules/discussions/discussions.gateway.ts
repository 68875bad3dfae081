import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Socket } from 'socket.io';
import { type Ack, type ClientToServerEvents, RealtimeErrorCode, type ServerToClientEvents } from '@lcc/contracts';
import { AppException } from '../../common/errors/app.exception.js';
import type { Actor } from '../../common/http/actor.js';
import { findInputProblem } from '../../common/validation/input-guard.js';
import { toErrorDetails } from '../../common/validation/validation.pipe.js';
import type { Env } from '../../config/env.validation.js';
import { AuthService } from '../auth/auth.service.js';
import { type AccessTokenClaims, SessionsService } from '../auth/sessions.service.js';
import {
  JoinRoomDto,
  MessageRefDto,
  PresenceDto,
  ReactionDto,
  RoomRefDto,
  SocketEditMessageDto,
  SocketReadMarkerDto,
  SocketSendMessageDto,
} from './dto/message.dto.js';
import { MessagesService } from './messages.service.js';
import { channel, type PortalServer, RoomBroadcaster } from './room-broadcaster.js';
import { RoomsService } from './rooms.service.js';
import { TokenBucket } from './socket-rate-limiter.js';

type PresenceStatus = 'online' | 'away';

interface SocketData {
  /** The session the socket was opened with: checked again before each event. */
  claims: AccessTokenClaims;
  /** Who sent the last event, as the database said then (role and state included). */
  actor: Actor;
  /** Set by the client (`presence.set`), e.g. `away` while its window is hidden. */
  status: PresenceStatus;
  bucket: TokenBucket;
  typingAt: Map<string, number>;
}
type PortalSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const CATCH_UP_LIMIT = 100;
const TYPING_INTERVAL_MS = 2000;

/**
 * The socket.io gateway of the contract: authenticates the handshake with the same access tokens as HTTP, then
 * parses, delegates to the services and acknowledges. `message.send` is acknowledged after the commit.
 */
@WebSocketGateway()
export class DiscussionsGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown
{
  private readonly logger = new Logger(DiscussionsGateway.name);
  private server?: PortalServer;

  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly rooms: RoomsService,
    private readonly messages: MessagesService,
    private readonly broadcaster: RoomBroadcaster,
    private readonly config: ConfigService<Env, true>,
  ) {}

  afterInit(server: PortalServer): void {
    this.server = server;
    this.broadcaster.attach(server);
    const origins = (this.config.get('CORS_ORIGINS', { infer: true }) ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    server.use((socket, next) => {
      void this.authenticate(socket as PortalSocket, origins).then(
        () => next(),
        (error: { code: string; message: string }) =>
          next(Object.assign(new Error(error.message), { data: { code: error.code } })),
      );
    });
  }

  async handleConnection(socket: PortalSocket): Promise<void> {
    const { actor } = socket.data;
    await socket.join([channel.member(actor.id), channel.session(actor.sessionId)]);
    await this.announcePresence(actor.id, socket.data.status, null);
  }

  async handleDisconnect(socket: PortalSocket): Promise<void> {
    const actor = socket.data.actor;
    if (actor) await this.announcePresence(actor.id, null, socket.data.status);
  }

  @SubscribeMessage('presence.set')
  setPresence(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, PresenceDto, payload, async (dto, actor) => {
      const before = socket.data.status;
      socket.data.status = dto.status;
      if (before !== dto.status) await this.announcePresence(actor.id, dto.status, before);
      return {};
    });
  }

  onApplicationShutdown(): void {
    this.server?.disconnectSockets(true);
  }

  @SubscribeMessage('room.join')
  join(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, JoinRoomDto, payload, async (dto, actor) => {
      const { room } = await this.rooms.enter(actor, dto.roomId);
      // Join first, then read: a message committed in between arrives twice (clients drop it by seq), never zero times.
      await socket.join(channel.room(room.id));
      const page =
        dto.sinceSeq !== undefined
          ? await this.messages.page(room.id, { after: dto.sinceSeq, limit: CATCH_UP_LIMIT }, actor)
          : await this.messages.page(room.id, { limit: CATCH_UP_LIMIT }, actor);
      // The room's seq when access was checked, or the page's newest if later: anything committed after the join
      // arrives as a broadcast, so the client holds everything up to lastSeq once it has paged through hasMore.
      const lastSeq = Math.max(room.lastSeq, page.items.at(-1)?.seq ?? 0);
      return { messages: page.items, items: page.items, hasMore: page.hasMore, lastSeq };
    });
  }

  @SubscribeMessage('room.leave')
  leave(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, RoomRefDto, payload, async (dto) => {
      await socket.leave(channel.room(dto.roomId));
      return {};
    });
  }

  @SubscribeMessage('message.send')
  send(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, SocketSendMessageDto, payload, async (dto, actor) => {
      const { roomId, ...message } = dto;
      const result = await this.messages.send(actor, roomId, message);
      if (result.created) this.broadcaster.messageCreated(result.message);
      return { message: result.message };
    });
  }

  @SubscribeMessage('message.edit')
  edit(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, SocketEditMessageDto, payload, async (dto, actor) => {
      const message = await this.messages.edit(actor, dto.messageId, dto.body);
      this.broadcaster.messageUpdated(message);
      return { message };
    });
  }

  @SubscribeMessage('message.delete')
  remove(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, MessageRefDto, payload, async (dto, actor) => {
      const message = await this.messages.remove(actor, dto.messageId);
      this.broadcaster.messageUpdated(message);
      return { message };
    });
  }

  @SubscribeMessage('reaction.toggle')
  react(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, ReactionDto, payload, async (dto, actor) => {
      const message = await this.messages.react(actor, dto.messageId, dto.emoji);
      this.broadcaster.reactionsUpdated(message);
      return { message };
    });
  }

  @SubscribeMessage('typing')
  typing(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, RoomRefDto, payload, async (dto, actor) => {
      const room = channel.room(dto.roomId);
      const last = socket.data.typingAt.get(room) ?? 0;
      if (socket.rooms.has(room) && Date.now() - last >= TYPING_INTERVAL_MS) {
        socket.data.typingAt.set(room, Date.now());
        socket.volatile
          .to(room)
          .emit('typing', { roomId: dto.roomId, memberId: actor.id, displayName: actor.displayName });
      }
      return {};
    });
  }

  @SubscribeMessage('room.read')
  read(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, SocketReadMarkerDto, payload, async (dto, actor) => {
      const marker = dto.threadRootId
        ? await this.rooms.markThreadRead(actor, dto.roomId, dto.threadRootId, dto.seq)
        : await this.rooms.markRead(actor, dto.roomId, dto.seq);
      this.broadcaster.unreadUpdated(actor.id, dto.roomId, marker.unreadCount, marker.lastReadSeq, dto.threadRootId);
      return { unreadCount: marker.unreadCount };
    });
  }

  /**
   * A member is online while any of their sockets (on any instance: fetchSockets goes through the adapter) is
   * online, away while all of them are away, offline with none. After one socket changes (`added` joined or changed
   * to, `removed` left or changed from), the member's status before and after is derived from the others, and a
   * change is announced to the rooms they are in.
   */
  private async announcePresence(
    memberId: string,
    added: PresenceStatus | null,
    removed: PresenceStatus | null,
  ): Promise<void> {
    if (!this.server) return;
    try {
      const sockets = await this.server.in(channel.member(memberId)).fetchSockets();
      const now = sockets.map((s) => (s.data as SocketData).status);
      const before = [...now];
      const index = added ? before.indexOf(added) : -1;
      if (index >= 0) before.splice(index, 1);
      if (removed) before.push(removed);
      const aggregate = (statuses: PresenceStatus[]) =>
        statuses.length === 0 ? 'offline' : statuses.includes('online') ? 'online' : 'away';
      const status = aggregate(now);
      if (status === aggregate(before)) return;
      const roomIds = await this.rooms.roomIdsOf(memberId);
      if (roomIds.length) this.server.to(roomIds.map(channel.room)).emit('presence', { memberId, status });
    } catch (error) {
      // Presence is best effort: an instance that does not answer in time must not break connections.
      this.logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'presence not announced',
      );
    }
  }

  private async authenticate(socket: PortalSocket, origins: string[]): Promise<void> {
    const { origin, host } = socket.handshake.headers;
    // The portal's own pages (same host) may always connect; other browser origins only when allowed.
    if (origin && !origins.includes(origin) && !sameHost(origin, host)) {
      throw { code: RealtimeErrorCode.ORIGIN_NOT_ALLOWED, message: 'This origin may not connect' };
    }
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0) {
      throw { code: RealtimeErrorCode.UNAUTHORIZED, message: 'An access token is required' };
    }
    let claims;
    try {
      claims = await this.sessions.verifyAccessToken(token);
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw expired
        ? { code: RealtimeErrorCode.TOKEN_EXPIRED, message: 'The access token has expired' }
        : { code: RealtimeErrorCode.UNAUTHORIZED, message: 'The access token is not valid' };
    }
    try {
      socket.data.actor = await this.auth.resolveActor(claims);
    } catch {
      throw { code: RealtimeErrorCode.UNAUTHORIZED, message: 'The session has ended' };
    }
    if (socket.data.actor.mustChangePassword) {
      throw { code: RealtimeErrorCode.PASSWORD_CHANGE_REQUIRED, message: 'Choose a new password first' };
    }
    socket.data.claims = claims;
    socket.data.bucket = new TokenBucket(
      this.config.get('RATE_LIMIT_SOCKET_PER_SECOND', { infer: true }),
      this.config.get('RATE_LIMIT_SOCKET_BURST', { infer: true }),
    );
    socket.data.typingAt = new Map();
    socket.data.status = 'online';
  }

  /**
   * Reads the socket's member again, as every HTTP request does: a role taken away, a suspension or an ended session
   * applies to the very next event, on whichever instance holds the socket. Null when the session has ended.
   */
  private async currentActor(socket: PortalSocket): Promise<Actor | null> {
    try {
      const actor = await this.auth.resolveActor(socket.data.claims);
      socket.data.actor = actor;
      return actor;
    } catch {
      return null;
    }
  }

  /** Validates the payload, applies the socket's rate limit, runs the handler and turns any error into an error ack. */
  private async handle<Dto extends object, Result extends object>(
    socket: PortalSocket,
    type: new () => Dto,
    payload: unknown,
    run: (dto: Dto, actor: Actor) => Promise<Result>,
  ): Promise<Ack<Result>> {
    if (!socket.data.bucket.take()) {
      return { ok: false, error: { code: RealtimeErrorCode.RATE_LIMITED, message: 'Too many events; slow down' } };
    }
    // Checked before class-transformer sees it: it would recurse into hostile nesting, and NUL cannot be stored.
    const unsafe = findInputProblem(payload, '', 'payload');
    if (unsafe) {
      return {
        ok: false,
        error: { code: RealtimeErrorCode.VALIDATION_FAILED, message: `${unsafe.field}: ${unsafe.message}` },
      };
    }
    const dto = plainToInstance(type, typeof payload === 'object' && payload !== null ? payload : {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      const details = toErrorDetails(errors);
      return {
        ok: false,
        error: {
          code: RealtimeErrorCode.VALIDATION_FAILED,
          message: details.map((d) => `${d.field}: ${d.message}`).join('; '),
        },
      };
    }
    const actor = await this.currentActor(socket);
    if (!actor) {
      // The ack still goes out; the socket closes right after it.
      setImmediate(() => socket.disconnect(true));
      return { ok: false, error: { code: RealtimeErrorCode.UNAUTHORIZED, message: 'The session has ended' } };
    }
    try {
      return { ok: true, ...(await run(dto, actor)) };
    } catch (error) {
      if (error instanceof AppException) return { ok: false, error: { code: error.code, message: error.message } };
      this.logger.error(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'socket handler failed',
      );
      return { ok: false, error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' } };
    }
  }
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
