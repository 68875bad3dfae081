import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
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
}
