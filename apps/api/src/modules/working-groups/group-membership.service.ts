import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import {
  GroupMembershipStatus,
  type GroupMemberResponse,
  GroupRole,
  GroupVisibility,
  type JoinResponse,
  MemberStatus,
  NetworkRole,
  type Page,
} from '@lcc/contracts';
import { type Actor, isNetworkStaff } from '../../common/http/actor.js';
import { decodeCursor, toPage } from '../../common/pagination/cursor.js';
import { MemberDeletedEvent } from '../members/events/member-deleted.event.js';
import { MemberRegisteredEvent } from '../members/events/member-registered.event.js';
import { MembersService } from '../members/members.service.js';
import type { ListGroupMembersQueryDto } from './dto/working-group-queries.dto.js';
import { WorkingGroupMember } from './entities/working-group-member.entity.js';
import { WorkingGroup } from './entities/working-group.entity.js';
import {
  WorkingGroupJoinRequestedEvent,
  WorkingGroupMemberJoinedEvent,
  WorkingGroupMemberLeftEvent,
  WorkingGroupRequestsChangedEvent,
  WorkingGroupRoleChangedEvent,
} from './events/working-group-member.events.js';
import { WorkingGroupErrorCode, WorkingGroupException } from './working-groups.exception.js';
import { assertGroupOpen, WorkingGroupsService } from './working-groups.service.js';

type PendingEvent =
  | WorkingGroupMemberJoinedEvent
  | WorkingGroupMemberLeftEvent
  | WorkingGroupJoinRequestedEvent
  | WorkingGroupRoleChangedEvent
  | WorkingGroupRequestsChangedEvent;

/**
 * Who is in a working group: joining (at once or by request), approval, roles, leaving and removal. Every change
 * that affects rooms or notifications emits its event after the commit.
 */
