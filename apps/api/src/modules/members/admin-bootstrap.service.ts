import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { MemberStatus, MemberType, NetworkRole } from '@lcc/contracts';
import { APP_OPTIONS, type AppOptions } from '../../config/app-options.js';
import { Member } from './entities/member.entity.js';
import { MembersService } from './members.service.js';
import { MemberException } from './members.exception.js';

export const GENERATED_ADMIN_EMAIL = 'admin@lcc.local';

/**
 * Makes sure the network has a first admin: from ADMIN_EMAIL + ADMIN_PASSWORD (idempotent), or, on an empty
 * embedded database, a generated account whose one-time password is printed once to the console.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    @Inject(APP_OPTIONS) private readonly options: AppOptions,
    @InjectRepository(Member) private readonly members: Repository<Member>,
    private readonly membersService: MembersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL, ADMIN_PASSWORD } = this.options.env;
    if (ADMIN_EMAIL && ADMIN_PASSWORD) {
      await this.ensureAdmin(ADMIN_EMAIL, ADMIN_PASSWORD, false);
      return;
    }
    if (!this.options.embeddedDatabase || (await this.members.count()) > 0) return;
    const password = randomBytes(12).toString('base64url');
    if (await this.ensureAdmin(GENERATED_ADMIN_EMAIL, password, true)) {
      this.options.announce(
        [
          'First admin account created (shown once; change the password at first sign-in):',
          `  e-mail:   ${GENERATED_ADMIN_EMAIL}`,
          `  password: ${password}`,
        ].join('\n'),
      );
    }
  }

  /** Creates the admin unless the e-mail exists; returns whether it was created. */
  private async ensureAdmin(email: string, password: string, mustChangePassword: boolean): Promise<boolean> {
    if (await this.membersService.emailExists(email)) return false;
    try {
      await this.membersService.create({
        email,
        password,
        displayName: 'Administrator',
        memberType: MemberType.Secretariat,
        country: 'KR',
        role: NetworkRole.Admin,
        status: MemberStatus.Active,
        mustChangePassword,
      });
      this.logger.log(`admin account ${email} created`);
      return true;
    } catch (error) {
      // Another instance created it at the same moment.
      if (error instanceof MemberException) return false;
      throw error;
    }
  }
}
