import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/** Argon2id hashing (OWASP parameters: 19 MiB, t=2, p=1). */
@Injectable()
export class PasswordHasher {
  private static readonly OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
  /** Verified against when the e-mail is unknown, so a miss costs as long as a hit. */
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return argon2.hash(password, PasswordHasher.OPTIONS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (hash === null) {
      this.dummyHash ??= this.hash('not-a-real-password-for-timing-only');
      await argon2.verify(await this.dummyHash, password);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
