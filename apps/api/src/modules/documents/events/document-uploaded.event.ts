/** Emitted by documents after a new document (its first version) is committed; notifications listen. */
export class DocumentUploadedEvent {
  static readonly NAME = 'document.uploaded';
  constructor(
    readonly documentId: string,
    /** The group it is filed under, or null. */
    readonly workingGroupId: string | null,
    readonly actorId: string,
    readonly actorName: string,
  ) {}
}
