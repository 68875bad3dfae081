import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationType } from '@lcc/contracts';

/** A notification as a subject check sees it: who it is for and what it is about (its parameters). */
export interface NotificationSubject {
  id: string;
  memberId: string;
  data: Record<string, string>;
}

/** The ids, among `notifications`, whose subject (a meeting, a room) its member may still see. */
export type SubjectCheck = (manager: EntityManager, notifications: NotificationSubject[]) => Promise<Set<string>>;

/**
 * Mail that waits (quiet hours, daily digests) goes out hours after its notification was written; by then the
 * member may have lost what it is about. The features that own the subjects register their access rule here for
 * their notification types (meetings, discussions), so waiting mail asks the same rule as every other channel
 * without notifications importing the features that use it. Types nobody registered are always sent.
 */
@Injectable()
export class NotificationSubjects {
  private readonly checks = new Map<NotificationType, SubjectCheck>();

  register(types: NotificationType[], check: SubjectCheck): void {
    for (const type of types) this.checks.set(type, check);
  }

  async stillOpen(
    manager: EntityManager,
    notifications: (NotificationSubject & { type: NotificationType })[],
  ): Promise<Set<string>> {
    const open = new Set(notifications.filter((n) => !this.checks.has(n.type)).map((n) => n.id));
    const byCheck = new Map<SubjectCheck, NotificationSubject[]>();
    for (const n of notifications) {
      const check = this.checks.get(n.type);
      if (check) byCheck.set(check, [...(byCheck.get(check) ?? []), n]);
    }
    for (const [check, group] of byCheck) for (const id of await check(manager, group)) open.add(id);
    return open;
  }
}
