import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { DataSource } from 'typeorm';
import { readersSql } from './document-sql.js';
import { type DocumentChange, DocumentChangedEvent } from './events/document-changed.event.js';

/**
 * Tells the open pages of a document that it changed, after the commit: the audience is asked of the document's
 * access rule at this moment, so someone who lost access in the meantime hears nothing.
 */
export async function announceDocumentChange(
  dataSource: DataSource,
  events: EventEmitter2,
  documentId: string,
  change: DocumentChange,
): Promise<void> {
  const rows = (await dataSource.query(readersSql(), [documentId])) as { id: string }[];
  if (rows.length === 0) return;
  await events.emitAsync(
    DocumentChangedEvent.NAME,
    new DocumentChangedEvent(
      documentId,
      change,
      rows.map((r) => r.id),
    ),
  );
}
