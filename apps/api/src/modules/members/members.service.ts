import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, type Repository } from 'typeorm';
import { isUniqueViolation } from '@lcc/database';
import {
  AuditAction,
  ContactField,
  DirectoryVisibility,
  Language,
  type MemberResponse,
  MemberStatus,
  type MemberType,
  NetworkRole,
  type Page,
} from '@lcc/contracts';
import { type Actor, isNetworkStaff } from '../../common/http/actor.js';
import { whoIsActorAt } from '../../common/sql/sql-params.js';
import { decodeCursor, toPage } from '../../common/pagination/cursor.js';
import { AuditService } from '../audit/audit.service.js';
import { MailService, registrationRejectedMail } from '../mail/mail.service.js';
import type { ListMembersQueryDto } from './dto/list-members-query.dto.js';
import type { UpdateMeDto } from './dto/update-me.dto.js';
import { Member } from './entities/member.entity.js';
import { MemberChangedEvent } from './events/member-changed.event.js';
import { MemberRoleChangedEvent } from './events/member-role-changed.event.js';
import { MemberSuspendedEvent } from './events/member-suspended.event.js';
import { escapeLike } from '../../common/search/like.js';
import { foldForSearch, searchTextOf, toMemberResponse } from './member-view.js';
import { memberVisibleSql, profileVisibleSql } from './member-visibility.js';
import { MemberErrorCode, MemberException } from './members.exception.js';
import { PasswordHasher } from './password-hasher.service.js';
import { rejectNulls } from '../../common/validation/fields.js';

/** The member row as other features receive it from this service (auth checks its password hash). */
export type { Member };

export interface NewMember {
  email: string;
  password: string;
  displayName: string;
  memberType: MemberType;
  country: string;
  organization?: string | null;
  city?: string | null;
  language?: Language;
  timeZone?: string;
  expertise?: string[];
  bio?: string | null;
  role: NetworkRole;
  status: MemberStatus;
  mustChangePassword?: boolean;
  /** True when the registration itself proves the address (it came from an e-mailed invitation). */
  emailVerified?: boolean;
}

/** Who receives account e-mail: the address, name, language and zone of a member. */
export interface MailRecipient {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  timeZone: string;
}

const RANK: Record<NetworkRole, number> = {
  [NetworkRole.Observer]: 0,
  [NetworkRole.Member]: 1,
  [NetworkRole.Coordinator]: 2,
  [NetworkRole.Admin]: 3,
};

