import { createRequire } from 'node:module';
import path from 'node:path';
import mammoth from 'mammoth';
import { ALLOWED_TYPES } from '../file-types.js';

/** Longest text kept per version (characters); the index takes the first `MAX_INDEXED_CHARS` of it. */
export const MAX_EXTRACTED_CHARS = 1_000_000;
/** Files larger than this are not parsed (PDF and DOCX parsers hold the whole file in memory). */
export const MAX_EXTRACTION_BYTES = 64 * 1024 * 1024;
/** Pages of a PDF read at most. */
const MAX_PDF_PAGES = 2000;

const EXTRACTORS: Record<string, (bytes: Buffer) => Promise<string>> = {
  [ALLOWED_TYPES.pdf!]: pdfText,
  [ALLOWED_TYPES.docx!]: async (bytes) => (await mammoth.extractRawText({ buffer: bytes })).value,
  'text/plain': async (bytes) => bytes.toString('utf8'),
  'text/csv': async (bytes) => bytes.toString('utf8'),
  'text/markdown': async (bytes) => bytes.toString('utf8'),
};

/** Types whose text is extracted and indexed; the others are `skipped`. */
export function isExtractable(mimeType: string): boolean {
  return mimeType in EXTRACTORS;
}

export async function extractText(mimeType: string, bytes: Buffer): Promise<string> {
  const extractor = EXTRACTORS[mimeType];
  if (!extractor) return '';
  const text = await extractor(bytes);
  return text
    .replace(/^\uFEFF/, '')
    .replaceAll('\u0000', '')
    .slice(0, MAX_EXTRACTED_CHARS);
}

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * PDF text through pdfjs-dist's legacy build (Node 20). Fonts are not loaded and no code is evaluated: only the
 * text layer is read, with the bundled CMaps for CJK encodings.
 */
async function pdfText(bytes: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PDF_PAGES); n += 1) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
      if (pages.reduce((sum, text) => sum + text.length, 0) > MAX_EXTRACTED_CHARS) break;
    }
    return pages.join('\n\n');
  } finally {
    await task.destroy();
  }
}
