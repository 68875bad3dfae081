import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, type Repository } from 'typeorm';
import { MemberStatus, type SessionResponse } from '@lcc/contracts';
import { preparedQuery } from '@lcc/database';
import { ConfigService } from '@nestjs/config';
import { isUUID } from 'class-validator';
import type { Env } from '../../config/env.validation.js';
import type { Actor, ClientInfo } from '../../common/http/actor.js';
import { newSecret, sha256 } from '../../common/http/secrets.js';
import { batchWhileBusy } from '../../common/sql/batch-while-busy.js';
import { AuthErrorCode, AuthException } from './auth.exception.js';
import { AuthSession } from './entities/auth-session.entity.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { type SessionRevocationReason, SessionsRevokedEvent } from './events/session-revoked.event.js';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionId: string;
}

type RotationOutcome =
  | { kind: 'rotated'; memberId: string; tokens: IssuedTokens }
  | { kind: 'reused'; memberId: string; sessionId: string }
  | { kind: 'refused'; code: AuthErrorCode };

/**
 * Sessions and their tokens: short-lived JWT access tokens naming a session, and opaque single-use refresh
 * tokens (stored as SHA-256) rotated on every refresh. Presenting a used refresh token ends its whole session.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<Env, true>,
    private readonly jwt: JwtService,
    private readonly events: EventEmitter2,
  ) {}

  async start(memberId: string, client: ClientInfo): Promise<IssuedTokens> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const session = await manager.getRepository(AuthSession).save({
        memberId,
        userAgent: client.userAgent,
        ip: client.ip,
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + this.config.get('REFRESH_TOKEN_TTL_SECONDS', { infer: true }) * 1000),
      });
      const refreshToken = await this.addRefreshToken(manager.getRepository(RefreshToken), session);
      return this.issue(memberId, session.id, refreshToken);
    });
  }

  /** Exchanges a refresh token for a new pair; the old one is spent. */
  async rotate(refreshToken: string, client: ClientInfo): Promise<{ memberId: string; tokens: IssuedTokens }> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<RotationOutcome> => {
      const tokens = manager.getRepository(RefreshToken);
      const token = await tokens.findOne({
        where: { tokenHash: sha256(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) return { kind: 'refused', code: AuthErrorCode.INVALID_REFRESH_TOKEN };
      const session = await manager
        .getRepository(AuthSession)
        .createQueryBuilder('s')
        .innerJoinAndSelect('s.member', 'm')
        .where('s.id = :id', { id: token.sessionId })
        .setLock('pessimistic_write', undefined, ['s'])
        .getOneOrFail();
      const now = new Date();
      if (session.revokedAt || session.expiresAt <= now)
        return { kind: 'refused', code: AuthErrorCode.SESSION_REVOKED };
      if (token.usedAt) return { kind: 'reused', memberId: session.memberId, sessionId: session.id };
      if (token.expiresAt <= now) return { kind: 'refused', code: AuthErrorCode.INVALID_REFRESH_TOKEN };
      if (session.member.status !== MemberStatus.Active) {
        return { kind: 'refused', code: AuthErrorCode.ACCOUNT_SUSPENDED };
      }
      token.usedAt = now;
      await tokens.save(token);
      session.lastUsedAt = now;
      session.ip = client.ip ?? session.ip;
      await manager.getRepository(AuthSession).update({ id: session.id }, { lastUsedAt: now, ip: session.ip });
      const next = await this.addRefreshToken(tokens, session);
      return { kind: 'rotated', memberId: session.memberId, tokens: this.issue(session.memberId, session.id, next) };
    });
    if (outcome.kind === 'reused') {
      // Someone replayed a spent token: it may have been stolen, so the whole family ends.
      await this.revoke(outcome.memberId, [outcome.sessionId], 'refresh_token_reuse');
      throw new AuthException(AuthErrorCode.REFRESH_TOKEN_REUSED);
    }
    if (outcome.kind === 'refused') {
      throw new AuthException(
        outcome.code === AuthErrorCode.ACCOUNT_SUSPENDED ? AuthErrorCode.SESSION_REVOKED : outcome.code,
      );
    }
    return { memberId: outcome.memberId, tokens: outcome.tokens };
  }

  /** Verifies an access token's signature and expiry (also used by the socket handshake). */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    return this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
  }

  /**
   * The member behind a live session named by an access token; null when the session has ended. This runs on every
   * request and every socket event: the sessions asked about while one read runs are read together in the next, in
   * one round trip of plain SQL, so each answer is still read after its request arrived.
   */
  async findLiveMember(memberId: string, sessionId: string): Promise<Omit<Actor, 'sessionId'> | null> {
    // A bad id in a batch would fail every read in it; signed tokens carry good ones, but nothing else is asked.
    if (!isUUID(sessionId)) return null;
    const member = await this.liveSessions.load(sessionId);
    return member?.id === memberId ? member : null;
  }

  private readonly liveSessions = batchWhileBusy<string, Omit<Actor, 'sessionId'> | null>(async (sessionIds) => {
    const rows = await preparedQuery<{
      session_id: string;
      id: string;
      role: Actor['role'];
      status: Actor['status'];
      display_name: string;
      time_zone: string;
      must_change_password: boolean;
    }>(
      this.dataSource,
      'live-sessions',
      `SELECT s.id AS session_id, m.id, m.role, m.status, m.display_name, m.time_zone, m.must_change_password
         FROM auth_sessions s JOIN members m ON m.id = s.member_id
        WHERE s.id = ANY($1::uuid[]) AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [sessionIds],
    );
    const bySession = new Map(rows.map((row) => [row.session_id, row]));
    return sessionIds.map((id) => {
      const row = bySession.get(id);
      if (!row) return null;
      return {
        id: row.id,
        role: row.role,
        status: row.status,
        displayName: row.display_name,
        timeZone: row.time_zone,
        mustChangePassword: row.must_change_password,
      };
    });
  });

  /** The session a refresh token belongs to, if the token is known. */
  async sessionOfRefreshToken(refreshToken: string): Promise<AuthSession | null> {
    const token = await this.dataSource
      .getRepository(RefreshToken)
      .findOne({ where: { tokenHash: sha256(refreshToken) }, relations: { session: true } });
    return token?.session ?? null;
  }

  async revoke(memberId: string, sessionIds: string[], reason: SessionRevocationReason): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.sessions
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('memberId = :memberId AND id IN (:...sessionIds) AND revokedAt IS NULL', { memberId, sessionIds })
      .execute();
    await this.events.emitAsync(
      SessionsRevokedEvent.NAME,
      new SessionsRevokedEvent(memberId, sessionIds, false, reason),
    );
  }

  /** Ends every session of a member but `keep` (the current one, after a password change). */
  async revokeAll(memberId: string, reason: SessionRevocationReason, keep?: string): Promise<void> {
    // The ids are named in the event, so the sockets of exactly those sessions close (the kept one stays open).
    const [ended] = (await this.dataSource.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2, updated_at = now()
        WHERE member_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid) RETURNING id`,
      [memberId, reason, keep ?? null],
    )) as [{ id: string }[], number];
    await this.events.emitAsync(
      SessionsRevokedEvent.NAME,
      new SessionsRevokedEvent(
        memberId,
        ended.map((row) => row.id),
        !keep,
        reason,
      ),
    );
  }

  async list(actor: Actor): Promise<SessionResponse[]> {
    const sessions = await this.sessions.find({
      where: { memberId: actor.id, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { lastUsedAt: 'DESC' },
    });
    return sessions.map((s) => ({
      id: s.id,
      userAgent: s.userAgent,
      ip: s.ip,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      current: s.id === actor.sessionId,
    }));
  }

  async revokeOwn(actor: Actor, sessionId: string): Promise<void> {
    const session = await this.sessions.findOneBy({ id: sessionId, memberId: actor.id, revokedAt: IsNull() });
    if (!session) throw new AuthException(AuthErrorCode.SESSION_NOT_FOUND);
    await this.revoke(actor.id, [sessionId], 'revoked_by_member');
  }

  private async addRefreshToken(tokens: Repository<RefreshToken>, session: AuthSession): Promise<string> {
    const { token, hash } = newSecret();
    await tokens.insert({ sessionId: session.id, tokenHash: hash, expiresAt: session.expiresAt });
    return token;
  }

  private issue(memberId: string, sessionId: string, refreshToken: string): IssuedTokens {
    const expiresIn = this.config.get('JWT_ACCESS_TTL_SECONDS', { infer: true });
    const claims: AccessTokenClaims = { sub: memberId, sid: sessionId };
    const accessToken = this.jwt.sign(claims, { expiresIn, algorithm: 'HS256' });
    return { accessToken, refreshToken, expiresIn, sessionId };
  }
}
