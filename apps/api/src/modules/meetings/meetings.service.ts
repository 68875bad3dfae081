import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, type Repository } from 'typeorm';
import {
  type MeetingConflictResponse,
  type MeetingResponse,
  MeetingStatus,
  MemberStatus,
  type Page,
  RsvpResponse,
} from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import { SqlParams, whoIsActor, whoIsActorAt, whoIsMemberRow } from '../../common/sql/sql-params.js';
import { decodeCursor, toPage } from '../../common/pagination/cursor.js';
import { MembersService } from '../members/members.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import { assertGroupOpen, WorkingGroupsService } from '../working-groups/working-groups.service.js';
import type { CreateMeetingDto, UpdateMeetingDto } from './dto/create-meeting.dto.js';
import type { ListMeetingsQueryDto } from './dto/meeting-queries.dto.js';
import { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import { Meeting } from './entities/meeting.entity.js';
import { MeetingChangedEvent } from '../../common/events/meeting-changed.event.js';
import { MeetingMailService } from './meeting-mail.service.js';
import { ActionItemsService } from './action-items.service.js';
import type { ActionItemResponseDto } from './dto/meeting.response.js';
import { checkTimes } from './meeting-times.js';
import { RemindersService } from './reminders.service.js';
import { meetingVisibleSql } from './meeting-access.js';
import { toMeetingResponse } from './meeting-view.js';
import { MeetingErrorCode, MeetingException } from './meetings.exception.js';

const MAX_INVITEES = 500;

/** A meeting the actor may see, with what they may do to it. */
interface MeetingAccess {
  meeting: Meeting;
  canManage: boolean;
}

/**
 * Meetings of working groups: scheduling (invitees = the group's members plus extras), changes, cancellation,
 * RSVP, minutes and action items. Visibility follows the group: a private group's meetings are 404 to outsiders,
 * except to the extra invitees of that meeting.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    @InjectRepository(MeetingInvitee) private readonly invitees: Repository<MeetingInvitee>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupsService,
    private readonly events: EventEmitter2,
    private readonly reminders: RemindersService,
    private readonly documents: DocumentsService,
    private readonly members: MembersService,
    private readonly meetingMail: MeetingMailService,
    private readonly actionItems: ActionItemsService,
  ) {}

  async schedule(actor: Actor, groupId: string, dto: CreateMeetingDto): Promise<MeetingResponse> {
    assertGroupOpen((await this.groups.requireManager(actor, groupId)).group);
    const { startsAt, endsAt } = checkTimes(dto.startsAt, dto.endsAt);
    const inviteeIds = await this.resolveInvitees(groupId, dto.inviteeIds ?? [], actor.id);
    const byName = new Set(dto.inviteeIds ?? []);
    const { meeting, recipients } = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(Meeting).save({
        workingGroupId: groupId,
        title: dto.title,
        description: dto.description ?? null,
        startsAt,
        endsAt,
        timeZone: dto.timeZone,
        venue: dto.venue ?? null,
        onlineUrl: dto.onlineUrl ?? null,
        agenda: (dto.agenda ?? []).map((a) => ({
          title: a.title,
          presenter: a.presenter ?? null,
          durationMinutes: a.durationMinutes ?? null,
        })),
        organizerId: actor.id,
      });
      await manager
        .getRepository(MeetingInvitee)
        .insert(inviteeIds.map((memberId) => ({ meetingId: saved.id, memberId, byName: byName.has(memberId) })));
      await this.reminders.sync(manager, saved);
      const recipients = await this.whoMaySee(saved.id, inviteeIds, manager);
      await this.meetingMail.enqueueChange(manager, saved.id, 'request', without(recipients, actor.id));
      return { meeting: saved, recipients };
    });
    await this.emit(MeetingChangedEvent.SCHEDULED, meeting, recipients, actor.id);
    return this.get(actor, meeting.id);
  }

  async get(actor: Actor, id: string): Promise<MeetingResponse> {
    const { meeting, canManage } = await this.requireVisible(actor, id);
    const invitees = await this.inviteesOf([meeting.id]);
    const conflicts = canManage ? await this.conflictsOf(meeting) : [];
    const titles = await this.documents.titlesVisibleTo(actor, meeting.documentIds);
    return toMeetingResponse(meeting, invitees.get(meeting.id) ?? [], actor, conflicts, titles);
  }

  /** Meetings the actor may see, by start time; `from`/`to` select those overlapping the range. */
  async list(actor: Actor, query: ListMeetingsQueryDto): Promise<Page<MeetingResponse>> {
    const qb = this.meetings
      .createQueryBuilder('m')
      .leftJoinAndSelect('m.organizer', 'o')
      .orderBy('m.startsAt', 'ASC')
      .addOrderBy('m.id', 'ASC');
    qb.andWhere(meetingVisibleSql('m', whoIsActorAt(actor, ':actorId')), {
      actorId: actor.id,
    });
    if (query.mine) {
      qb.andWhere(`EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = m.id AND i.member_id = :actorId)`);
    }
    if (query.workingGroupId) qb.andWhere('m.workingGroupId = :groupId', { groupId: query.workingGroupId });
    if (query.from) qb.andWhere('m.endsAt > :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('m.startsAt < :to', { to: new Date(query.to) });
    if (query.cursor) {
      const [startsAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      qb.andWhere('(m.startsAt, m.id) > (:startsAt, :id)', { startsAt, id });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    const invitees = await this.inviteesOf(rows.map((m) => m.id));
    const titles = await this.documents.titlesVisibleTo(actor, [...new Set(rows.flatMap((m) => m.documentIds))]);
    return toPage(
      rows,
      query.limit,
      (m) => toMeetingResponse(m, invitees.get(m.id) ?? [], actor, [], titles),
      (m) => [m.startsAt.toISOString(), m.id],
    );
  }

  /** Organisers, group leads and coordinators edit; a change of time, place or agenda bumps the sequence. */
  async update(actor: Actor, id: string, dto: UpdateMeetingDto): Promise<MeetingResponse> {
    const { meeting } = await this.requireManageable(actor, id);
    if (meeting.status === MeetingStatus.Cancelled) throw new MeetingException(MeetingErrorCode.MEETING_CANCELLED);
    const times = checkTimes(
      dto.startsAt ?? meeting.startsAt.toISOString(),
      dto.endsAt ?? meeting.endsAt.toISOString(),
    );
    const addedInvitees = dto.inviteeIds
      ? await this.resolveInvitees(meeting.workingGroupId, dto.inviteeIds, null)
      : [];
    const byName = new Set(dto.inviteeIds ?? []);
    // Minutes saved again unchanged (or emptied) tell nobody anything new.
    const minutesChanged =
      typeof dto.minutes === 'string' && dto.minutes.trim() !== '' && dto.minutes !== meeting.minutes;
    Object.assign(meeting, {
      ...pick(dto, ['title', 'description', 'timeZone', 'venue', 'onlineUrl', 'minutes']),
      startsAt: times.startsAt,
      endsAt: times.endsAt,
    });
    if (dto.agenda) {
      meeting.agenda = dto.agenda.map((a) => ({
        title: a.title,
        presenter: a.presenter ?? null,
        durationMinutes: a.durationMinutes ?? null,
      }));
    }
    if (dto.documentIds) {
      // Only documents the organiser may open can be linked; readers still see titles by their own rights.
      const linkable = await this.documents.titlesVisibleTo(actor, dto.documentIds);
      const missing = dto.documentIds.filter((id) => !linkable.has(id));
      if (missing.length) {
        throw new MeetingException(
          MeetingErrorCode.DOCUMENT_NOT_FOUND,
          undefined,
          missing.map((id) => ({ field: 'documentIds', message: `${id} is not a document you may open` })),
        );
      }
      meeting.documentIds = dto.documentIds;
    }
    const itemsBefore = meeting.actionItems;
    if (dto.actionItems) {
      meeting.actionItems = dto.actionItems.map((a) => ({
        id: a.id ?? randomUUID(),
        text: a.text,
        ownerId: a.ownerId ?? null,
        dueDate: a.dueDate ?? null,
        done: a.done ?? false,
      }));
    }
    const calendarFields: (keyof UpdateMeetingDto)[] = [
      'title',
      'description',
      'startsAt',
      'endsAt',
      'timeZone',
      'venue',
      'onlineUrl',
      'agenda',
      'inviteeIds',
    ];
    const calendarChanged = calendarFields.some((field) => dto[field] !== undefined);
    if (calendarChanged) meeting.sequence += 1;
    const { recipients, assigned } = await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Meeting).save(meeting);
      await this.reminders.sync(manager, meeting);
      if (addedInvitees.length) {
        await manager
          .getRepository(MeetingInvitee)
          .createQueryBuilder()
          .insert()
          .values(addedInvitees.map((memberId) => ({ meetingId: meeting.id, memberId, byName: byName.has(memberId) })))
          .orIgnore()
          .execute();
        // Someone already invited with the group is now also invited by name (never the other way round).
        await manager.query(
          `UPDATE meeting_invitees SET by_name = true WHERE meeting_id = $1 AND member_id = ANY($2::uuid[])`,
          [meeting.id, [...byName]],
        );
      }
      // After the invitees: an item's owner invited by name in this same change may see the meeting.
      const assigned = dto.actionItems ? await this.actionItems.saved(manager, meeting, itemsBefore, actor.id) : [];
      const recipients = await this.whoMaySee(meeting.id, await this.inviteeIdsOf(meeting.id, manager), manager);
      // Minutes and action items change nothing in calendars: no mail for them.
      if (calendarChanged) {
        await this.meetingMail.enqueueChange(manager, meeting.id, 'update', without(recipients, actor.id));
      }
      return { recipients, assigned };
    });
    await this.actionItems.announce(assigned);
    await this.emit(MeetingChangedEvent.UPDATED, meeting, recipients, actor.id, calendarChanged, minutesChanged);
    return this.get(actor, id);
  }

  async cancel(actor: Actor, id: string): Promise<MeetingResponse> {
    const { meeting } = await this.requireManageable(actor, id);
    if (meeting.status === MeetingStatus.Cancelled) throw new MeetingException(MeetingErrorCode.MEETING_CANCELLED);
    const recipients = await this.dataSource.transaction(async (manager) => {
      meeting.status = MeetingStatus.Cancelled;
      meeting.sequence += 1;
      await manager.getRepository(Meeting).update({ id }, { status: meeting.status, sequence: meeting.sequence });
      await this.reminders.sync(manager, meeting);
      await this.actionItems.syncReminders(manager, meeting);
      const recipients = await this.whoMaySee(id, await this.inviteeIdsOf(id, manager), manager);
      await this.meetingMail.enqueueChange(manager, id, 'cancel', without(recipients, actor.id));
      return recipients;
    });
    await this.emit(MeetingChangedEvent.CANCELLED, meeting, recipients, actor.id);
    return this.get(actor, id);
  }

  async rsvp(actor: Actor, id: string, response: RsvpResponse): Promise<MeetingResponse> {
    const { meeting } = await this.requireVisible(actor, id);
    if (meeting.status === MeetingStatus.Cancelled) throw new MeetingException(MeetingErrorCode.MEETING_CANCELLED);
    const result = await this.invitees.update(
      { meetingId: id, memberId: actor.id },
      { response, respondedAt: new Date() },
    );
    if (!result.affected) throw new MeetingException(MeetingErrorCode.NOT_INVITED);
    return this.get(actor, id);
  }

  /**
   * Ticks an action item done (or opens it again): its owner may, and whoever manages the meeting. One statement
   * rewrites the item inside the stored list, so a concurrent edit of another item is not lost.
   */
  async setActionItemDone(actor: Actor, id: string, itemId: string, done: boolean): Promise<ActionItemResponseDto> {
    const { meeting, canManage } = await this.requireVisible(actor, id);
    if (meeting.status === MeetingStatus.Cancelled) throw new MeetingException(MeetingErrorCode.MEETING_CANCELLED);
    const item = meeting.actionItems.find((candidate) => candidate.id === itemId);
    if (!item) throw new MeetingException(MeetingErrorCode.ACTION_ITEM_NOT_FOUND);
    if (!canManage && item.ownerId !== actor.id) throw new MeetingException(MeetingErrorCode.NOT_MEETING_ORGANIZER);
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE meetings SET updated_at = now(), action_items = (
                SELECT coalesce(jsonb_agg(CASE WHEN e->>'id' = $2 THEN jsonb_set(e, '{done}', to_jsonb($3::boolean))
                                               ELSE e END ORDER BY ord), '[]'::jsonb)
                  FROM jsonb_array_elements(action_items) WITH ORDINALITY AS t(e, ord))
          WHERE id = $1 RETURNING action_items`,
        [id, itemId, done],
      )) as [{ action_items: Meeting['actionItems'] }[], number];
      const actionItems = rows[0]?.action_items ?? [];
      const updated = actionItems.find((candidate) => candidate.id === itemId);
      if (!updated) throw new MeetingException(MeetingErrorCode.ACTION_ITEM_NOT_FOUND);
      await this.actionItems.syncReminders(manager, { ...meeting, actionItems });
      return updated;
    });
  }

  /** The meeting if the actor may see it (`meetingVisibleSql`), else 404; organisers and group managers manage it. */
  async requireVisible(actor: Actor, id: string): Promise<MeetingAccess> {
    const p = new SqlParams();
    const idParam = p.add(id);
    const visible = (await this.dataSource.query(
      `SELECT 1 FROM meetings m WHERE m.id = ${idParam} AND ${meetingVisibleSql('m', whoIsActor(actor, p))}`,
      p.values,
    )) as unknown[];
    const meeting = visible.length
      ? await this.meetings.findOne({ where: { id }, relations: { organizer: true } })
      : null;
    if (!meeting) throw new MeetingException(MeetingErrorCode.MEETING_NOT_FOUND);
    const access = await this.groups.findAccess(actor, meeting.workingGroupId);
    return { meeting, canManage: (access?.canManage ?? false) || meeting.organizerId === actor.id };
  }

  /**
   * Those among `memberIds` who may see the meeting now (active members only): events, notifications, e-mail and
   * reminders about a meeting reach no one else. Pass the transaction that changes the meeting to ask about the
   * state it is writing.
   */
  async whoMaySee(
    meetingId: string,
    memberIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (memberIds.length === 0) return [];
    const rows = (await manager.query(
      `SELECT mem.id FROM members mem JOIN meetings m ON m.id = $1
        WHERE mem.id = ANY($2::uuid[]) AND mem.status = '${MemberStatus.Active}'
          AND ${meetingVisibleSql('m', whoIsMemberRow('mem'))}`,
      [meetingId, memberIds],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Meetings of a member for their calendar feed (invited, not declined), newest changes included. */
  async forCalendar(memberId: string): Promise<{ meeting: Meeting; invitees: MeetingInvitee[] }[]> {
    const meetings = await this.meetings
      .createQueryBuilder('m')
      .leftJoinAndSelect('m.organizer', 'o')
      .innerJoin(MeetingInvitee, 'i', 'i.meetingId = m.id AND i.memberId = :memberId', { memberId })
      .innerJoin('members', 'me', `me.id = :memberId AND me.status = '${MemberStatus.Active}'`)
      .where("m.endsAt > now() - interval '180 days'")
      .andWhere(meetingVisibleSql('m', whoIsMemberRow('me')))
      .orderBy('m.startsAt', 'ASC')
      .limit(1000)
      .getMany();
    const invitees = await this.inviteesOf(meetings.map((m) => m.id));
    return meetings.map((meeting) => ({ meeting, invitees: invitees.get(meeting.id) ?? [] }));
  }

  async inviteesOf(meetingIds: string[]): Promise<Map<string, MeetingInvitee[]>> {
    const byMeeting = new Map<string, MeetingInvitee[]>();
    if (meetingIds.length === 0) return byMeeting;
    const rows = await this.invitees.find({
      where: { meetingId: In(meetingIds) },
      relations: { member: true },
      order: { createdAt: 'ASC' },
    });
    for (const row of rows) byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), row]);
    return byMeeting;
  }

  private async requireManageable(actor: Actor, id: string): Promise<MeetingAccess> {
    const access = await this.requireVisible(actor, id);
    if (!access.canManage) throw new MeetingException(MeetingErrorCode.NOT_MEETING_ORGANIZER);
    return access;
  }

  /** The group's active members, the organiser and the extra invitees (who must be active network members). */
  private async resolveInvitees(groupId: string, extraIds: string[], organizerId: string | null): Promise<string[]> {
    const groupIds = await this.groups.activeMemberIds(groupId);
    if (extraIds.length) {
      const active = await this.members.activeIds(extraIds);
      const missing = extraIds.filter((id) => !active.has(id));
      if (missing.length) {
        throw new MeetingException(
          MeetingErrorCode.INVITEE_NOT_FOUND,
          undefined,
          missing.map((id) => ({ field: 'inviteeIds', message: `${id} is not an active member` })),
        );
      }
    }
    const all = [...new Set([...groupIds, ...(organizerId ? [organizerId] : []), ...extraIds])];
    if (all.length > MAX_INVITEES) throw new MeetingException(MeetingErrorCode.TOO_MANY_INVITEES);
    return all;
  }

  private async inviteeIdsOf(meetingId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.getRepository(MeetingInvitee).find({ select: { memberId: true }, where: { meetingId } });
    return rows.map((r) => r.memberId);
  }

  /** Invitees who accepted another scheduled meeting overlapping this one. */
  private async conflictsOf(meeting: Meeting): Promise<MeetingConflictResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT mi.member_id, mem.display_name, other.starts_at, other.ends_at
         FROM meeting_invitees mine
         JOIN meeting_invitees mi ON mi.member_id = mine.member_id AND mi.meeting_id <> mine.meeting_id
         JOIN meetings other ON other.id = mi.meeting_id
         JOIN members mem ON mem.id = mi.member_id
        WHERE mine.meeting_id = $1 AND mi.response = $2 AND other.status = $3
          AND other.starts_at < $5 AND other.ends_at > $4
        ORDER BY mem.display_name, other.starts_at`,
      [meeting.id, RsvpResponse.Accepted, MeetingStatus.Scheduled, meeting.startsAt, meeting.endsAt],
    )) as { member_id: string; display_name: string; starts_at: Date; ends_at: Date }[];
    return rows.map((r) => ({
      memberId: r.member_id,
      displayName: r.display_name,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
    }));
  }

  /** Announces a committed change to `recipients` (already those the meeting rule allows). */
  private async emit(
    name: string,
    meeting: Meeting,
    recipients: string[],
    actorId: string,
    calendarChanged = true,
    minutesChanged = false,
  ): Promise<void> {
    await this.events.emitAsync(
      name,
      new MeetingChangedEvent(
        meeting.id,
        meeting.workingGroupId,
        meeting.title,
        recipients,
        actorId,
        calendarChanged,
        minutesChanged,
      ),
    );
  }
}

function without(ids: string[], id: string): string[] {
  return ids.filter((other) => other !== id);
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]])) as Partial<
    Pick<T, K>
  >;
}
