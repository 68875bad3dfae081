import type { Logger } from '@nestjs/common';
import type { Actor } from '../../common/http/actor.js';
import type { RoomsService } from '../discussions/rooms.service.js';

/**
 * A deleted record's room is archived (kept readable, closed to new messages) when the person deleting moderates
 * it, as its creator or a coordinator in it does; otherwise a warning is logged and it stays for a moderator.
 */
export async function archiveRooms(
  rooms: RoomsService,
  actor: Actor,
  roomIds: (string | null)[],
  logger: Logger,
): Promise<void> {
  for (const roomId of roomIds) {
    if (!roomId) continue;
    try {
      await rooms.update(actor, roomId, { archived: true });
    } catch (error) {
      logger.warn(`room ${roomId} left open: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
