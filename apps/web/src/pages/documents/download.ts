import { fetchFile, withQuery } from '../../api/client';
import { saveFile } from '../../ui/save-file';

/** The address of a document's file (the latest version when `version` is absent). */
export function downloadUrl(documentId: string, version?: number): string {
  return withQuery(`/api/documents/${documentId}/download`, { version });
}

/**
 * Downloads a file with the member's bearer token (a plain link cannot send it) and saves it through a Blob
 * link under its original name. The API records the download against the member.
 */
export async function saveDownload(documentId: string, fileName: string, version?: number): Promise<void> {
  const response = await fetchFile(`/documents/${documentId}/download`, { version });
  saveFile(await response.blob(), fileName);
}
