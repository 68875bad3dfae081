/** What the portal accepts: declared extension → the one MIME type its bytes must be sniffed as. */
export const ALLOWED_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
  // Text has no magic number: accepted when the bytes are UTF-8 without NUL and do not open as markup.
  txt: 'text/plain',
  csv: 'text/csv',
  md: 'text/markdown',
  markdown: 'text/markdown',
};

export const TEXT_TYPES = new Set(['text/plain', 'text/csv', 'text/markdown']);

/** The Content-Type a download answers with (text declared as UTF-8). */
export function contentTypeOf(mimeType: string): string {
  return TEXT_TYPES.has(mimeType) ? `${mimeType}; charset=utf-8` : mimeType;
}

/** What the spooling step learnt about the bytes, for text files. */
export interface TextEvidence {
  validUtf8: boolean;
  hasNul: boolean;
  /** The first bytes, to refuse HTML/SVG/XML and scripts disguised as text. */
  head: Buffer;
}

export type Classification =
  { ok: true; mimeType: string } | { ok: false; reason: 'unsupported' | 'mismatch'; detected: string | null };

/**
 * Checks sniffed bytes against the declared extension: the extension must be allowed, and the content must be
 * what the extension says (a ZIP named .docx, a PNG named .pdf, an ELF named .txt are all refused).
 */
export function classify(extension: string, sniffedMime: string | undefined, text: TextEvidence): Classification {
  const expected = ALLOWED_TYPES[extension];
  if (!expected) return { ok: false, reason: 'unsupported', detected: sniffedMime ?? null };
  if (TEXT_TYPES.has(expected)) {
    if (sniffedMime) return { ok: false, reason: 'mismatch', detected: sniffedMime };
    if (!text.validUtf8 || text.hasNul || looksLikeMarkupOrScript(text.head)) {
      return { ok: false, reason: 'unsupported', detected: null };
    }
    return { ok: true, mimeType: expected };
  }
  if (sniffedMime === expected) return { ok: true, mimeType: expected };
  return {
    ok: false,
    reason: sniffedMime && !isAllowedMime(sniffedMime) ? 'unsupported' : 'mismatch',
    detected: sniffedMime ?? null,
  };
}

function isAllowedMime(mime: string): boolean {
  return Object.values(ALLOWED_TYPES).includes(mime);
}

function looksLikeMarkupOrScript(head: Buffer): boolean {
  const start = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 64)
    .toLowerCase();
  return /^<(\?xml|!doctype|html|svg|script|head|body|iframe|object|embed)\b/.test(start) || start.startsWith('#!');
}

/**
 * The original name made safe to show and to put in a header: the last path segment only, Unicode NFC, no
 * control or bidirectional-override characters, at most 255 characters. Never used as a path.
 */
export function cleanFileName(raw: string): string {
  // Browsers send `"`, CR and LF in multipart file names as %22, %0D and %0A (WHATWG HTML).
  const unescaped = raw.replace(/%22/gi, '"').replace(/%0[ad]/gi, '');
  const base = unescaped.split(/[/\\]/).at(-1) ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .trim()
    .replace(/^\.+/, '');
  return [...cleaned].slice(0, 255).join('');
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}
