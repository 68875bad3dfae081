import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { isUniqueViolation } from '@lcc/database';
import {
  AuditAction,
  GroupMembershipStatus,
  GroupRole,
  GroupVisibility,
  type Page,
  type WorkingGroupResponse,
} from '@lcc/contracts';
import { type Actor, isNetworkStaff } from '../../common/http/actor.js';
import { whoIsActorAt } from '../../common/sql/sql-params.js';
import { MembersService } from '../members/members.service.js';
import { decodeCursor, toPage } from '../../common/pagination/cursor.js';
import { AuditService } from '../audit/audit.service.js';
import { escapeLike } from '../../common/search/like.js';
import type { CreateWorkingGroupDto, UpdateWorkingGroupDto } from './dto/create-working-group.dto.js';
import type { ListWorkingGroupsQueryDto } from './dto/working-group-queries.dto.js';
import { WorkingGroupMember } from './entities/working-group-member.entity.js';
import { WorkingGroup } from './entities/working-group.entity.js';
import {
  WorkingGroupArchivedEvent,
  WorkingGroupCreatedEvent,
  WorkingGroupRenamedEvent,
  WorkingGroupVisibilityChangedEvent,
} from './events/working-group-member.events.js';
import { groupListedSql, groupReach } from './group-access.js';
import { WorkingGroupErrorCode, WorkingGroupException } from './working-groups.exception.js';
import { rejectNulls } from '../../common/validation/fields.js';

/** The group row as other features receive it from this service. */
export type { WorkingGroup };

export interface GroupAccess {
  group: WorkingGroup;
  membership: WorkingGroupMember | null;
  /** Lead of the group, or network coordinator/admin. */
  canManage: boolean;
}

interface GroupRow extends WorkingGroup {
  memberCount: number;
  myRole: GroupRole | null;
  myStatus: GroupMembershipStatus | null;
  roomId: string | null;
  pendingRequestCount: number | null;
}

/**
 * Working groups: creation, listing, and the access rules every group resource (members, meetings, polls,
 * documents, rooms) goes through: `requireInsider` (404 for outsiders of a private group) and `requireManager`.
 */
@Injectable()
export class WorkingGroupsService {
  constructor(
    @InjectRepository(WorkingGroup) private readonly groups: Repository<WorkingGroup>,
    @InjectRepository(WorkingGroupMember) private readonly memberships: Repository<WorkingGroupMember>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly members: MembersService,
    private readonly events: EventEmitter2,
  ) {}

