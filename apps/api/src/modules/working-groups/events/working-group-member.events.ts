import type { GroupRole, GroupVisibility } from '@lcc/contracts';

/** Emitted when a member becomes an active member of a group (joined, approved, added, invited). */
export class WorkingGroupMemberJoinedEvent {
  static readonly NAME = 'working-group.member-joined';
  constructor(
    readonly workingGroupId: string,
    readonly memberId: string,
    readonly role: GroupRole,
    readonly actorId: string,
  ) {}
}

/** Emitted when an active member leaves or is removed: discussion rooms and notifications follow. */
export class WorkingGroupMemberLeftEvent {
  static readonly NAME = 'working-group.member-left';
  constructor(
    readonly workingGroupId: string,
    readonly memberId: string,
    readonly reason: 'left' | 'removed',
    readonly actorId: string,
  ) {}
}

/** Emitted when a member asks to join a private group: its leads and the network's staff are told. */
export class WorkingGroupJoinRequestedEvent {
  static readonly NAME = 'working-group.join-requested';
  constructor(
    readonly workingGroupId: string,
    readonly memberId: string,
  ) {}
}

/**
 * Emitted after the number of a group's waiting join requests changed (asked, approved, declined, withdrawn), with
 * those who decide on them: their badges follow live.
 */
export class WorkingGroupRequestsChangedEvent {
  static readonly NAME = 'working-group.requests-changed';
  constructor(
    readonly workingGroupId: string,
    readonly pendingCount: number,
    readonly deciderIds: string[],
  ) {}
}

/** Emitted after a group was renamed: its room takes the new name. */
export class WorkingGroupRenamedEvent {
  static readonly NAME = 'working-group.renamed';
  constructor(
    readonly workingGroupId: string,
    readonly name: string,
  ) {}
}

/** Emitted after a group was archived or brought back: its room closes to new messages, or opens again. */
export class WorkingGroupArchivedEvent {
  static readonly NAME = 'working-group.archived';
  constructor(
    readonly workingGroupId: string,
    readonly archived: boolean,
  ) {}
}

/** Emitted after a group is created (its creator is its first lead): discussions open the group's room. */
export class WorkingGroupCreatedEvent {
  static readonly NAME = 'working-group.created';
  constructor(
    readonly workingGroupId: string,
    readonly name: string,
    readonly creatorId: string,
  ) {}
}

/** Emitted when a member's role in a group changes: a lead moderates the group's room. */
export class WorkingGroupRoleChangedEvent {
  static readonly NAME = 'working-group.member-role-changed';
  constructor(
    readonly workingGroupId: string,
    readonly memberId: string,
    readonly role: GroupRole,
  ) {}
}

/** Emitted after a group's visibility changed: what it showed to outsiders (or hid) follows at once. */
export class WorkingGroupVisibilityChangedEvent {
  static readonly NAME = 'working-group.visibility-changed';
  constructor(
    readonly workingGroupId: string,
    readonly visibility: GroupVisibility,
  ) {}
}
