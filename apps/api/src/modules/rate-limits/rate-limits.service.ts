import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Env } from '../../config/env.validation.js';
import { RateLimitWindow } from './entities/rate-limit-window.entity.js';

export interface LimitResult {
  allowed: boolean;
  /** Seconds until the window resets. */
  retryAfter: number;
}

/** A hit on a shared counter, which `refundShared` can take back. */
export interface SharedHit extends LimitResult {
  key: string;
  windowStart: Date;
}

/**
 * Fixed-window counters. The general per-IP limit counts in memory (per instance, no database write per request);
 * the brute-force limits on sign-in and registration count in PostgreSQL, so every instance shares them.
 */
@Injectable()
export class RateLimitsService {
  private readonly memory = new Map<string, { windowStart: number; hits: number }>();
  private sweptAt = 0;

  /** Shared windows older than this have ended, whatever their length (the longest window, twice). */
  private readonly retentionMs: number;

  constructor(
    @InjectRepository(RateLimitWindow) private readonly windows: Repository<RateLimitWindow>,
    config: ConfigService<Env, true>,
  ) {
    this.retentionMs =
      2 *
      Math.max(
        config.get('RATE_LIMIT_TTL_MS', { infer: true }),
        config.get('RATE_LIMIT_AUTH_ACCOUNT_TTL_MS', { infer: true }),
      );
  }

  hitInMemory(key: string, limit: number, ttlMs: number): LimitResult {
    const now = Date.now();
    const windowStart = now - (now % ttlMs);
    this.sweep(now, ttlMs);
    const entry = this.memory.get(key);
    const current = entry && entry.windowStart === windowStart ? entry : { windowStart, hits: 0 };
    current.hits += 1;
    this.memory.set(key, current);
    return { allowed: current.hits <= limit, retryAfter: Math.ceil((windowStart + ttlMs - now) / 1000) };
  }

  async hitShared(key: string, limit: number, ttlMs: number): Promise<SharedHit> {
    const now = Date.now();
    const windowStart = new Date(now - (now % ttlMs));
    const rows = (await this.windows.query(
      `INSERT INTO rate_limit_windows (key, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1, updated_at = now()
       RETURNING hits`,
      [key.slice(0, 300), windowStart],
    )) as { hits: number }[];
    if (Math.random() < 0.01) {
      // Now and then, forget windows that ended long ago (not just this one's length ago: windows differ).
      await this.windows.query(`DELETE FROM rate_limit_windows WHERE window_start < $1`, [
        new Date(now - this.retentionMs),
      ]);
    }
    return {
      key,
      windowStart,
      allowed: (rows[0]?.hits ?? 0) <= limit,
      retryAfter: Math.ceil((windowStart.getTime() + ttlMs - now) / 1000),
    };
  }

  /** Takes hits back (an attempt that turned out not to count), in the windows they were made in. */
  async refundShared(hits: SharedHit[]): Promise<void> {
    for (const hit of hits) {
      await this.windows.query(
        `UPDATE rate_limit_windows SET hits = GREATEST(hits - 1, 0), updated_at = now()
         WHERE key = $1 AND window_start = $2`,
        [hit.key.slice(0, 300), hit.windowStart],
      );
    }
  }

  private sweep(now: number, ttlMs: number): void {
    if (now - this.sweptAt < ttlMs) return;
    this.sweptAt = now;
    for (const [key, entry] of this.memory) {
      if (entry.windowStart + ttlMs <= now) this.memory.delete(key);
    }
  }
}