  /** Coordinators and admins (checked by the route) create groups; the creator becomes its first lead. */
  async create(actor: Actor, dto: CreateWorkingGroupDto): Promise<WorkingGroupResponse> {
    const slug = dto.slug ?? slugify(dto.name);
    try {
      const group = await this.dataSource.transaction(async (manager) => {
        const saved = await manager.getRepository(WorkingGroup).save({
          name: dto.name,
          slug,
          description: dto.description ?? null,
          thematicArea: dto.thematicArea,
          visibility: dto.visibility ?? GroupVisibility.Public,
          createdById: actor.id,
        });
        await manager.getRepository(WorkingGroupMember).insert({
          workingGroupId: saved.id,
          memberId: actor.id,
          role: GroupRole.Lead,
          status: GroupMembershipStatus.Active,
          joinedAt: new Date(),
        });
        await this.audit.record(
          {
            action: AuditAction.WorkingGroupCreated,
            actorId: actor.id,
            targetType: 'working_group',
            targetId: saved.id,
            details: { name: saved.name, visibility: saved.visibility },
          },
          manager,
        );
        return saved;
      });
      await this.events.emitAsync(
        WorkingGroupCreatedEvent.NAME,
        new WorkingGroupCreatedEvent(group.id, group.name, actor.id),
      );
      return this.get(actor, group.id);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new WorkingGroupException(WorkingGroupErrorCode.SLUG_TAKEN);
      }
      throw error;
    }
  }

  /**
   * Public and private groups are listed to every active member (name, description, count), hidden ones to their
   * members and network staff only; `mine` narrows to my groups, `awaiting` to groups where requests wait for my
   * decision. Archived groups are listed only when asked for (`archived=true`), and then only they.
   */
  async list(actor: Actor, query: ListWorkingGroupsQueryDto): Promise<Page<WorkingGroupResponse>> {
    const qb = this.rowsQuery(actor).orderBy('g.name', 'ASC').addOrderBy('g.id', 'ASC');
    qb.andWhere(query.archived ? 'g.archivedAt IS NOT NULL' : 'g.archivedAt IS NULL');
    if (query.thematicArea) qb.andWhere('g.thematicArea = :area', { area: query.thematicArea });
    if (query.mine) qb.andWhere('my.id IS NOT NULL');
    if (query.awaiting) {
      qb.andWhere(`${decidesSql(actor)} AND EXISTS (SELECT 1 FROM working_group_members w
        WHERE w.working_group_id = g.id AND w.status = '${GroupMembershipStatus.Pending}')`);
    }
    if (query.q) qb.andWhere(`g.name ILIKE :q ESCAPE '\\'`, { q: `%${escapeLike(query.q)}%` });
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      qb.andWhere('(g.name, g.id) > (:name, :id)', { name, id });
    }
    const rows = await qb.limit(query.limit + 1).getRawAndEntities();
    const items = rows.entities.map((group, i) => this.withCounts(group, rows.raw[i] as Record<string, unknown>));
    return toPage(items, query.limit, toWorkingGroupResponse, (g) => [g.name, g.id]);
  }

  async get(actor: Actor, id: string): Promise<WorkingGroupResponse> {
    const rows = await this.rowsQuery(actor).andWhere('g.id = :id', { id }).getRawAndEntities();
    const group = rows.entities[0];
    if (!group) throw new WorkingGroupException(WorkingGroupErrorCode.WORKING_GROUP_NOT_FOUND);
    return toWorkingGroupResponse(this.withCounts(group, rows.raw[0] as Record<string, unknown>));
  }

  async update(actor: Actor, id: string, dto: UpdateWorkingGroupDto): Promise<WorkingGroupResponse> {
    rejectNulls(dto, ['name', 'slug', 'thematicArea', 'visibility']);
    const { group } = await this.requireManager(actor, id);
    const { visibility: visibilityBefore, name: nameBefore } = group;
    Object.assign(group, dto);
    try {
      await this.groups.save(group);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new WorkingGroupException(WorkingGroupErrorCode.SLUG_TAKEN);
      }
      throw error;
    }
    if (group.name !== nameBefore) {
      await this.events.emitAsync(WorkingGroupRenamedEvent.NAME, new WorkingGroupRenamedEvent(id, group.name));
    }
    if (group.visibility !== visibilityBefore) {
      await this.events.emitAsync(
        WorkingGroupVisibilityChangedEvent.NAME,
        new WorkingGroupVisibilityChangedEvent(id, group.visibility),
      );
    }
    return this.get(actor, id);
  }

  /**
   * Archives (or brings back) a group: its leads and network staff decide. An archived group keeps everything and
   * stays readable to its members; it takes no new members, meetings, polls, documents or room messages.
   */
  async setArchived(actor: Actor, id: string, archived: boolean): Promise<WorkingGroupResponse> {
    const { group } = await this.requireManager(actor, id);
    if (Boolean(group.archivedAt) !== archived) {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(WorkingGroup).update({ id }, { archivedAt: archived ? new Date() : null });
        await this.audit.record(
          {
            action: archived ? AuditAction.WorkingGroupArchived : AuditAction.WorkingGroupUnarchived,
            actorId: actor.id,
            targetType: 'working_group',
            targetId: id,
            details: { name: group.name },
          },
          manager,
        );
      });
      await this.events.emitAsync(WorkingGroupArchivedEvent.NAME, new WorkingGroupArchivedEvent(id, archived));
    }
    return this.get(actor, id);
  }

  /**
   * The group and the actor's membership, for resources inside the group. A private or hidden group is 404 to
   * anyone who is neither an active member nor network staff; a public one is visible to all active members.
   */
  async requireInsider(actor: Actor, groupId: string): Promise<GroupAccess> {
    const access = await this.findAccess(actor, groupId);
    if (!access) throw new WorkingGroupException(WorkingGroupErrorCode.WORKING_GROUP_NOT_FOUND);
    return access;
  }

  /** As `requireInsider`, but null where that answers 404 (no such group, or an outsider of a closed one). */
  async findAccess(actor: Actor, groupId: string): Promise<GroupAccess | null> {
    const group = await this.groups.findOneBy({ id: groupId });
    if (!group) return null;
    const membership = await this.memberships.findOneBy({ workingGroupId: groupId, memberId: actor.id });
    const active = membership?.status === GroupMembershipStatus.Active;
    if (groupReach(group.visibility, membership?.status ?? null, isNetworkStaff(actor)) !== 'inside') return null;
    const canManage = isNetworkStaff(actor) || (active && membership.role === GroupRole.Lead);
    return { group, membership: active ? membership : null, canManage };
  }

  /** The group as listed to the actor (to join, request or leave it); 404 for a hidden group's outsider. */
  async requireListed(actor: Actor, groupId: string): Promise<WorkingGroup> {
    const group = await this.groups.findOneBy({ id: groupId });
    const membership = group && (await this.memberships.findOneBy({ workingGroupId: groupId, memberId: actor.id }));
    if (!group || groupReach(group.visibility, membership?.status ?? null, isNetworkStaff(actor)) === 'none') {
      throw new WorkingGroupException(WorkingGroupErrorCode.WORKING_GROUP_NOT_FOUND);
    }
    return group;
  }

  /** Like `requireInsider`, and the actor must lead the group or be network staff (403 otherwise). */
  async requireManager(actor: Actor, groupId: string): Promise<GroupAccess> {
    const access = await this.requireInsider(actor, groupId);
    if (!access.canManage) throw new WorkingGroupException(WorkingGroupErrorCode.NOT_A_GROUP_LEAD);
    return access;
  }

  /** Ids of the group's active members (invitees of its meetings, voters of its polls). */
  async activeMemberIds(groupId: string): Promise<string[]> {
    const rows = await this.memberships.find({
      select: { memberId: true },
      where: { workingGroupId: groupId, status: GroupMembershipStatus.Active },
    });
    return rows.map((r) => r.memberId);
  }

  /** The group's active members with what scheduling needs: name, country and time zone. */
  async activeMembers(
    groupId: string,
  ): Promise<{ id: string; displayName: string; country: string; timeZone: string }[]> {
    const rows = await this.memberships.find({
      where: { workingGroupId: groupId, status: GroupMembershipStatus.Active },
      relations: { member: true },
    });
    return rows
      .map((r) => ({
        id: r.member.id,
        displayName: r.member.displayName,
        country: r.member.country,
        timeZone: r.member.timeZone,
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /**
   * Who decides on the group's join requests — its active leads and the network's active coordinators and admins —
   * and how many requests wait; null if the group no longer exists.
   */
  async requestDeciders(groupId: string): Promise<{ name: string; deciderIds: string[]; pendingCount: number } | null> {
    const group = await this.leadsOf(groupId);
    if (!group) return null;
    const staff = await this.members.staffRecipients();
    const pendingCount = await this.memberships.countBy({
      workingGroupId: groupId,
      status: GroupMembershipStatus.Pending,
    });
    const deciderIds = [...new Set([...group.leadIds, ...staff.map((s) => s.id)])];
    return { name: group.name, deciderIds, pendingCount };
  }

  /** Name and active leads of a group (for notifications), or null if it no longer exists. */
  async leadsOf(groupId: string): Promise<{ name: string; leadIds: string[] } | null> {
    const group = await this.groups.findOneBy({ id: groupId });
    if (!group) return null;
    const leads = await this.memberships.find({
      select: { memberId: true },
      where: { workingGroupId: groupId, status: GroupMembershipStatus.Active, role: GroupRole.Lead },
    });
    return { name: group.name, leadIds: leads.map((l) => l.memberId) };
  }

  async isActiveMember(groupId: string, memberId: string): Promise<boolean> {
    return this.memberships.existsBy({ workingGroupId: groupId, memberId, status: GroupMembershipStatus.Active });
  }

  /** Groups as the actor may find them (hidden ones only by their members and staff), with counts. */
  private rowsQuery(actor: Actor) {
    return (
      this.groups
        .createQueryBuilder('g')
        .where(groupListedSql('g', whoIsActorAt(actor, ':actorId')), { actorId: actor.id })
        .leftJoin(WorkingGroupMember, 'my', 'my.workingGroupId = g.id AND my.memberId = :actorId', {
          actorId: actor.id,
        })
        .addSelect('my.role', 'my_role')
        .addSelect('my.status', 'my_status')
        .addSelect(
          (sub) =>
            sub
              .select('count(*)::int')
              .from(WorkingGroupMember, 'c')
              .where('c.workingGroupId = g.id')
              .andWhere('c.status = :active', { active: GroupMembershipStatus.Active }),
          'member_count',
        )
        // Read-only look-up of the group's room (owned by discussions, which listens to this module's events).
        .addSelect(`(SELECT r.id FROM rooms r WHERE r.working_group_id = g.id AND r.kind = 'group')`, 'room_id')
        // Only those who decide on requests see how many wait.
        .addSelect(
          `CASE WHEN ${decidesSql(actor)} THEN (SELECT count(*)::int FROM working_group_members p
              WHERE p.working_group_id = g.id AND p.status = '${GroupMembershipStatus.Pending}') END`,
          'pending_count',
        )
    );
  }

  private withCounts(group: WorkingGroup, raw: Record<string, unknown>): GroupRow {
    return Object.assign(group, {
      memberCount: Number(raw.member_count ?? 0),
      myRole: (raw.my_role as GroupRole | null) ?? null,
      myStatus: (raw.my_status as GroupMembershipStatus | null) ?? null,
      roomId: (raw.room_id as string | null) ?? null,
      pendingRequestCount:
        raw.pending_count === null || raw.pending_count === undefined ? null : Number(raw.pending_count),
    });
  }
}

/** In a query of `rowsQuery`'s shape: the actor decides on the group's requests (an active lead, or staff). */
function decidesSql(actor: Actor): string {
  if (isNetworkStaff(actor)) return 'TRUE';
  return `(my.role = '${GroupRole.Lead}' AND my.status = '${GroupMembershipStatus.Active}')`;
}

function toWorkingGroupResponse(row: GroupRow): WorkingGroupResponse {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    thematicArea: row.thematicArea,
    visibility: row.visibility,
    memberCount: row.memberCount,
    myMembership: row.myRole && row.myStatus ? { role: row.myRole, status: row.myStatus } : null,
    roomId: row.roomId,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    pendingRequestCount: row.pendingRequestCount,
    createdAt: row.createdAt.toISOString(),
  };
}

/** An archived group takes nothing new (members, meetings, polls, documents): 409 `GROUP_ARCHIVED`. */
export function assertGroupOpen(group: WorkingGroup): void {
  if (group.archivedAt) throw new WorkingGroupException(WorkingGroupErrorCode.GROUP_ARCHIVED);
}

/** ASCII slug from a name; names with no Latin letters (CJK, Cyrillic) get a random one. */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return base.length >= 3 ? base : `group-${randomBytes(4).toString('hex')}`;
}
