/**
 * Emitted after an account's deletion commits (the row stays as "Former member", status `deleted`): each feature
 * cleans its own rows — sessions and tokens end and sockets drop, memberships of groups and rooms go, notifications
 * and settings go, and, when the member chose so, their messages are removed.
 */
export class MemberDeletedEvent {
  static readonly NAME = 'member.deleted';
  constructor(
    readonly memberId: string,
    readonly actorId: string,
    readonly removeMessages: boolean,
  ) {}
}