@Injectable()
export class GroupMembershipService {
  constructor(
    @InjectRepository(WorkingGroupMember) private readonly memberships: Repository<WorkingGroupMember>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupsService,
    private readonly members: MembersService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Public group: active at once; private group: a pending request (202). A hidden group is 404 to outsiders (they
   * join by invitation or by being added); network staff, who see it, join it at once.
   */
  async join(actor: Actor, groupId: string): Promise<JoinResponse> {
    const group = await this.groups.requireListed(actor, groupId);
    const role = actor.role === NetworkRole.Observer ? GroupRole.Observer : GroupRole.Member;
    const existing = await this.memberships.findOneBy({ workingGroupId: groupId, memberId: actor.id });
    if (existing?.status === GroupMembershipStatus.Active) {
      throw new WorkingGroupException(WorkingGroupErrorCode.ALREADY_A_MEMBER);
    }
    if (existing) return { status: existing.status, role: existing.role };
    assertGroupOpen(group);
    const atOnce =
      group.visibility === GroupVisibility.Public ||
      (group.visibility === GroupVisibility.Hidden && isNetworkStaff(actor));
    const status = atOnce ? GroupMembershipStatus.Active : GroupMembershipStatus.Pending;
    await this.memberships
      .createQueryBuilder()
      .insert()
      .values({
        workingGroupId: groupId,
        memberId: actor.id,
        role,
        status,
        joinedAt: status === GroupMembershipStatus.Active ? new Date() : null,
      })
      .orIgnore()
      .execute();
    if (status === GroupMembershipStatus.Active) {
      await this.emit(new WorkingGroupMemberJoinedEvent(groupId, actor.id, role, actor.id));
    } else {
      await this.emit(new WorkingGroupJoinRequestedEvent(groupId, actor.id));
      await this.requestsChanged(groupId);
    }
    return { status, role };
  }

  /** Leaves the group (or withdraws a request); the last lead cannot leave. */
  async leave(actor: Actor, groupId: string): Promise<void> {
    await this.groups.requireListed(actor, groupId);
    await this.remove(actor, groupId, actor.id, 'left');
  }

  async list(actor: Actor, groupId: string, query: ListGroupMembersQueryDto): Promise<Page<GroupMemberResponse>> {
    const access = await this.groups.requireInsider(actor, groupId);
    const status = query.status ?? GroupMembershipStatus.Active;
    if (status === GroupMembershipStatus.Pending && !access.canManage) {
      throw new WorkingGroupException(WorkingGroupErrorCode.NOT_A_GROUP_LEAD);
    }
    const qb = this.memberships
      .createQueryBuilder('gm')
      .innerJoinAndSelect('gm.member', 'm')
      .where('gm.workingGroupId = :groupId AND gm.status = :status', { groupId, status })
      .orderBy('m.displayName', 'ASC')
      .addOrderBy('m.id', 'ASC');
    if (query.cursor) {
      const [displayName, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      qb.andWhere('(m.displayName, m.id) > (:displayName, :id)', { displayName, id });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    return toPage(rows, query.limit, toGroupMemberResponse, (gm) => [gm.member.displayName, gm.member.id]);
  }

  /** A lead or coordinator adds an active network member directly (a waiting request of theirs is granted). */
  async add(actor: Actor, groupId: string, memberId: string, role = GroupRole.Member): Promise<GroupMemberResponse> {
    assertGroupOpen((await this.groups.requireManager(actor, groupId)).group);
    const member = await this.members.findById(memberId);
    if (!member) throw new WorkingGroupException(WorkingGroupErrorCode.GROUP_MEMBER_NOT_FOUND);
    if (member.status !== MemberStatus.Active) throw new WorkingGroupException(WorkingGroupErrorCode.MEMBER_NOT_ACTIVE);
    const existing = await this.memberships.findOneBy({ workingGroupId: groupId, memberId });
    if (existing?.status === GroupMembershipStatus.Active) {
      throw new WorkingGroupException(WorkingGroupErrorCode.ALREADY_A_MEMBER);
    }
    await this.activate(this.dataSource.manager, groupId, memberId, role);
    await this.emit(new WorkingGroupMemberJoinedEvent(groupId, memberId, role, actor.id));
    if (existing) await this.requestsChanged(groupId);
    return this.getOne(groupId, memberId);
  }

  async approve(actor: Actor, groupId: string, memberId: string): Promise<GroupMemberResponse> {
    assertGroupOpen((await this.groups.requireManager(actor, groupId)).group);
    const request = await this.memberships.findOneBy({ workingGroupId: groupId, memberId });
    if (!request) throw new WorkingGroupException(WorkingGroupErrorCode.GROUP_MEMBER_NOT_FOUND);
    if (request.status !== GroupMembershipStatus.Pending) {
      throw new WorkingGroupException(WorkingGroupErrorCode.REQUEST_NOT_PENDING);
    }
    await this.memberships.update({ id: request.id }, { status: GroupMembershipStatus.Active, joinedAt: new Date() });
    await this.emit(new WorkingGroupMemberJoinedEvent(groupId, memberId, request.role, actor.id));
    await this.requestsChanged(groupId);
    return this.getOne(groupId, memberId);
  }

  async changeRole(actor: Actor, groupId: string, memberId: string, role: GroupRole): Promise<GroupMemberResponse> {
    await this.groups.requireManager(actor, groupId);
    await this.dataSource.transaction(async (manager) => {
      const membership = await this.lockActive(manager, groupId, memberId);
      if (membership.role === GroupRole.Lead && role !== GroupRole.Lead)
        await this.assertAnotherLead(manager, groupId, memberId);
      await manager.getRepository(WorkingGroupMember).update({ id: membership.id }, { role });
    });
    await this.emit(new WorkingGroupRoleChangedEvent(groupId, memberId, role));
    return this.getOne(groupId, memberId);
  }

  /** Removal by a lead or coordinator, or by the member themself; a pending request is simply declined. */
  async removeByManager(actor: Actor, groupId: string, memberId: string): Promise<void> {
    if (memberId !== actor.id) await this.groups.requireManager(actor, groupId);
    await this.remove(actor, groupId, memberId, memberId === actor.id ? 'left' : 'removed');
  }

  /** A network invitation that named a group adds the new member to it. */
  @OnEvent(MemberRegisteredEvent.NAME, { async: true, promisify: true })
  async onMemberRegistered(event: MemberRegisteredEvent): Promise<void> {
    if (!event.workingGroupId || event.status !== MemberStatus.Active) return;
    const group = await this.dataSource.getRepository(WorkingGroup).findOneBy({ id: event.workingGroupId });
    // An invitation sent before the group was archived no longer adds to it.
    if (!group || group.archivedAt) return;
    await this.activate(this.dataSource.manager, group.id, event.memberId, GroupRole.Member);
    await this.emit(new WorkingGroupMemberJoinedEvent(group.id, event.memberId, GroupRole.Member, event.memberId));
  }

  /**
   * A deleted account leaves every group (requests included); a group it led may be left without a lead, as network
   * staff lead every group. The usual `member-left` events follow, so rooms and channels follow too.
   */
  @OnEvent(MemberDeletedEvent.NAME, { async: true, promisify: true })
  async onMemberDeleted(event: MemberDeletedEvent): Promise<void> {
    const [removed] = (await this.dataSource.query(
      `DELETE FROM working_group_members WHERE member_id = $1 RETURNING working_group_id, status`,
      [event.memberId],
    )) as [{ working_group_id: string; status: GroupMembershipStatus }[], number];
    for (const row of removed) {
      if (row.status === GroupMembershipStatus.Active) {
        await this.emit(
          new WorkingGroupMemberLeftEvent(row.working_group_id, event.memberId, 'removed', event.actorId),
        );
      } else {
        await this.requestsChanged(row.working_group_id);
      }
    }
  }

  private async remove(actor: Actor, groupId: string, memberId: string, reason: 'left' | 'removed'): Promise<void> {
    const wasActive = await this.dataSource.transaction(async (manager) => {
      // The group row lock serialises concurrent removals, so two leads cannot both leave the last-lead check.
      await manager
        .getRepository(WorkingGroup)
        .findOne({ where: { id: groupId }, lock: { mode: 'pessimistic_write' } });
      const repository = manager.getRepository(WorkingGroupMember);
      const membership = await repository.findOneBy({ workingGroupId: groupId, memberId });
      if (!membership) {
        throw new WorkingGroupException(
          memberId === actor.id
            ? WorkingGroupErrorCode.NOT_A_GROUP_MEMBER
            : WorkingGroupErrorCode.GROUP_MEMBER_NOT_FOUND,
        );
      }
      if (membership.status === GroupMembershipStatus.Active && membership.role === GroupRole.Lead) {
        await this.assertAnotherLead(manager, groupId, memberId);
      }
      await repository.delete({ id: membership.id });
      return membership.status === GroupMembershipStatus.Active;
    });
    if (wasActive) await this.emit(new WorkingGroupMemberLeftEvent(groupId, memberId, reason, actor.id));
    else await this.requestsChanged(groupId);
  }

  /** Those who decide on the group's requests learn how many now wait. */
  private async requestsChanged(groupId: string): Promise<void> {
    const deciders = await this.groups.requestDeciders(groupId);
    if (!deciders) return;
    await this.emit(new WorkingGroupRequestsChangedEvent(groupId, deciders.pendingCount, deciders.deciderIds));
  }

  private async activate(manager: EntityManager, groupId: string, memberId: string, role: GroupRole): Promise<void> {
    await manager.query(
      `INSERT INTO working_group_members (working_group_id, member_id, role, status, joined_at)
       VALUES ($1, $2, $3, 'active', now())
       ON CONFLICT (working_group_id, member_id) DO UPDATE SET status = 'active', role = EXCLUDED.role, joined_at = now(), updated_at = now()`,
      [groupId, memberId, role],
    );
  }

  private async lockActive(manager: EntityManager, groupId: string, memberId: string): Promise<WorkingGroupMember> {
    await manager.getRepository(WorkingGroup).findOne({ where: { id: groupId }, lock: { mode: 'pessimistic_write' } });
    const membership = await manager
      .getRepository(WorkingGroupMember)
      .findOneBy({ workingGroupId: groupId, memberId, status: GroupMembershipStatus.Active });
    if (!membership) throw new WorkingGroupException(WorkingGroupErrorCode.GROUP_MEMBER_NOT_FOUND);
    return membership;
  }

  private async assertAnotherLead(manager: EntityManager, groupId: string, exceptMemberId: string): Promise<void> {
    const leads = await manager.getRepository(WorkingGroupMember).countBy({
      workingGroupId: groupId,
      role: GroupRole.Lead,
      status: GroupMembershipStatus.Active,
    });
    const isLead = await manager.getRepository(WorkingGroupMember).existsBy({
      workingGroupId: groupId,
      memberId: exceptMemberId,
      role: GroupRole.Lead,
      status: GroupMembershipStatus.Active,
    });
    if (leads - (isLead ? 1 : 0) < 1) throw new WorkingGroupException(WorkingGroupErrorCode.LAST_LEAD);
  }

  private async getOne(groupId: string, memberId: string): Promise<GroupMemberResponse> {
    const membership = await this.memberships.findOneOrFail({
      where: { workingGroupId: groupId, memberId },
      relations: { member: true },
    });
    return toGroupMemberResponse(membership);
  }

  private async emit(event: PendingEvent): Promise<void> {
    await this.events.emitAsync((event.constructor as unknown as { NAME: string }).NAME, event);
  }
}

function toGroupMemberResponse(gm: WorkingGroupMember): GroupMemberResponse {
  return {
    memberId: gm.memberId,
    displayName: gm.member.displayName,
    organization: gm.member.organization,
    country: gm.member.country,
    timeZone: gm.member.timeZone,
    role: gm.role,
    status: gm.status,
    requestedAt: gm.createdAt.toISOString(),
    joinedAt: gm.joinedAt?.toISOString() ?? null,
  };
}
