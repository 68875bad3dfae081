import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import {
  MeetingStatus,
  MemberStatus,
  type MyActionItemResponse,
  NotificationType,
  type ActionItemNotificationParams,
} from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import { SqlParams, whoIsActor, whoIsMemberRow } from '../../common/sql/sql-params.js';
import { PeriodicRun } from '../../common/jobs/periodic-run.js';
import type { Env } from '../../config/env.validation.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { ActionItemsStatus } from './dto/meeting-queries.dto.js';
import type { ActionItem, Meeting } from './entities/meeting.entity.js';
import { meetingVisibleSql } from './meeting-access.js';

/** The hour of its due day at which an open item reminds its owner, in the owner's time zone. */
const DUE_REMINDER_TIME = '09:00';

interface ItemRow {
  meeting_id: string;
  title: string;
  starts_at: Date;
  working_group_id: string;
  group_name: string;
  item: ActionItem;
}

/**
 * "My action items": the items of meetings their owner may still see (`meetingVisibleSql`), the notification when
 * someone gives an item to a member, and one reminder on the morning an open item falls due in its owner's zone
 * (claimed with `FOR UPDATE SKIP LOCKED`, so several instances never send it twice).
 */
@Injectable()
export class ActionItemsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job = new PeriodicRun(
    () => this.runDue(),
    new Logger(ActionItemsService.name),
    'action item run failed',
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start(this.config.get('REMINDER_POLL_INTERVAL_MS', { infer: true }));
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** The actor's own items, due first (undated last), from meetings that are not cancelled. */
  async listMine(actor: Actor, status: ActionItemsStatus): Promise<MyActionItemResponse[]> {
    const p = new SqlParams();
    const me = p.add(actor.id);
    const done = status === 'all' ? '' : `AND (it.item->>'done')::boolean = ${status === 'done'}`;
    const rows = (await this.dataSource.query(
      `SELECT m.id AS meeting_id, m.title, m.starts_at, m.working_group_id, g.name AS group_name, it.item
         FROM meetings m
         JOIN working_groups g ON g.id = m.working_group_id
         CROSS JOIN LATERAL jsonb_array_elements(m.action_items) AS it(item)
        WHERE m.action_items @> jsonb_build_array(jsonb_build_object('ownerId', ${me}::text))
          AND it.item->>'ownerId' = ${me}::text ${done}
          AND m.status = '${MeetingStatus.Scheduled}'
          AND ${meetingVisibleSql('m', whoIsActor(actor, p))}
        ORDER BY it.item->>'dueDate' NULLS LAST, m.starts_at DESC
        LIMIT 500`,
      p.values,
    )) as ItemRow[];
    const today = DateTime.now().setZone(actor.timeZone).toISODate() ?? '';
    return rows.map((row) => ({
      id: row.item.id,
      text: row.item.text,
      dueDate: row.item.dueDate,
      done: row.item.done,
      overdue: !row.item.done && row.item.dueDate !== null && row.item.dueDate < today,
      meeting: {
        id: row.meeting_id,
        title: row.title,
        startsAt: row.starts_at.toISOString(),
        workingGroupId: row.working_group_id,
        groupName: row.group_name,
      },
    }));
  }

  /**
   * In the transaction that saved a meeting's items: the owners of items that are new to them (given by someone
   * else, and able to see the meeting) are notified, and the due reminders follow the items. Returns the
   * notifications to announce after the commit.
   */
  async saved(manager: EntityManager, meeting: Meeting, before: ActionItem[], actorId: string) {
    await this.syncReminders(manager, meeting);
    const ownerBefore = new Map(before.map((item) => [item.id, item.ownerId]));
    const given = meeting.actionItems.filter(
      (item) => item.ownerId && item.ownerId !== actorId && !item.done && ownerBefore.get(item.id) !== item.ownerId,
    );
    if (given.length === 0) return [];
    const allowed = await this.whoMaySee(manager, meeting.id, [...new Set(given.map((item) => item.ownerId!))]);
    const [{ group_name: groupName, actor_name: actorName }] = (await manager.query(
      `SELECT g.name AS group_name, (SELECT display_name FROM members WHERE id = $2) AS actor_name
         FROM working_groups g WHERE g.id = $1`,
      [meeting.workingGroupId, actorId],
    )) as { group_name: string; actor_name: string | null }[];
    return this.notifications.create(
      given
        .filter((item) => allowed.has(item.ownerId!))
        .map((item) => ({
          memberId: item.ownerId!,
          type: NotificationType.ActionItemAssigned,
          data: { ...params(meeting, groupName, item), actorId, actorName: actorName ?? '' },
        })),
      manager,
    );
  }

  /** Tells live listeners about notifications `saved` wrote, once their transaction committed. */
  announce(created: Awaited<ReturnType<ActionItemsService['saved']>>): Promise<void> {
    return this.notifications.announce(created);
  }

  /**
   * One reminder per open item with an owner and a due date, at 09:00 of that day in the owner's zone; an item
   * done, removed or given to nobody loses its reminder, and one moved to another day or owner reminds again
   * (the zone is the owner's when the item is saved).
   */
  async syncReminders(manager: EntityManager, meeting: Pick<Meeting, 'id' | 'status' | 'actionItems'>): Promise<void> {
    const open =
      meeting.status === MeetingStatus.Scheduled
        ? meeting.actionItems.filter((item) => item.ownerId && item.dueDate && !item.done)
        : [];
    await manager.query(`DELETE FROM action_item_reminders WHERE meeting_id = $1 AND NOT (item_id = ANY($2::uuid[]))`, [
      meeting.id,
      open.map((item) => item.id),
    ]);
    if (open.length === 0) return;
    // A morning already past when the item is saved (a late entry) is not reminded of: the row is born sent.
    await manager.query(
      `INSERT INTO action_item_reminders (meeting_id, item_id, member_id, due_at, sent_at)
       SELECT $1, x.item_id, x.owner_id, d.due_at, CASE WHEN d.due_at <= now() THEN now() END
         FROM unnest($2::uuid[], $3::uuid[], $4::date[]) AS x(item_id, owner_id, due_date)
         JOIN members mem ON mem.id = x.owner_id
         CROSS JOIN LATERAL (SELECT (x.due_date + $5::time) AT TIME ZONE mem.time_zone AS due_at) d
       ON CONFLICT (meeting_id, item_id) DO UPDATE
          SET member_id = EXCLUDED.member_id, due_at = EXCLUDED.due_at, sent_at = EXCLUDED.sent_at
        WHERE action_item_reminders.member_id <> EXCLUDED.member_id
           OR action_item_reminders.due_at <> EXCLUDED.due_at`,
      [
        meeting.id,
        open.map((item) => item.id),
        open.map((item) => item.ownerId),
        open.map((item) => item.dueDate),
        DUE_REMINDER_TIME,
      ],
    );
  }

  /** Sends every due reminder by `now` whose item is still open, still its owner's, in a meeting they may see. */
  async runDue(now = new Date()): Promise<number> {
    const { claimed, created } = await this.dataSource.transaction(async (manager) => {
      const due = (await manager.query(
        `UPDATE action_item_reminders SET sent_at = now()
          WHERE id IN (SELECT id FROM action_item_reminders WHERE sent_at IS NULL AND due_at <= $1
                        ORDER BY due_at LIMIT 200 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
        [now],
      )) as [{ id: string }[], number];
      const ids = due[0].map((row) => row.id);
      if (ids.length === 0) return { claimed: 0, created: [] };
      const rows = (await manager.query(
        `SELECT r.member_id, m.id AS meeting_id, m.title, m.working_group_id, g.name AS group_name, it.item
           FROM action_item_reminders r
           JOIN meetings m ON m.id = r.meeting_id AND m.status = '${MeetingStatus.Scheduled}'
           JOIN working_groups g ON g.id = m.working_group_id
           JOIN members mem ON mem.id = r.member_id AND mem.status = '${MemberStatus.Active}'
           CROSS JOIN LATERAL jsonb_array_elements(m.action_items) AS it(item)
          WHERE r.id = ANY($1::uuid[]) AND it.item->>'id' = r.item_id::text
            AND it.item->>'ownerId' = r.member_id::text AND NOT (it.item->>'done')::boolean
            AND ${meetingVisibleSql('m', whoIsMemberRow('mem'))}`,
        [ids],
      )) as (ItemRow & { member_id: string })[];
      const created = await this.notifications.create(
        rows.map((row) => ({
          memberId: row.member_id,
          type: NotificationType.ActionItemDue,
          data: params(
            { id: row.meeting_id, title: row.title, workingGroupId: row.working_group_id },
            row.group_name,
            row.item,
          ),
        })),
        manager,
      );
      return { claimed: ids.length, created };
    });
    await this.notifications.announce(created);
    return claimed;
  }

  private async whoMaySee(manager: EntityManager, meetingId: string, memberIds: string[]): Promise<Set<string>> {
    const rows = (await manager.query(
      `SELECT mem.id FROM members mem JOIN meetings m ON m.id = $1
        WHERE mem.id = ANY($2::uuid[]) AND mem.status = '${MemberStatus.Active}'
          AND ${meetingVisibleSql('m', whoIsMemberRow('mem'))}`,
      [meetingId, memberIds],
    )) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }
}

function params(
  meeting: Pick<Meeting, 'id' | 'title' | 'workingGroupId'>,
  groupName: string,
  item: ActionItem,
): Record<string, string> {
  const data = {
    meetingId: meeting.id,
    workingGroupId: meeting.workingGroupId,
    meetingTitle: meeting.title,
    groupName,
    actionItemId: item.id,
    actionItemText: item.text.slice(0, 200),
    dueDate: item.dueDate ?? '',
  } satisfies ActionItemNotificationParams;
  return data;
}
