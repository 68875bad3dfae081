import type { MessageResponse } from '@lcc/contracts';

/** Published after a message became a tombstone; the room hears `message.deleted`. */
export class MessageDeletedEvent {
  static readonly NAME = 'message.deleted';
  constructor(readonly message: MessageResponse) {}
}
