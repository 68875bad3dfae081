import type { INestApplicationContext, WsMessageHandler } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';

/** 64 KB: a message body of 8,000 characters fits many times over; anything larger is refused. */
const MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * socket.io on the API's HTTP server, path `/socket.io`. With `REDIS_URL` the Redis Streams adapter joins the
 * instances (broadcasts, socketsLeave, disconnectSockets and fetchSockets reach every instance); without it the
 * in-memory adapter serves one instance. The handshake itself (token, origin) is checked by the gateway.
 */
export class PortalIoAdapter extends IoAdapter {
  private redis?: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string | undefined,
    /** Names the stream and channels, so portals (or test runs) sharing one Redis never hear each other. */
    private readonly redisPrefix = 'lcc',
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...(options as ServerOptions),
      serveClient: false,
      path: '/socket.io',
      maxHttpBufferSize: MAX_PAYLOAD_BYTES,
      // Origins are checked per handshake against CORS_ORIGINS (clients without Origin, such as servers, pass).
      cors: { origin: true, credentials: true },
    } as ServerOptions) as Server;
    if (this.redisUrl) {
      this.redis = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
      // A short XREAD block lets a closing instance release its reader within a second.
      server.adapter(
        createAdapter(this.redis, {
          blockTimeInMs: 1000,
          streamName: `${this.redisPrefix}:socket.io`,
          channelPrefix: `${this.redisPrefix}:socket.io`,
        }),
      );
    }
    return server;
  }

  /**
   * One plain listener per event instead of Nest's default (an rxjs pipeline per event and socket, torn down on
   * disconnect): the same dispatch and acknowledgement, with less memory per idle socket and less work per event.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: WsMessageHandler[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args);
        const reply = (response: unknown) => {
          if (response === null || response === undefined) return;
          const event = (response as { event?: string; data?: unknown }).event;
          if (event) socket.emit(event, (response as { data?: unknown }).data);
          else if (!isAckHandledManually && typeof ack === 'function') (ack as (r: unknown) => void)(response);
        };
        try {
          transform(callback(data, ack)).subscribe({ next: reply, error: (error) => this.logger.error(error) });
        } catch (error) {
          this.logger.error(error);
        }
      });
    }
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.redis?.quit().catch(() => undefined);
    this.redis = undefined;
  }
}
