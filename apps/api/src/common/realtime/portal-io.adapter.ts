import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

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
      server.adapter(createAdapter(this.redis, { blockTimeInMs: 1000 }));
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.redis?.quit().catch(() => undefined);
    this.redis = undefined;
  }
}
