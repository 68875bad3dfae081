import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { isUniqueViolation } from '@lcc/database';
import {
  AuditAction,
  CommonErrorCode,
  GroupMembershipStatus,
  GroupRole,
  GroupVisibility,
  type Page,
  type WorkingGroupResponse,
} from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import { type Actor, isNetworkStaff } from '../../common/http/actor.js';
import { decodeCursor, toPage } from '../../common/pagination/cursor.js';
import { AuditService } from '../audit/audit.service.js';
import { escapeLike } from '../../common/search/like.js';
import type { CreateWorkingGroupDto, UpdateWorkingGroupDto } from './dto/create-working-group.dto.js';
import type { ListWorkingGroupsQueryDto } from './dto/working-group-queries.dto.js';
import { WorkingGroupMember } from './entities/working-group-member.entity.js';
import { WorkingGroup } from './entities/working-group.entity.js';
import { WorkingGroupCreatedEvent, WorkingGroupVisibilityChangedEvent } from './events/working-group-member.events.js';
import { WorkingGroupErrorCode, WorkingGroupException } from './working-groups.exception.js';

/** A group as one viewer may see it, with the viewer's membership. */
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

  /** Every group is listed to active members (name, description, count); `mine` narrows to my groups. */
  async list(actor: Actor, query: ListWorkingGroupsQueryDto): Promise<Page<WorkingGroupResponse>> {
    const qb = this.rowsQuery(actor).orderBy('g.name', 'ASC').addOrderBy('g.id', 'ASC');
    if (query.thematicArea) qb.andWhere('g.thematicArea = :area', { area: query.thematicArea });
    if (query.mine) qb.andWhere('my.id IS NOT NULL');
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
    const rows = await this.rowsQuery(actor).where('g.id = :id', { id }).getRawAndEntities();
    const group = rows.entities[0];
    if (!group) throw new WorkingGroupException(WorkingGroupErrorCode.WORKING_GROUP_NOT_FOUND);
    return toWorkingGroupResponse(this.withCounts(group, rows.raw[0] as Record<string, unknown>));
  }

  async update(actor: Actor, id: string, dto: UpdateWorkingGroupDto): Promise<WorkingGroupResponse> {
    // `PartialType` makes every field optional, which lets `null` through validation; only the description may be
    // cleared, the other columns are NOT NULL.
    const nulled = (['name', 'slug', 'thematicArea', 'visibility'] as const).filter((field) => dto[field] === null);
    if (nulled.length) {
      throw new CommonException(
        CommonErrorCode.VALIDATION_FAILED,
        'These fields cannot be empty',
        nulled.map((field) => ({ field, message: `${field} must not be null` })),
      );
    }
    const { group } = await this.requireManager(actor, id);
    const visibilityBefore = group.visibility;
    Object.assign(group, dto);
    try {
      await this.groups.save(group);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new WorkingGroupException(WorkingGroupErrorCode.SLUG_TAKEN);
      }
      throw error;
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
   * The group and the actor's membership, for resources inside the group. A private group is 404 to anyone who is
   * neither an active member nor network staff; a public one is visible to all active members.
   */
  async requireInsider(actor: Actor, groupId: string): Promise<GroupAccess> {
    const access = await this.findAccess(actor, groupId);
    if (!access) throw new WorkingGroupException(WorkingGroupErrorCode.WORKING_GROUP_NOT_FOUND);
    return access;
  }

  /** As `requireInsider`, but null where that answers 404 (no such group, or a private group's outsider). */
  async findAccess(actor: Actor, groupId: string): Promise<GroupAccess | null> {
    const group = await this.groups.findOneBy({ id: groupId });
    if (!group) return null;
    const membership = await this.memberships.findOneBy({ workingGroupId: groupId, memberId: actor.id });
    const active = membership?.status === GroupMembershipStatus.Active;
    if (group.visibility === GroupVisibility.Private && !active && !isNetworkStaff(actor)) return null;
    const canManage = isNetworkStaff(actor) || (active && membership.role === GroupRole.Lead);
    return { group, membership: active ? membership : null, canManage };
  }

  /** The group itself, which every active member may see listed (to join, request or leave it). */
  async requireListed(groupId: string): Promise<WorkingGroup> {
    const group = await this.groups.findOneBy({ id: groupId });
    if (!group) throw new WorkingGroupException(WorkingGroupErrorCode.WORKING_GROUP_NOT_FOUND);
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

  private rowsQuery(actor: Actor) {
    return (
      this.groups
        .createQueryBuilder('g')
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
    );
  }

  private withCounts(group: WorkingGroup, raw: Record<string, unknown>): GroupRow {
    return Object.assign(group, {
      memberCount: Number(raw.member_count ?? 0),
      myRole: (raw.my_role as GroupRole | null) ?? null,
      myStatus: (raw.my_status as GroupMembershipStatus | null) ?? null,
      roomId: (raw.room_id as string | null) ?? null,
    });
  }
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
    createdAt: row.createdAt.toISOString(),
  };
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
