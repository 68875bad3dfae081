import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import {
  type MeetingResponse,
  PollAnswer,
  NotificationType,
  type PollNotificationParams,
  type PollOptionResponse,
  type Page,
  type PollResponse,
  PollStatus,
  type PollSummaryResponse,
  type SlotSuggestionResponse,
} from '@lcc/contracts';
import { PollChangedEvent } from '../../common/events/poll-changed.event.js';
import type { Actor } from '../../common/http/actor.js';
import { SqlParams, whoIsActor } from '../../common/sql/sql-params.js';
import { groupMemberSql } from '../working-groups/group-access.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { assertGroupOpen, WorkingGroupsService } from '../working-groups/working-groups.service.js';
import { toPage } from '../../common/pagination/cursor.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import type {
  CastVotesDto,
  CreatePollDto,
  ListMyPollsQueryDto,
  ListPollsQueryDto,
  SuggestSlotsQueryDto,
} from './dto/poll.dto.js';
import { PollOption } from './entities/poll-option.entity.js';
import { PollVote } from './entities/poll-vote.entity.js';
import { Poll } from './entities/poll.entity.js';
import { checkTimes } from './meeting-times.js';
import { MeetingErrorCode, MeetingException } from './meetings.exception.js';
import { MeetingsService } from './meetings.service.js';
import { HolidayCalendar } from './scheduling/holiday-calendar.js';
import { toLocal } from './scheduling/local-time.js';
import { analyseSlot, suggestSlots } from './scheduling/slot-analysis.js';

const MAX_SUGGESTION_RANGE_MS = 14 * 24 * 3600 * 1000;

/**
 * Finding a time: polls of candidate slots with, for every participant, the slot's local time and whether it is
 * off-hours, on a weekend or on a public holiday of their country; suggestions; closing a poll into a meeting.
 */
@Injectable()
export class PollsService {
  constructor(
    @InjectRepository(Poll) private readonly polls: Repository<Poll>,
    @InjectRepository(PollVote) private readonly votes: Repository<PollVote>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupsService,
    private readonly meetings: MeetingsService,
    private readonly calendar: HolidayCalendar,
    private readonly notifications: NotificationsService,
    private readonly events: EventEmitter2,
  ) {}

