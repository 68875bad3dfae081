import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, type Repository } from 'typeorm';
import type { NotificationResponse, NotificationType, Page } from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import { decodeCursor, toPage } from '../../common/pagination/cursor.js';
import type { ListNotificationsQueryDto } from './dto/notification.dto.js';
import { Notification } from './entities/notification.entity.js';
import { englishTitle } from './notification-text.js';
import { NotificationsCreatedEvent } from './events/notification-created.event.js';
import { NotificationMailService } from './notification-mail.service.js';
import { NotificationSubjects } from './notification-subjects.service.js';
import { NotificationErrorCode, NotificationException } from './notifications.exception.js';

export interface NewNotification {
  memberId: string;
  type: NotificationType;
  /** `NotificationParams[type]` of the contract: what clients need to say it in the reader's language. */
  data: Record<string, string>;
}

/** In-app notifications: written by listeners of domain events (and by the reminder job), read by their member. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventEmitter2,
    private readonly mail: NotificationMailService,
    private readonly subjects: NotificationSubjects,
  ) {}

  /**
   * Inserts notifications with the e-mail they cause (at once, held for quiet hours, or for the digest, as each
   * member chose), inside the caller's transaction when given one, else in one of their own. Returns them so the
   * caller can `announce` after its commit.
   */
  async create(items: NewNotification[], manager?: EntityManager): Promise<Notification[]> {
    if (items.length === 0) return [];
    if (!manager) return this.dataSource.transaction((own) => this.create(items, own));
    const repository = manager.getRepository(Notification);
    const created = await repository.save(items.map((item) => repository.create(item)));
    await this.mail.plan(manager, created);
    return created;
  }

  /** Tells live listeners (sockets) about committed notifications. */
  async announce(created: Notification[]): Promise<void> {
    if (created.length === 0) return;
    await this.events.emitAsync(
      NotificationsCreatedEvent.NAME,
      new NotificationsCreatedEvent(created.map((n) => ({ ...toNotificationResponse(n), memberId: n.memberId }))),
    );
  }

  async notify(items: NewNotification[]): Promise<void> {
    await this.announce(await this.create(items));
  }

  /**
   * The member's notifications, newest first, leaving out those whose subject (a room, a meeting, a poll, a
   * document) the member may no longer see: the rule registered for its type in `NotificationSubjects`, the same
   * one waiting mail asks. Rows are read a page at a time until a page of visible ones is full.
   */
  async list(
    actor: Actor,
    query: ListNotificationsQueryDto,
  ): Promise<Page<NotificationResponse> & { unreadCount: number }> {
    const manager = this.dataSource.manager;
    let after = query.cursor ? decodeCursor(query.cursor, ['timestamp', 'uuid']) : null;
    const visible: Notification[] = [];
    for (;;) {
      const qb = this.notifications
        .createQueryBuilder('n')
        .where('n.memberId = :memberId', { memberId: actor.id })
        .orderBy('n.createdAt', 'DESC')
        .addOrderBy('n.id', 'DESC');
      if (query.unread) qb.andWhere('n.readAt IS NULL');
      if (after) qb.andWhere('(n.createdAt, n.id) < (:createdAt, :id)', { createdAt: after[0], id: after[1] });
      const rows = await qb.limit(query.limit + 1).getMany();
      const open = await this.subjects.stillOpen(manager, rows);
      visible.push(...rows.filter((n) => open.has(n.id)));
      if (visible.length > query.limit || rows.length <= query.limit) break;
      const last = rows[rows.length - 1]!;
      after = [last.createdAt.toISOString(), last.id];
    }
    const unread = await this.notifications.find({
      select: { id: true, memberId: true, type: true, data: true },
      where: { memberId: actor.id, readAt: IsNull() },
    });
    const unreadCount = (await this.subjects.stillOpen(manager, unread)).size;
    return {
      ...toPage(visible.slice(0, query.limit + 1), query.limit, toNotificationResponse, (n) => [
        n.createdAt.toISOString(),
        n.id,
      ]),
      unreadCount,
    };
  }

  async read(actor: Actor, id: string): Promise<NotificationResponse> {
    const notification = await this.notifications.findOneBy({ id, memberId: actor.id });
    const open = notification && (await this.subjects.stillOpen(this.dataSource.manager, [notification]));
    if (!notification || !open?.has(notification.id)) {
      throw new NotificationException(NotificationErrorCode.NOTIFICATION_NOT_FOUND);
    }
    if (!notification.readAt) {
      notification.readAt = new Date();
      await this.notifications.save(notification);
    }
    return toNotificationResponse(notification);
  }

  /** A deleted account's notifications, e-mail choices and waiting digests go with it. */
  async forgetMember(memberId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM notifications WHERE member_id = $1`, [memberId]);
      await manager.query(`DELETE FROM notification_mail_batches WHERE member_id = $1`, [memberId]);
      await manager.query(`DELETE FROM notification_preferences WHERE member_id = $1`, [memberId]);
    });
  }

  async readAll(actor: Actor): Promise<{ updated: number }> {
    const result = await this.notifications.update({ memberId: actor.id, readAt: IsNull() }, { readAt: new Date() });
    return { updated: result.affected ?? 0 };
  }
}

export function toNotificationResponse(n: Notification): NotificationResponse {
  return {
    id: n.id,
    type: n.type,
    title: englishTitle(n.type, n.data),
    data: n.data,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}
