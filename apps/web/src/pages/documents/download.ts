import type { ErrorResponse } from '@lcc/contracts';
import { ApiError, currentAccessToken, refreshSession, withQuery } from '../../api/client';

/** The address of a document's file (the latest version when `version` is absent). */
export function downloadUrl(documentId: string, version?: number): string {
  return withQuery(`/api/documents/${documentId}/download`, { version });
}

/**
 * Downloads a file with the member's bearer token (a plain link cannot send it) and saves it through a Blob
 * link under its original name. The API records the download against the member.
 */
export async function saveDownload(documentId: string, fileName: string, version?: number): Promise<void> {
  const get = () => {
    const token = currentAccessToken();
    return fetch(downloadUrl(documentId, version), {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      credentials: 'same-origin',
    });
  };
  let response = await get();
  if (response.status === 401 && currentAccessToken() && (await refreshSession())) response = await get();
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Partial<ErrorResponse> | null;
    throw new ApiError(response.status, body?.code ?? 'HTTP_ERROR', body?.message ?? response.statusText);
  }
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the Blob asynchronously after the click; free it a little later.
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}
