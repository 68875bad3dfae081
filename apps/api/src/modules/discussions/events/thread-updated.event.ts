import type { ThreadUpdate } from '@lcc/contracts';

/** Published after a reply commits, with its root's new reply count; the room hears `thread.updated`. */
export class ThreadUpdatedEvent {
  static readonly NAME = 'thread.updated';
  constructor(readonly update: ThreadUpdate) {}
}
