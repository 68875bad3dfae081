import type { EntityManager } from 'typeorm';
import { headlineText, indexText } from '../../../common/search/segmentation.js';

/**
 * Rewrites a document's search columns from its metadata and its latest version's extracted text: title weighs
 * A, tags and description B, the file's text C; `title_vector` holds the A and B words alone. Runs in the caller's
 * transaction.
 */
export async function refreshSearchIndex(manager: EntityManager, documentId: string): Promise<void> {
  const [row] = (await manager.query(
    `SELECT d.title, d.description, d.tags, v.extracted_text
       FROM documents d
       JOIN document_versions v ON v.document_id = d.id AND v.number = d.latest_version_number
      WHERE d.id = $1`,
    [documentId],
  )) as { title: string; description: string | null; tags: string[]; extracted_text: string | null }[];
  if (!row) return;
  const body = row.extracted_text ?? '';
  await manager.query(
    `UPDATE documents
        SET search_vector = setweight(to_tsvector('simple', $2), 'A')
                         || setweight(to_tsvector('simple', $3), 'B')
                         || setweight(to_tsvector('simple', $4), 'C'),
            title_vector = setweight(to_tsvector('simple', $2), 'A') || setweight(to_tsvector('simple', $3), 'B'),
            search_text = $5
      WHERE id = $1`,
    [
      documentId,
      indexText(row.title),
      indexText([...row.tags, row.description ?? ''].join('\n')),
      indexText(body),
      headlineText(body.trim() ? body : (row.description ?? '')),
    ],
  );
}
