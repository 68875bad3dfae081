import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Setting } from './entities/setting.entity.js';

/** Values every instance shares, kept in the database. */
@Injectable()
export class SettingsService {
  constructor(@InjectRepository(Setting) private readonly settings: Repository<Setting>) {}

  /**
   * Returns the stored value of `key`, storing `create()` first when there is none.
   * Concurrent first calls from several instances agree on one value (INSERT ... ON CONFLICT DO NOTHING).
   */
  async getOrCreate(key: string, create: () => string): Promise<string> {
    await this.settings.createQueryBuilder().insert().values({ key, value: create() }).orIgnore().execute();
    const setting = await this.settings.findOneByOrFail({ key });
    return setting.value;
  }

  /** The stored value of `key`, or null when none was ever stored. */
  async get(key: string): Promise<string | null> {
    const setting = await this.settings.findOneBy({ key });
    return setting?.value ?? null;
  }

  /** Stores `value` under `key` (an admin's choice), in the caller's transaction when given; returns the row's id. */
  async set(key: string, value: string, manager?: EntityManager): Promise<string> {
    const repository = manager ? manager.getRepository(Setting) : this.settings;
    await repository.upsert({ key, value }, { conflictPaths: ['key'] });
    const setting = await repository.findOneByOrFail({ key });
    return setting.id;
  }
}
