import { Logger, type OnApplicationShutdown } from '@nestjs/common';
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
import { type Ack, CommonErrorCode, RealtimeErrorCode } from '@lcc/contracts';
import { AppException } from '../../common/errors/app.exception.js';
import { finishBeforeClose } from '../../common/realtime/portal-io.adapter.js';
import type { Actor } from '../../common/http/actor.js';
import { findInputProblem } from '../../common/validation/input-guard.js';
import { toErrorDetails } from '../../common/validation/validation.pipe.js';
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
import { MessageHistoryService } from './message-history.service.js';
import { MessageSendingService } from './message-sending.service.js';
import { channel, type PortalServer, type PortalSocket } from './portal-socket.js';
import { PresenceService } from './presence.service.js';
import { RoomBroadcaster } from './room-broadcaster.js';
import { ReadMarkersService } from './read-markers.service.js';
import { RoomsService } from './rooms.service.js';
import { SocketAuth } from './socket-auth.js';

/**
 * The socket.io gateway of the contract: each event is parsed, delegated to a service and acknowledged.
 * The handshake and the per-event re-read of the member are `SocketAuth`'s, presence is `PresenceService`'s, and
 * what the other sockets hear is published by the services and sent by `RealtimeListener`.
 */
@WebSocketGateway()
export class DiscussionsGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown
{
  private readonly logger = new Logger(DiscussionsGateway.name);
  private server?: PortalServer;

  constructor(
    private readonly socketAuth: SocketAuth,
    private readonly presence: PresenceService,
    private readonly rooms: RoomsService,
    private readonly markers: ReadMarkersService,
    private readonly messages: MessageHistoryService,
    private readonly sending: MessageSendingService,
    private readonly broadcaster: RoomBroadcaster,
  ) {}

  afterInit(server: PortalServer): void {
    this.server = server;
    this.broadcaster.attach(server);
    server.use((socket, next) => this.socketAuth.admit(socket as PortalSocket, next));
  }

  async handleConnection(socket: PortalSocket): Promise<void> {
    const { actor } = socket.data;
    await socket.join(channel.member(actor.id));
    await this.presence.socketChanged(actor.id, socket.data.status, null);
  }

  async handleDisconnect(socket: PortalSocket): Promise<void> {
    const actor = socket.data.actor;
    if (!actor) return;
    const update = this.presence.socketChanged(actor.id, null, socket.data.status);
    // On shutdown, the adapter closes only once the update is published.
    if (this.server) finishBeforeClose(this.server, update);
    await update;
  }

  onApplicationShutdown(): void {
    this.server?.disconnectSockets(true);
  }

  @SubscribeMessage('presence.set')
  setPresence(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, PresenceDto, payload, async (dto) => {
      await this.presence.set(socket, dto.status);
      return {};
    });
  }

  @SubscribeMessage('room.join')
  join(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, JoinRoomDto, payload, async (dto, actor) => {
      const { room } = await this.rooms.enter(actor, dto.roomId);
      // Join first, then read: a message committed in between arrives twice (clients drop it by seq), never zero times.
      await socket.join(channel.room(room.id));
      return this.messages.catchUp(actor, room, dto.sinceSeq);
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
    return this.handle(socket, SocketSendMessageDto, payload, async ({ roomId, ...message }, actor) => ({
      message: await this.sending.send(actor, roomId, message),
    }));
  }

  @SubscribeMessage('message.edit')
  edit(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, SocketEditMessageDto, payload, async (dto, actor) => ({
      message: await this.messages.edit(actor, dto.messageId, dto.body),
    }));
  }

  @SubscribeMessage('message.delete')
  remove(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, MessageRefDto, payload, async (dto, actor) => ({
      message: await this.messages.remove(actor, dto.messageId),
    }));
  }

  @SubscribeMessage('reaction.toggle')
  react(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, ReactionDto, payload, async (dto, actor) => ({
      message: await this.messages.react(actor, dto.messageId, dto.emoji),
    }));
  }

  @SubscribeMessage('typing')
  typing(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, RoomRefDto, payload, async (dto, actor) => {
      this.presence.typing(socket, actor, dto.roomId);
      return {};
    });
  }

  @SubscribeMessage('room.read')
  read(@ConnectedSocket() socket: PortalSocket, @MessageBody() payload: unknown) {
    return this.handle(socket, SocketReadMarkerDto, payload, async ({ roomId, ...marker }, actor) => {
      const { unreadCount } = await this.markers.read(actor, roomId, marker);
      return { unreadCount };
    });
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
    const actor = await this.socketAuth.currentActor(socket);
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
      return {
        ok: false,
        error: { code: CommonErrorCode.INTERNAL_ERROR, message: 'Something went wrong on our side' },
      };
    }
  }
}
