/**
 * One path segment of a ZIP entry, made safe from text someone else chose (a file name, a title): no control or
 * format characters (which can disguise a name, such as a right-to-left override), no separators or characters
 * that some systems refuse, no `.` or `..`, no leading dots or spaces, at most 100 characters. What is left is
 * never empty.
 */
export function safeEntrySegment(text: string, fallback = 'file'): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const short = [...cleaned].slice(0, 100).join('');
  return short.length > 0 ? short : fallback;
}

/** A ZIP entry path from segments, each made safe: the archive unpacks inside its own folder, whatever was typed. */
export function safeEntryPath(...segments: string[]): string {
  return segments.map((segment) => safeEntrySegment(segment)).join('/');
}
