import { inflateRawSync } from 'node:zlib';
import { type ExtractionLimits, ExtractionRefused } from './extraction-limits.js';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Entries smaller than this are not held to the ratio limit: tiny parts compress extremely well legitimately. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Checks an Office Open XML (or any zip-based) file before a parser inflates it. The central directory is read
 * first and the file refused when its declared sizes, ratios or entry count exceed the limits; then every XML part
 * is inflated here with its declared size as a hard ceiling (so a directory that lies is caught) and its element
 * nesting measured. Only then may a parser open the file, knowing what it will cost.
 */
export function inspectZip(bytes: Buffer, limits: ExtractionLimits): void {
  const entries = readDirectory(bytes, limits.maxZipEntries);
  let parsedBytes = 0;
  for (const entry of entries) {
    if (entry.size > RATIO_FLOOR_BYTES && entry.size > entry.compressedSize * limits.maxZipRatio) {
      throw new ExtractionRefused(
        `zip entry ${entry.name} inflates ${Math.round(entry.size / Math.max(1, entry.compressedSize))} times (limit ${limits.maxZipRatio})`,
      );
    }
    if (isParsedPart(entry.name)) parsedBytes += entry.size;
  }
  if (parsedBytes > limits.maxUnzippedBytes) {
    throw new ExtractionRefused(`the XML parts inflate to ${parsedBytes} bytes (limit ${limits.maxUnzippedBytes})`);
  }
  for (const entry of entries.filter((candidate) => isParsedPart(candidate.name))) {
    const xml = inflateEntry(bytes, entry);
    const depth = xmlDepth(xml, limits.maxXmlDepth);
    if (depth > limits.maxXmlDepth) {
      throw new ExtractionRefused(`XML in ${entry.name} is nested deeper than ${limits.maxXmlDepth} levels`);
    }
  }
}

/** The parts a parser reads: XML and relationships (media are never inflated for text). */
function isParsedPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

function readDirectory(bytes: Buffer, maxEntries: number): ZipEntry[] {
  const end = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ExtractionRefused('ZIP64 archives are not read');
  if (count > maxEntries) throw new ExtractionRefused(`the zip has ${count} entries (limit ${maxEntries})`);
  if (directoryOffset + directorySize > end) throw new ExtractionRefused('the zip central directory is corrupt');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw new ExtractionRefused('the zip central directory is corrupt');
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if ([entry.compressedSize, entry.size, entry.localOffset].includes(0xffffffff)) {
      throw new ExtractionRefused('ZIP64 archives are not read');
    }
    entries.push(entry);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

function findEndOfDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes at the very end of the file.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ExtractionRefused('not a zip file (no central directory)');
}

function inflateEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  const header = entry.localOffset;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_HEADER) {
    throw new ExtractionRefused(`zip entry ${entry.name} is corrupt`);
  }
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ExtractionRefused(`zip entry ${entry.name} is truncated`);
  if (entry.method === STORED) return data;
  if (entry.method !== DEFLATED) throw new ExtractionRefused(`zip entry ${entry.name} uses an unsupported compression`);
  try {
    // The declared size is the ceiling: an entry that inflates beyond it lies about itself.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ExtractionRefused(`zip entry ${entry.name} inflates beyond its declared ${entry.size} bytes`);
    }
    throw new ExtractionRefused(`zip entry ${entry.name} is corrupt`);
  }
}

/**
 * Deepest element nesting of an XML document, stopping as soon as it passes `stopAbove`. A byte scan, not a parse:
 * comments, CDATA and processing instructions are skipped by their opening characters, and a `>` inside an
 * attribute value may end a tag early, so the count can be off by a level on odd files but never by thousands.
 */
export function xmlDepth(xml: Buffer, stopAbove: number): number {
  let depth = 0;
  let deepest = 0;
  let at = xml.indexOf(0x3c);
  while (at !== -1 && at + 1 < xml.length) {
    const next = xml[at + 1];
    const close = xml.indexOf(0x3e, at + 1);
    if (close === -1) break;
    if (next === 0x2f) {
      depth -= 1;
    } else if (next !== 0x3f && next !== 0x21 && xml[close - 1] !== 0x2f) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    }
    at = xml.indexOf(0x3c, close + 1);
  }
  return deepest;
}
