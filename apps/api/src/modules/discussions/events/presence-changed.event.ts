import type { PresenceStatus } from '@lcc/contracts';

/** Published when a member's presence across all their sockets changed; the rooms they are in hear `presence`. */
export class PresenceChangedEvent {
  static readonly NAME = 'presence.changed';
  constructor(
    readonly memberId: string,
    readonly status: PresenceStatus,
    readonly roomIds: string[],
  ) {}
}