/** Members: registration records, profiles, the directory and the admin actions on accounts. */
@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(Member) private readonly members: Repository<Member>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly hasher: PasswordHasher,
    private readonly mail: MailService,
  ) {}

  /** Inserts a member inside the caller's transaction; a taken e-mail (any letter case) is a 409. */
  async create(input: NewMember, manager: EntityManager = this.dataSource.manager): Promise<Member> {
    const repository = manager.getRepository(Member);
    const member = repository.create({
      email: input.email.trim(),
      passwordHash: await this.hasher.hash(input.password),
      displayName: input.displayName,
      memberType: input.memberType,
      country: input.country,
      organization: input.organization ?? null,
      city: input.city ?? null,
      language: input.language ?? Language.En,
      timeZone: input.timeZone ?? 'UTC',
      expertise: input.expertise ?? [],
      bio: input.bio ?? null,
      role: input.role,
      status: input.status,
      mustChangePassword: input.mustChangePassword ?? false,
      directoryVisibility: DirectoryVisibility.Network,
      shownContactFields: [ContactField.Organization, ContactField.City],
      approvedAt: input.status === MemberStatus.Active ? new Date() : null,
      emailVerifiedAt: input.emailVerified ? new Date() : null,
    });
    member.searchText = searchTextOf(member);
    try {
      return await repository.save(member);
    } catch (error) {
      // Inside a transaction the caller's rollback undoes the rest of the registration.
      if (isUniqueViolation(error)) throw new MemberException(MemberErrorCode.EMAIL_TAKEN);
      throw error;
    }
  }

  async emailExists(email: string): Promise<boolean> {
    return this.members.existsBy({ email: email.trim() });
  }

  /** The member and password hash for a sign-in, or null for an unknown e-mail. */
  async findForLogin(email: string): Promise<{ member: Member; passwordHash: string } | null> {
    const member = await this.members
      .createQueryBuilder('m')
      .addSelect('m.passwordHash')
      .where('m.email = :email', { email: email.trim() })
      .getOne();
    return member ? { member, passwordHash: member.passwordHash } : null;
  }

  /** Which of `ids` are active members (for invitations to meetings and rooms). */
  async activeIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.members.find({ select: { id: true }, where: { id: In(ids), status: MemberStatus.Active } });
    return new Set(rows.map((m) => m.id));
  }

  /** A member by e-mail (any letter case), or null. */
  async findByEmail(email: string): Promise<Member | null> {
    return this.members.findOneBy({ email: email.trim() });
  }

  /** Records that the member proved the address is theirs (inside the caller's transaction). */
  async markEmailVerified(manager: EntityManager, memberId: string): Promise<void> {
    await manager
      .getRepository(Member)
      .createQueryBuilder()
      .update()
      .set({ emailVerifiedAt: () => 'now()' })
      .where('id = :memberId AND emailVerifiedAt IS NULL', { memberId })
      .execute();
  }

  /** Active coordinators and admins: they approve registrations. */
  async staffRecipients(manager: EntityManager = this.dataSource.manager): Promise<MailRecipient[]> {
    return manager.getRepository(Member).find({
      select: { id: true, email: true, displayName: true, language: true, timeZone: true },
      where: { status: MemberStatus.Active, role: In([NetworkRole.Admin, NetworkRole.Coordinator]) },
      order: { createdAt: 'ASC' },
    });
  }

  async findById(id: string): Promise<Member | null> {
    return this.members.findOneBy({ id });
  }

  /** Constant-time-ish check: an unknown account (null hash) costs as long as a known one. */
  verifyHash(hash: string | null, password: string): Promise<boolean> {
    return this.hasher.verify(hash, password);
  }

  async verifyPassword(memberId: string, password: string): Promise<boolean> {
    const row = await this.members
      .createQueryBuilder('m')
      .addSelect('m.passwordHash')
      .where('m.id = :memberId', { memberId })
      .getOne();
    return this.hasher.verify(row?.passwordHash ?? null, password);
  }

  async setPassword(
    memberId: string,
    password: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager
      .getRepository(Member)
      .update({ id: memberId }, { passwordHash: await this.hasher.hash(password), mustChangePassword: false });
  }

  async me(actor: Actor): Promise<MemberResponse> {
    return toMemberResponse(await this.requireMember(actor.id), actor);
  }

  async updateMe(actor: Actor, dto: UpdateMeDto): Promise<MemberResponse> {
    rejectNulls(dto, [
      'displayName',
      'memberType',
      'country',
      'language',
      'timeZone',
      'expertise',
      'directoryVisibility',
      'shownContactFields',
    ]);
    const member = await this.requireMember(actor.id);
    Object.assign(member, dto);
    member.searchText = searchTextOf(member);
    await this.members.save(member);
    return toMemberResponse(member, actor);
  }

  /**
   * A profile: active members the directory rule lets the actor find (`member-visibility.ts`); others only to
   * coordinators and admins (404 otherwise, as if there were nobody).
   */
  async get(actor: Actor, id: string): Promise<MemberResponse> {
    const member = await this.members
      .createQueryBuilder('m')
      .where('m.id = :id', { id })
      .andWhere(profileVisibleSql('m', whoIsActorAt(actor, ':actorId')), { actorId: actor.id })
      .getOne();
    if (!member) throw new MemberException(MemberErrorCode.MEMBER_NOT_FOUND);
    return toMemberResponse(member, actor);
  }

  /**
   * The directory (also the header search's people and the people pickers): the members the actor may find
   * (`member-visibility.ts`), substring search in any script, filters, keyset pages ordered by name. Deleted
   * accounts are listed to nobody.
   */
  async list(actor: Actor, query: ListMembersQueryDto): Promise<Page<MemberResponse>> {
    const status = isNetworkStaff(actor) && query.status ? query.status : MemberStatus.Active;
    const qb = this.members
      .createQueryBuilder('m')
      .where('m.status = :status', { status })
      .andWhere(memberVisibleSql('m', whoIsActorAt(actor, ':actorId')), { actorId: actor.id })
      .orderBy('m.displayName', 'ASC')
      .addOrderBy('m.id', 'ASC');
    if (query.q) {
      qb.andWhere(`m.searchText LIKE :q ESCAPE '\\'`, { q: `%${escapeLike(foldForSearch(query.q))}%` });
    }
    if (query.country) qb.andWhere('m.country = :country', { country: query.country });
    if (query.memberType) qb.andWhere('m.memberType = :memberType', { memberType: query.memberType });
    if (query.expertise) {
      qb.andWhere('EXISTS (SELECT 1 FROM unnest(m.expertise) AS e(tag) WHERE lower(e.tag) = lower(:expertise))', {
        expertise: query.expertise,
      });
    }
    if (query.cursor) {
      const [displayName, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      qb.andWhere('(m.displayName, m.id) > (:displayName, :id)', { displayName, id });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    return toPage(
      rows,
      query.limit,
      (m) => toMemberResponse(m, actor),
      (m) => [m.displayName, m.id],
    );
  }

  async approve(actor: Actor, id: string): Promise<MemberResponse> {
    const response = await this.transition(actor, id, AuditAction.MemberApproved, (member) => {
      if (member.status !== MemberStatus.Pending) throw new MemberException(MemberErrorCode.MEMBER_NOT_PENDING);
      member.status = MemberStatus.Active;
      member.approvedAt = new Date();
      return {};
    });
    await this.announce(response, false);
    return response;
  }

  /**
   * Turns a pending registration down. The reason is kept on the member, written to the audit log and e-mailed to
   * the applicant in their language, all in one transaction (the mail leaves through the outbox after the commit).
   */
  async reject(actor: Actor, id: string, reason: string): Promise<MemberResponse> {
    const response = await this.transition(actor, id, AuditAction.MemberRejected, async (member, manager) => {
      if (member.status !== MemberStatus.Pending) throw new MemberException(MemberErrorCode.MEMBER_NOT_PENDING);
      member.status = MemberStatus.Rejected;
      member.rejectionReason = reason;
      member.rejectedAt = new Date();
      await this.mail.enqueue(manager, {
        kind: 'registration_rejected',
        to: { address: member.email, name: member.displayName },
        language: member.language,
        content: registrationRejectedMail({
          language: member.language,
          name: member.displayName,
          email: member.email,
          reason,
        }),
      });
      return { reason };
    });
    await this.announce(response, true);
    return response;
  }

  async suspend(actor: Actor, id: string): Promise<MemberResponse> {
    const response = await this.transition(actor, id, AuditAction.MemberSuspended, (member) => {
      if (member.status === MemberStatus.Suspended) {
        throw new MemberException(MemberErrorCode.MEMBER_ALREADY_SUSPENDED);
      }
      const previousStatus = member.status;
      member.status = MemberStatus.Suspended;
      return { previousStatus };
    });
    await this.events.emitAsync(MemberSuspendedEvent.NAME, new MemberSuspendedEvent(id, actor.id));
    await this.announce(response, false);
    return response;
  }

  async reinstate(actor: Actor, id: string): Promise<MemberResponse> {
    const response = await this.transition(actor, id, AuditAction.MemberReinstated, (member) => {
      if (member.status !== MemberStatus.Suspended) throw new MemberException(MemberErrorCode.MEMBER_NOT_SUSPENDED);
      member.status = MemberStatus.Active;
      return {};
    });
    await this.announce(response, false);
    return response;
  }

  /** Admins only (checked by the route); an admin cannot change their own role, so one admin always remains. */
  async changeRole(actor: Actor, id: string, role: NetworkRole): Promise<MemberResponse> {
    const response = await this.transition(actor, id, AuditAction.MemberRoleChanged, (member) => {
      const from = member.role;
      member.role = role;
      return { from, to: role };
    });
    await this.events.emitAsync(MemberRoleChangedEvent.NAME, new MemberRoleChangedEvent(id, actor.id));
    await this.announce(response, false);
    return response;
  }

  /** After the commit: lists of members on screen refresh (the directory for everyone, or staff screens only). */
  private async announce(member: MemberResponse, staffOnly: boolean): Promise<void> {
    await this.events.emitAsync(
      MemberChangedEvent.NAME,
      new MemberChangedEvent(member.id, member.status, member.role, staffOnly),
    );
  }

  /**
   * Loads the target under a row lock, checks the actor may act on it, applies `change` and writes the audit
   * entry in the same transaction.
   */
  private async transition(
    actor: Actor,
    id: string,
    action: AuditAction,
    change: (member: Member, manager: EntityManager) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<MemberResponse> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Member);
      const member = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw new MemberException(MemberErrorCode.MEMBER_NOT_FOUND);
      if (member.id === actor.id) throw new MemberException(MemberErrorCode.CANNOT_ACT_ON_SELF);
      if (actor.role !== NetworkRole.Admin && RANK[member.role] >= RANK[actor.role]) {
        throw new MemberException(MemberErrorCode.INSUFFICIENT_ROLE);
      }
      const details = await change(member, manager);
      await repository.save(member);
      await this.audit.record({ action, actorId: actor.id, targetType: 'member', targetId: id, details }, manager);
      return toMemberResponse(member, actor);
    });
  }

  private async requireMember(id: string): Promise<Member> {
    const member = await this.members.findOneBy({ id });
    if (!member) throw new MemberException(MemberErrorCode.MEMBER_NOT_FOUND);
    return member;
  }
}
