import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  AuditAction,
  DeletedMessages,
  DirectoryVisibility,
  FORMER_MEMBER_NAME,
  MemberStatus,
  NetworkRole,
} from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { MailService } from '../mail/mail.service.js';
import type { DeleteAccountDto, DeleteMemberDto } from './dto/delete-account.dto.js';
import { Member } from './entities/member.entity.js';
import { MemberChangedEvent } from './events/member-changed.event.js';
import { MemberDeletedEvent } from './events/member-deleted.event.js';
import { MemberErrorCode, MemberException } from './members.exception.js';
import { PasswordHasher } from './password-hasher.service.js';

/**
 * Deleting an account, by its member (confirming the password) or by an admin. The row stays, so that messages,
 * documents and audit entries keep their author and subject, but every piece of personal data leaves it in one
 * transaction with the audit entry: the name becomes "Former member", the e-mail a unique address under `.invalid`
 * (a reserved top-level domain nothing is ever delivered to), the password a hash of nothing anyone knows, and the
 * profile is emptied. The status `deleted` refuses every session and sign-in from the commit on; the
 * `member.deleted` event then lets each feature clean its own rows (docs/privacy.md).
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly events: EventEmitter2,
    private readonly mail: MailService,
  ) {}

  async deleteOwn(actor: Actor, dto: DeleteAccountDto): Promise<void> {
    const row = await this.dataSource
      .getRepository(Member)
      .createQueryBuilder('m')
      .addSelect('m.passwordHash')
      .where('m.id = :id', { id: actor.id })
      .getOne();
    if (!(await this.hasher.verify(row?.passwordHash ?? null, dto.password))) {
      throw new MemberException(MemberErrorCode.WRONG_PASSWORD);
    }
    await this.erase(actor, actor.id, dto.messages, 'self');
  }

  /** Admins only (checked by the route); their own account they delete as a member, with their password. */
  async deleteByAdmin(actor: Actor, id: string, dto: DeleteMemberDto): Promise<void> {
    if (id === actor.id) throw new MemberException(MemberErrorCode.CANNOT_ACT_ON_SELF);
    await this.erase(actor, id, dto.messages, 'admin');
  }

  private async erase(actor: Actor, id: string, messages: DeletedMessages, by: 'self' | 'admin'): Promise<void> {
    const removeMessages = messages === DeletedMessages.Remove;
    // Hashed outside the transaction: it is slow on purpose, and nobody will ever know the password.
    const unusableHash = await this.hasher.hash(randomBytes(32).toString('base64url'));
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Member);
      const member = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!member || member.status === MemberStatus.Deleted) {
        throw new MemberException(MemberErrorCode.MEMBER_NOT_FOUND);
      }
      if (member.role === NetworkRole.Admin && member.status === MemberStatus.Active) {
        // Admin rows are locked in a fixed order, so two admins deleting themselves at once cannot both pass.
        const admins = await repository.find({
          select: { id: true },
          where: { role: NetworkRole.Admin, status: MemberStatus.Active },
          order: { id: 'ASC' },
          lock: { mode: 'pessimistic_write' },
        });
        if (admins.length <= 1) throw new MemberException(MemberErrorCode.LAST_ADMIN);
      }
      await repository.update(
        { id },
        {
          displayName: FORMER_MEMBER_NAME,
          email: `deleted-${id}@deleted.invalid`,
          passwordHash: unusableHash,
          organization: null,
          city: null,
          expertise: [],
          bio: null,
          language: member.language,
          status: MemberStatus.Deleted,
          role: NetworkRole.Member,
          mustChangePassword: false,
          searchText: '',
          rejectionReason: null,
          emailVerifiedAt: null,
          directoryVisibility: DirectoryVisibility.Hidden,
          shownContactFields: [],
          deletedAt: new Date(),
        },
      );
      await this.mail.dropUnsentTo(manager, member.email);
      await this.audit.record(
        {
          action: AuditAction.MemberDeleted,
          actorId: actor.id,
          targetType: 'member',
          targetId: id,
          details: { by, messages: removeMessages ? DeletedMessages.Remove : DeletedMessages.Keep },
        },
        manager,
      );
    });
    await this.events.emitAsync(MemberDeletedEvent.NAME, new MemberDeletedEvent(id, actor.id, removeMessages));
    await this.events.emitAsync(
      MemberChangedEvent.NAME,
      new MemberChangedEvent(id, MemberStatus.Deleted, NetworkRole.Member, false),
    );
  }
}
