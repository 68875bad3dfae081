import { fetchFile, type withQuery } from '../../api/client';
import { saveFile } from '../../ui/save-file';

type Query = Parameters<typeof withQuery>[1];

/**
 * Fetches one or more exports with the member's bearer token (a plain link cannot send it), joins them under one
 * header and saves the result through a Blob link.
 */
export async function saveExport(queries: Query[], fileName: string): Promise<void> {
  const parts: string[] = [];
  for (const query of queries) {
    const response = await fetchFile('/indicator-values/export', query);
    parts.push((await response.text()).replace(/^\uFEFF/, ''));
  }
  const [first = '', ...rest] = parts.map((part) => part.replace(/\r?\n$/, ''));
  const text = [first, ...rest.map((part) => part.split(/\r?\n/).slice(1).join('\n')).filter(Boolean)].join('\n');
  saveFile(new Blob([`${text}\n`], { type: 'text/csv;charset=utf-8' }), fileName);
}
