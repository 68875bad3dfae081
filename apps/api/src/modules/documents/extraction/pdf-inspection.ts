import { constants, inflateSync } from 'node:zlib';
import { type ExtractionLimits, ExtractionRefused } from './extraction-limits.js';

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');

/**
 * Checks a PDF before pdf.js parses it: counts its streams and inflates every Flate stream that is not an image
 * (pdf.js never decodes images for text) with the remaining budget as a hard ceiling, so a small file whose
 * content streams inflate to hundreds of megabytes is refused in well under a second instead of parsed for minutes.
 * Encrypted or oddly encoded streams fail to inflate here and are left to the worker's memory and time limits.
 */
export function inspectPdf(bytes: Buffer, limits: ExtractionLimits): void {
  let streams = 0;
  let inflated = 0;
  let at = bytes.indexOf(STREAM);
  while (at !== -1) {
    const isKeyword = !(at >= 3 && bytes.toString('latin1', at - 3, at) === 'end');
    let dataStart = at + STREAM.length;
    if (bytes[dataStart] === 0x0d) dataStart += 1;
    const followedByEol = bytes[dataStart] === 0x0a || dataStart > at + STREAM.length;
    if (bytes[dataStart] === 0x0a) dataStart += 1;
    if (!isKeyword || !followedByEol) {
      at = bytes.indexOf(STREAM, at + STREAM.length);
      continue;
    }
    const dataEnd = bytes.indexOf(END_STREAM, dataStart);
    if (dataEnd === -1) break;
    streams += 1;
    if (streams > limits.maxPdfStreams) {
      throw new ExtractionRefused(`the PDF has more than ${limits.maxPdfStreams} streams`);
    }
    const dictionary = bytes.toString('latin1', Math.max(0, at - 4096), at);
    const own = dictionary.slice(dictionary.lastIndexOf(' obj'));
    if (/\/FlateDecode/.test(own) && !/\/Subtype\s*\/Image/.test(own)) {
      inflated += inflatedSize(bytes.subarray(dataStart, dataEnd), limits.maxUnzippedBytes - inflated);
      if (inflated > limits.maxUnzippedBytes) throw tooLarge();
    }
    at = bytes.indexOf(STREAM, dataEnd + END_STREAM.length);
  }
}

function inflatedSize(data: Buffer, budget: number): number {
  try {
    // Sync flush: a stream cut short still yields what it holds, as pdf.js would read it.
    return inflateSync(data, { maxOutputLength: Math.max(1, budget), finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge();
    }
    return 0;
  }
}

const tooLarge = () => new ExtractionRefused('the PDF streams inflate beyond the limit on decompressed bytes');
