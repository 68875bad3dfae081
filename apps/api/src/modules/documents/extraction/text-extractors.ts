import { createRequire } from 'node:module';
import path from 'node:path';
import mammoth from 'mammoth';
import { ALLOWED_TYPES } from '../file-types.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { inspectPdf } from './pdf-inspection.js';
import { inspectZip } from './zip-inspection.js';

type Extractor = (bytes: Buffer, limits: ExtractionLimits) => Promise<string>;

const utf8: Extractor = async (bytes) => bytes.toString('utf8');

const EXTRACTORS: Record<string, Extractor> = {
  [ALLOWED_TYPES.pdf!]: pdfText,
  [ALLOWED_TYPES.docx!]: docxText,
  'text/plain': utf8,
  'text/csv': utf8,
  'text/markdown': utf8,
};

/**
 * The text of one file. Runs only inside the extraction worker (a child process): the parsers below hold untrusted
 * structures in memory and may compute for a long time, which the API's process must never do.
 */
export async function extractText(mimeType: string, bytes: Buffer, limits: ExtractionLimits): Promise<string> {
  const extractor = EXTRACTORS[mimeType];
  if (!extractor) return '';
  const text = await extractor(bytes, limits);
  return text
    .replace(/^\uFEFF/, '')
    .replaceAll('\u0000', '')
    .slice(0, limits.maxChars);
}

async function docxText(bytes: Buffer, limits: ExtractionLimits): Promise<string> {
  inspectZip(bytes, limits);
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * PDF text through pdfjs-dist's legacy build (Node 20). Fonts are not loaded and no code is evaluated: only the
 * text layer is read, with the bundled CMaps for CJK encodings.
 */
async function pdfText(bytes: Buffer, limits: ExtractionLimits): Promise<string> {
  inspectPdf(bytes, limits);
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
    let length = 0;
    for (let n = 1; n <= Math.min(pdf.numPages, limits.maxPdfPages) && length <= limits.maxChars; n += 1) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      pages.push(text);
      length += text.length + 2;
      page.cleanup();
    }
    return pages.join('\n\n');
  } finally {
    await task.destroy();
  }
}
