import type { MessageResponse } from '@lcc/contracts';

/** Published after a new message commits (never for a resent clientId); the room hears `message.created`. */
export class MessageCreatedEvent {
  static readonly NAME = 'message.created';
  constructor(readonly message: MessageResponse) {}
}
