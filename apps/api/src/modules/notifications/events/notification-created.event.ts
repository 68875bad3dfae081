import type { NotificationResponse } from '@lcc/contracts';

/** Emitted after notifications commit, so the socket gateway can push them to their members. */
export class NotificationsCreatedEvent {
  static readonly NAME = 'notification.created';
  constructor(readonly notifications: (NotificationResponse & { memberId: string })[]) {}
}
