import type { RoomNotifyLevel } from '@lcc/contracts';

/** Published after a member chose what they hear of a room; their other tabs and devices follow. */
export class RoomNotifyLevelChangedEvent {
  static readonly NAME = 'room.notify-level-changed';
  constructor(
    readonly memberId: string,
    readonly roomId: string,
    readonly notifyLevel: RoomNotifyLevel,
  ) {}
}
