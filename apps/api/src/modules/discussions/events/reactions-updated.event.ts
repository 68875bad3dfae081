import type { MessageResponse } from '@lcc/contracts';

/** Published after a reaction was added or taken back; the room hears `reaction.updated`. */
export class ReactionsUpdatedEvent {
  static readonly NAME = 'reactions.updated';
  constructor(readonly message: MessageResponse) {}
}
