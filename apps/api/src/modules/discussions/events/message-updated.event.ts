import type { MessageResponse } from '@lcc/contracts';

/** Published after an edit, a pin or an unpin commits; the room hears `message.updated`. */
export class MessageUpdatedEvent {
  static readonly NAME = 'message.updated';
  constructor(readonly message: MessageResponse) {}
}
