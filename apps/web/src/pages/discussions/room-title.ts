import type { TFunction } from 'i18next';
import { RoomKind, RoomNotifyLevel, type RoomResponse } from '@lcc/contracts';

/**
 * What the reader calls a room: its name, or for a direct message the other people in it, in the reader's
 * language ("Ana", "Ana and Bat", "Ana, Bat and 2 others").
 */
export function roomTitle(room: Pick<RoomResponse, 'kind' | 'name' | 'people'>, meId: string, t: TFunction): string {
  if (room.kind !== RoomKind.Direct || !room.people) return room.name ?? t('discussions:untitledRoom');
  const names = room.people.filter((person) => person.id !== meId).map((person) => person.displayName);
  if (names.length === 0) return t('discussions:untitledRoom');
  if (names.length === 1) return names[0]!;
  if (names.length === 2) return t('discussions:dmName.two', { first: names[0], second: names[1] });
  if (names.length === 3) {
    return t('discussions:dmName.three', { first: names[0], second: names[1], third: names[2] });
  }
  return t('discussions:dmName.more', { first: names[0], second: names[1], count: names.length - 2 });
}

/** The badge a room shows in the list: every unread message, only mentions, or nothing for a muted room. */
export function roomBadges(room: Pick<RoomResponse, 'notifyLevel' | 'unreadCount' | 'mentionCount'>) {
  return {
    unread: room.notifyLevel === RoomNotifyLevel.All ? room.unreadCount : 0,
    mentions: room.notifyLevel === RoomNotifyLevel.Nothing ? 0 : room.mentionCount,
  };
}
