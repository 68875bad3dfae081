import { fetchFile } from '../../api/client';
import { saveFile } from '../../ui/save-file';

/**
 * Saves the meeting's .ics file (the route needs the bearer token, so a plain link cannot fetch it).
 */
export async function downloadMeetingIcs(meetingId: string, fileName: string): Promise<void> {
  const response = await fetchFile(`/meetings/${meetingId}/ics`);
  saveFile(await response.blob(), fileName);
}

/** A file name from a title: letters and digits of any script, dashes between. */
export function icsFileName(title: string): string {
  const base = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'meeting'}.ics`;
}
