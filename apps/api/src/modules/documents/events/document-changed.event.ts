/** What changed in a document that its open page shows: a version was added (or restored), or a text was read. */
export type DocumentChange = 'version_added' | 'text_extracted';

/**
 * Emitted by documents after a committed change to a document's versions; sockets listen. `memberIds` are the
 * active members who may open the document, asked of `readersSql` (document-sql.ts) when it is emitted.
 */
export class DocumentChangedEvent {
  static readonly NAME = 'document.changed';
  constructor(
    readonly documentId: string,
    readonly change: DocumentChange,
    readonly memberIds: string[],
  ) {}
}
