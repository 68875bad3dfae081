import type { INestApplicationContext, WsMessageHandler } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';

type HandlerCallback = WsMessageHandler['callback'];

/** Where a socket keeps Nest's handlers bound to it, indexed by `SharedEvent.index`. */
const HANDLERS = Symbol('handlers');
type HandledSocket = Socket & { [HANDLERS]?: HandlerCallback[] };

/** An event's listener, one for every socket, and its place in each socket's handlers. */
interface SharedEvent {
  index: number;
  listener: (this: Socket, ...args: unknown[]) => void;
}

/** Per socket server: work started by its sockets' disconnects, until it settles (see `PortalIoAdapter.close`). */
const unfinished = new WeakMap<Server, Set<Promise<unknown>>>();

/** Lets `work`, started by a socket's disconnect, finish before the server's adapter closes. */
export function finishBeforeClose(server: Server, work: Promise<unknown>): void {
  let pending = unfinished.get(server);
  if (!pending) unfinished.set(server, (pending = new Set()));
  const settled = pending;
  settled.add(work);
  void work.finally(() => settled.delete(work)).catch(() => undefined);
}

/** 64 KB: a message body of 8,000 characters fits many times over; anything larger is refused. */
const MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * socket.io on the API's HTTP server, path `/socket.io`. With `REDIS_URL` the Redis Streams adapter joins the
 * instances (broadcasts, socketsLeave, disconnectSockets and fetchSockets reach every instance); without it the
 * in-memory adapter serves one instance. The handshake itself (token, origin) is checked by the gateway.
 */
export class PortalIoAdapter extends IoAdapter {
  private redis?: Redis;
  private readonly events = new Map<string, SharedEvent>();
  private transform?: (data: unknown) => Observable<unknown>;

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
   * disconnect): the same dispatch and acknowledgement with less work per event. The listener of an event is one
   * function shared by every socket (socket.io calls it with the socket as `this`), and a socket keeps only
   * Nest's handlers bound to it, in one array: no closure per socket and event.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: WsMessageHandler[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    // Nest's unwrapping of a handler's result: the same for every socket, and it holds none.
    this.transform ??= transform;
    const callbacks: HandlerCallback[] = [];
    for (const { message, callback, isAckHandledManually } of handlers) {
      const event = this.eventFor(message as string, isAckHandledManually ?? false);
      callbacks[event.index] = callback;
      socket.on(message as string, event.listener);
    }
    (socket as HandledSocket)[HANDLERS] = callbacks;
  }

  private eventFor(message: string, ackHandledManually: boolean): SharedEvent {
    let event = this.events.get(message);
    if (!event) {
      const index = this.events.size;
      const dispatch = (socket: HandledSocket, args: unknown[]) =>
        this.dispatch(socket, index, ackHandledManually, args);
      event = {
        index,
        listener(this: Socket, ...args: unknown[]) {
          dispatch(this as HandledSocket, args);
        },
      };
      this.events.set(message, event);
    }
    return event;
  }

  private dispatch(socket: HandledSocket, index: number, ackHandledManually: boolean, args: unknown[]): void {
    const callback = socket[HANDLERS]?.[index];
    if (!callback || !this.transform) return;
    const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args);
    const reply = (response: unknown) => {
      if (response === null || response === undefined) return;
      const event = (response as { event?: string; data?: unknown }).event;
      if (event) socket.emit(event, (response as { data?: unknown }).data);
      else if (!ackHandledManually && typeof ack === 'function') (ack as (r: unknown) => void)(response);
    };
    try {
      this.transform(callback(data, ack)).subscribe({ next: reply, error: (error) => this.logger.error(error) });
    } catch (error) {
      this.logger.error(error);
    }
  }

  /**
   * Closing the server disconnects its sockets; what their disconnects started (presence updates) publishes
   * through the adapter, so it is let finish before the Redis connection ends.
   */
  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.allSettled([...(unfinished.get(server) ?? [])]);
    await this.redis?.quit().catch(() => undefined);
    this.redis = undefined;
  }
}
