import { ALLOWED_TYPES } from '../file-types.js';

/** Types whose text is extracted and indexed; the others are `skipped`. The worker has a parser for each. */
export const EXTRACTABLE_TYPES: ReadonlySet<string> = new Set([
  ALLOWED_TYPES.pdf!,
  ALLOWED_TYPES.docx!,
  'text/plain',
  'text/csv',
  'text/markdown',
]);

export function isExtractable(mimeType: string): boolean {
  return EXTRACTABLE_TYPES.has(mimeType);
}