  /** Opens a poll; the group's other active members are told (and see it on their home page). */
  async create(actor: Actor, groupId: string, dto: CreatePollDto): Promise<PollResponse> {
    assertGroupOpen((await this.groups.requireManager(actor, groupId)).group);
    const slots = dto.options.map((o, i) => checkTimes(o.startsAt, o.endsAt, `options[${i}].endsAt`));
    const deadline = dto.deadline ? new Date(dto.deadline) : null;
    if (deadline && deadline.getTime() <= Date.now()) {
      throw new MeetingException(MeetingErrorCode.INVALID_MEETING_TIME, 'The deadline must be in the future', [
        { field: 'deadline', message: 'deadline must be later than now' },
      ]);
    }
    const [members, group] = [await this.groups.activeMembers(groupId), await this.groups.leadsOf(groupId)];
    const { poll, created } = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(Poll).save({
        workingGroupId: groupId,
        title: dto.title,
        timeZone: dto.timeZone,
        createdById: actor.id,
        deadline,
      });
      await manager
        .getRepository(PollOption)
        .insert(slots.map((slot, position) => ({ pollId: saved.id, ...slot, position })));
      const data = notificationParams(saved, group?.name ?? '', actor);
      const created = await this.notifications.create(
        members
          .filter((member) => member.id !== actor.id)
          .map((member) => ({ memberId: member.id, type: NotificationType.PollOpened, data })),
        manager,
      );
      return { poll: saved, created };
    });
    await this.notifications.announce(created);
    await this.changed(
      poll,
      members.map((member) => member.id),
    );
    return this.get(actor, poll.id);
  }

  /** Polls of the actor's groups (active membership), newest first: the home page's "polls waiting for you". */
  async listMine(actor: Actor, query: ListMyPollsQueryDto): Promise<PollSummaryResponse[]> {
    const p = new SqlParams();
    const me = p.add(actor.id);
    const status = p.add(query.status);
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.working_group_id, p.title, p.status, p.meeting_id, p.deadline, p.created_at, g.name AS group_name,
              (SELECT count(*) FROM poll_options o WHERE o.poll_id = p.id)::int AS option_count,
              EXISTS (SELECT 1 FROM poll_votes v WHERE v.poll_id = p.id AND v.member_id = ${me}) AS answered
         FROM polls p
         JOIN working_groups g ON g.id = p.working_group_id
        WHERE p.status = ${status} AND ${groupMemberSql('p.working_group_id', whoIsActor(actor, p))}
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT 50`,
      p.values,
    )) as PollSummaryRow[];
    return rows.map((row) => ({
      id: row.id,
      workingGroupId: row.working_group_id,
      title: row.title,
      status: row.status,
      meetingId: row.meeting_id,
      optionCount: row.option_count,
      answeredByMe: row.answered,
      deadline: row.deadline?.toISOString() ?? null,
      groupName: row.group_name,
      createdAt: row.created_at.toISOString(),
    }));
  }

  /** A group's polls, newest first, for its insiders (404 for outsiders of a private group). */
  async listForGroup(actor: Actor, groupId: string, query: ListPollsQueryDto): Promise<Page<PollSummaryResponse>> {
    const group = await this.groups.requireInsider(actor, groupId);
    const qb = this.polls
      .createQueryBuilder('p')
      .select(['p.id', 'p.workingGroupId', 'p.title', 'p.status', 'p.meetingId', 'p.deadline', 'p.createdAt'])
      .addSelect('(SELECT count(*) FROM poll_options o WHERE o.poll_id = p.id)::int', 'option_count')
      .addSelect(
        'EXISTS (SELECT 1 FROM poll_votes v JOIN poll_options o ON o.id = v.option_id ' +
          'WHERE o.poll_id = p.id AND v.member_id = :me)',
        'answered',
      )
      .where('p.workingGroupId = :groupId', { groupId, me: actor.id })
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(query.limit + 1);
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      qb.andWhere('(p.createdAt, p.id) < (:createdAt, :id)', { createdAt, id });
    }
    const { entities, raw } = await qb.getRawAndEntities();
    const extra = new Map(raw.map((row: { p_id: string; option_count: number; answered: boolean }) => [row.p_id, row]));
    return toPage(
      entities,
      query.limit,
      (poll) => ({
        id: poll.id,
        workingGroupId: poll.workingGroupId,
        title: poll.title,
        status: poll.status,
        meetingId: poll.meetingId,
        optionCount: extra.get(poll.id)?.option_count ?? 0,
        answeredByMe: extra.get(poll.id)?.answered ?? false,
        deadline: poll.deadline?.toISOString() ?? null,
        groupName: group.group.name,
        createdAt: poll.createdAt.toISOString(),
      }),
      (poll) => [poll.createdAt.toISOString(), poll.id],
    );
  }

  async get(actor: Actor, id: string): Promise<PollResponse> {
    const poll = await this.requireVisible(actor, id);
    const participants = await this.groups.activeMembers(poll.workingGroupId);
    const votes = await this.votes.find({ where: { pollId: id } });
    const answerOf = new Map(votes.map((v) => [`${v.optionId}:${v.memberId}`, v.answer]));
    const answered = new Set(votes.map((v) => v.memberId));
    const slots = [...poll.options].sort(
      (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position,
    );
    const options: PollOptionResponse[] = slots.map((option) => {
      const counts = { [PollAnswer.Yes]: 0, [PollAnswer.IfNeedBe]: 0, [PollAnswer.No]: 0 };
      for (const vote of votes) if (vote.optionId === option.id) counts[vote.answer] += 1;
      return {
        id: option.id,
        startsAt: option.startsAt.toISOString(),
        endsAt: option.endsAt.toISOString(),
        local: localTimes(option, actor.timeZone),
        counts,
        participants: participants.map((p) => {
          const analysis = analyseSlot(option, { timeZone: p.timeZone, country: p.country }, this.calendar);
          return {
            memberId: p.id,
            displayName: p.displayName,
            country: p.country,
            answer: answerOf.get(`${option.id}:${p.id}`) ?? null,
            local: { startsAt: analysis.startsAt, endsAt: analysis.endsAt, timeZone: analysis.timeZone },
            offHours: analysis.offHours,
            weekend: analysis.weekend,
            holiday: analysis.holiday,
          };
        }),
      };
    });
    return {
      id: poll.id,
      workingGroupId: poll.workingGroupId,
      title: poll.title,
      timeZone: poll.timeZone,
      status: poll.status,
      meetingId: poll.meetingId,
      options,
      myVotes: votes.filter((v) => v.memberId === actor.id).map((v) => ({ optionId: v.optionId, answer: v.answer })),
      deadline: poll.deadline?.toISOString() ?? null,
      votingOpen: votingOpen(poll),
      bestOptionId: bestOption(options)?.id ?? null,
      notAnswered: participants
        .filter((p) => !answered.has(p.id))
        .map((p) => ({ memberId: p.id, displayName: p.displayName })),
      createdAt: poll.createdAt.toISOString(),
    };
  }

  /** Active group members vote; voting again on a slot replaces the earlier answer. */
  async vote(actor: Actor, id: string, dto: CastVotesDto): Promise<PollResponse> {
    const poll = await this.requireVisible(actor, id);
    if (!(await this.groups.isActiveMember(poll.workingGroupId, actor.id))) {
      throw new MeetingException(MeetingErrorCode.NOT_A_VOTER);
    }
    if (!votingOpen(poll)) throw new MeetingException(MeetingErrorCode.POLL_CLOSED);
    const optionIds = new Set(poll.options.map((o) => o.id));
    const unknown = dto.votes.map((v, i) => ({ v, i })).filter(({ v }) => !optionIds.has(v.optionId));
    if (unknown.length) {
      throw new MeetingException(
        MeetingErrorCode.POLL_OPTION_NOT_FOUND,
        undefined,
        unknown.map(({ i }) => ({ field: `votes[${i}].optionId`, message: 'optionId is not a slot of this poll' })),
      );
    }
    await this.dataSource.transaction(async (manager) => {
      // Locks the poll so a vote cannot land after a concurrent close.
      const locked = await manager.getRepository(Poll).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked || !votingOpen(locked)) throw new MeetingException(MeetingErrorCode.POLL_CLOSED);
      await manager.getRepository(PollVote).upsert(
        dto.votes.map((v) => ({ pollId: id, optionId: v.optionId, memberId: actor.id, answer: v.answer })),
        ['optionId', 'memberId'],
      );
    });
    await this.changed(poll);
    return this.get(actor, id);
  }

  /** Closes the poll on the winning slot and schedules the meeting there (invitees: the group's members). */
  async close(actor: Actor, id: string, optionId: string): Promise<MeetingResponse> {
    const poll = await this.requireVisible(actor, id);
    await this.groups.requireManager(actor, poll.workingGroupId);
    const option = poll.options.find((o) => o.id === optionId);
    if (!option) {
      throw new MeetingException(MeetingErrorCode.POLL_OPTION_NOT_FOUND, undefined, [
        { field: 'optionId', message: 'optionId is not a slot of this poll' },
      ]);
    }
    const claimed = await this.polls.update({ id, status: PollStatus.Open }, { status: PollStatus.Closed });
    if (!claimed.affected) throw new MeetingException(MeetingErrorCode.POLL_CLOSED);
    try {
      const meeting = await this.meetings.schedule(actor, poll.workingGroupId, {
        title: poll.title,
        startsAt: option.startsAt.toISOString(),
        endsAt: option.endsAt.toISOString(),
        timeZone: poll.timeZone,
      });
      await this.polls.update({ id }, { meetingId: meeting.id });
      await this.changed(poll);
      return meeting;
    } catch (error) {
      await this.polls.update({ id }, { status: PollStatus.Open });
      throw error;
    }
  }

  /** The best slots in a range (at most 14 days) for the group's members, by the same rules as the polls. */
  async suggest(actor: Actor, groupId: string, query: SuggestSlotsQueryDto): Promise<SlotSuggestionResponse[]> {
    await this.groups.requireInsider(actor, groupId);
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from || to.getTime() - from.getTime() > MAX_SUGGESTION_RANGE_MS) {
      throw new MeetingException(MeetingErrorCode.INVALID_RANGE, 'The range must end after it starts, within 14 days', [
        { field: 'to', message: 'to must be after from and at most 14 days later' },
      ]);
    }
    const participants = await this.groups.activeMembers(groupId);
    return suggestSlots({
      from,
      to,
      durationMinutes: query.durationMinutes,
      participants: participants.map((p) => ({ timeZone: p.timeZone, country: p.country })),
      calendar: this.calendar,
      limit: query.limit ?? 5,
    });
  }

  /** Everyone who sees the poll's answers hears that they changed (after the commit). */
  private async changed(poll: Poll, memberIds?: string[]): Promise<void> {
    const audience = memberIds ?? (await this.groups.activeMemberIds(poll.workingGroupId));
    await this.events.emitAsync(PollChangedEvent.NAME, new PollChangedEvent(poll.id, poll.workingGroupId, audience));
  }

  private async requireVisible(actor: Actor, id: string): Promise<Poll> {
    const poll = await this.polls.findOne({
      where: { id },
      relations: { options: true },
      order: { options: { position: 'ASC' } },
    });
    if (!poll || !(await this.groups.findAccess(actor, poll.workingGroupId))) {
      throw new MeetingException(MeetingErrorCode.POLL_NOT_FOUND);
    }
    return poll;
  }
}

function localTimes(slot: { startsAt: Date; endsAt: Date }, timeZone: string) {
  return {
    startsAt: toLocal(slot.startsAt, timeZone).dateTime,
    endsAt: toLocal(slot.endsAt, timeZone).dateTime,
    timeZone,
  };
}

interface PollSummaryRow {
  id: string;
  working_group_id: string;
  title: string;
  status: PollStatus;
  meeting_id: string | null;
  deadline: Date | null;
  created_at: Date;
  group_name: string;
  option_count: number;
  answered: boolean;
}

/** Answers are taken while the poll is open and its deadline (if any) has not passed. */
export function votingOpen(poll: Pick<Poll, 'status' | 'deadline'>, now = new Date()): boolean {
  return poll.status === PollStatus.Open && (!poll.deadline || poll.deadline > now);
}

/**
 * The slot most participants can make: "yes" counts twice and "if need be" once, then the fewest "no", then the
 * earliest (the options come sorted). None while nobody has answered.
 */
export function bestOption(options: PollOptionResponse[]): PollOptionResponse | undefined {
  const score = (o: PollOptionResponse) => o.counts[PollAnswer.Yes] * 2 + o.counts[PollAnswer.IfNeedBe];
  let best: PollOptionResponse | undefined;
  for (const option of options) {
    if (score(option) === 0) continue;
    if (
      !best ||
      score(option) > score(best) ||
      (score(option) === score(best) && option.counts[PollAnswer.No] < best.counts[PollAnswer.No])
    ) {
      best = option;
    }
  }
  return best;
}

export function notificationParams(
  poll: Pick<Poll, 'id' | 'title' | 'workingGroupId' | 'deadline'>,
  groupName: string,
  actor?: Pick<Actor, 'id' | 'displayName'>,
): Record<string, string> {
  const data = {
    pollId: poll.id,
    pollTitle: poll.title,
    workingGroupId: poll.workingGroupId,
    groupName,
    deadline: poll.deadline?.toISOString() ?? '',
    ...(actor ? { actorId: actor.id, actorName: actor.displayName } : {}),
  } satisfies PollNotificationParams;
  return data;
}
