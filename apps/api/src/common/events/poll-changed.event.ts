/**
 * Emitted by meetings after a poll is opened, answered or closed; sockets listen. It lives here, not in
 * meetings/events/, for the reason `MeetingChangedEvent` does: meetings uses notifications, whose sockets live in
 * discussions.
 */
export class PollChangedEvent {
  static readonly NAME = 'poll.changed';
  constructor(
    readonly pollId: string,
    readonly workingGroupId: string,
    /** The group's active members: everyone who sees the poll's answers. */
    readonly memberIds: string[],
  ) {}
}
