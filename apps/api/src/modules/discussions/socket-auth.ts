import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RealtimeErrorCode } from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import type { Env } from '../../config/env.validation.js';
import { AuthService } from '../auth/auth.service.js';
import { SessionsService } from '../auth/sessions.service.js';
import type { PortalSocket } from './portal-socket.js';
import { TokenBucket } from './socket-rate-limiter.js';

interface Refusal {
  code: RealtimeErrorCode;
  message: string;
}

/**
 * Who may hold a socket, asked with the same code as HTTP: at the handshake (origin, token, live session, active
 * member, no password change pending) and again before every event (`currentActor`), so a role taken away or a
 * session ended by any path applies to the very next event on whichever instance holds the socket.
 */
@Injectable()
export class SocketAuth {
  private readonly origins: string[];

  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly config: ConfigService<Env, true>,
  ) {
    this.origins = (this.config.get('CORS_ORIGINS', { infer: true }) ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  }

  /**
   * socket.io middleware: admits the socket with its per-socket state (actor, rate limit, status `online`), or
   * refuses the handshake with `connect_error` whose `data.code` names the reason.
   */
  admit(socket: PortalSocket, next: (error?: Error) => void): void {
    void this.authenticate(socket).then(
      () => next(),
      (refusal: Refusal) => next(Object.assign(new Error(refusal.message), { data: { code: refusal.code } })),
    );
  }

  /**
   * Reads the socket's member again, as every HTTP request does: a role taken away, a suspension or an ended session
   * applies to the very next event, on whichever instance holds the socket. Null when the session has ended.
   */
  async currentActor(socket: PortalSocket): Promise<Actor | null> {
    try {
      const { id, sessionId } = socket.data.actor;
      const actor = await this.auth.resolveActor({ sub: id, sid: sessionId });
      socket.data.actor = actor;
      return actor;
    } catch {
      return null;
    }
  }

  private async authenticate(socket: PortalSocket): Promise<void> {
    const { origin, host } = socket.handshake.headers;
    // The portal's own pages (same host) may always connect; other browser origins only when allowed.
    if (origin && !this.origins.includes(origin) && !sameHost(origin, host)) {
      throw refusal(RealtimeErrorCode.ORIGIN_NOT_ALLOWED, 'This origin may not connect');
    }
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0) {
      throw refusal(RealtimeErrorCode.UNAUTHORIZED, 'An access token is required');
    }
    let claims;
    try {
      claims = await this.sessions.verifyAccessToken(token);
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw expired
        ? refusal(RealtimeErrorCode.TOKEN_EXPIRED, 'The access token has expired')
        : refusal(RealtimeErrorCode.UNAUTHORIZED, 'The access token is not valid');
    }
    try {
      socket.data.actor = await this.auth.resolveActor(claims);
    } catch {
      throw refusal(RealtimeErrorCode.UNAUTHORIZED, 'The session has ended');
    }
    if (socket.data.actor.mustChangePassword) {
      throw refusal(RealtimeErrorCode.PASSWORD_CHANGE_REQUIRED, 'Choose a new password first');
    }
    socket.data.bucket = new TokenBucket(
      this.config.get('RATE_LIMIT_SOCKET_PER_SECOND', { infer: true }),
      this.config.get('RATE_LIMIT_SOCKET_BURST', { infer: true }),
    );
    socket.data.status = 'online';
  }
}

function refusal(code: RealtimeErrorCode, message: string): Refusal {
  return { code, message };
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
