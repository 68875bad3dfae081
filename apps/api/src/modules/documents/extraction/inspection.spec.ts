import { deflateRawSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { strToU8, zipSync } from 'fflate';
import { type ExtractionLimits, ExtractionRefused } from './extraction-limits.js';
import { inspectPdf } from './pdf-inspection.js';
import { inspectZip, xmlDepth } from './zip-inspection.js';

const LIMITS: ExtractionLimits = {
  maxUnzippedBytes: 1024 * 1024,
  maxZipRatio: 100,
  maxZipEntries: 10,
  maxXmlDepth: 8,
  maxPdfPages: 10,
  maxPdfStreams: 5,
  maxChars: 1000,
};

const zip = (files: Record<string, string>) =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))));

describe('inspectZip', () => {
  it('accepts an ordinary document', () => {
    expect(() =>
      inspectZip(zip({ 'word/document.xml': '<a><b><c/></b></a>', 'media/x.png': 'png' }), LIMITS),
    ).not.toThrow();
  });

  it('refuses an entry that inflates beyond the size its directory declares', () => {
    const honest = zip({ 'word/document.xml': '<a>' + 'x'.repeat(5000) + '</a>' });
    // Rewrite the central directory's uncompressed size to 100 bytes: the entry now lies about itself.
    const lying = Buffer.from(honest);
    const directory = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(100, directory + 24);
    expect(() => inspectZip(lying, LIMITS)).toThrow(/inflates beyond its declared 100 bytes/);
  });

  it('refuses too many entries, too many parsed bytes and a corrupt or missing directory', () => {
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}.xml`, '<a/>']));
    expect(() => inspectZip(zip(many), LIMITS)).toThrow(/11 entries \(limit 10\)/);
    const big = { 'a.xml': `<a>${'x'.repeat(600_000)}</a>`, 'b.xml': `<b>${'y'.repeat(600_000)}</b>` };
    expect(() => inspectZip(zip(big), { ...LIMITS, maxZipRatio: 100_000 })).toThrow(/XML parts inflate to \d+ bytes/);
    expect(() => inspectZip(Buffer.from('not a zip at all, just some text'), LIMITS)).toThrow(ExtractionRefused);
  });

  it('holds large entries to the ratio limit, media included', () => {
    expect(() => inspectZip(zip({ 'media/zeros.bin': '\0'.repeat(2 * 1024 * 1024) }), LIMITS)).toThrow(
      /media\/zeros.bin inflates \d+ times/,
    );
  });
});

describe('xmlDepth', () => {
  it('counts elements, not declarations, comments or self-closing tags', () => {
    const xml = '<?xml version="1.0"?><!-- c --><a x="1"><b/><c><d></d></c><![CDATA[<e>]]></a>';
    expect(xmlDepth(Buffer.from(xml), 100)).toBe(3);
    expect(xmlDepth(Buffer.from('<a>'.repeat(50)), 8)).toBe(9);
  });
});

describe('inspectPdf', () => {
  const object = (dictionary: string, data: Buffer) =>
    Buffer.concat([
      Buffer.from(`1 0 obj\n<< ${dictionary} /Length ${data.length} >>\nstream\n`),
      data,
      Buffer.from('\nendstream\nendobj\n'),
    ]);

  it('refuses Flate streams that inflate beyond the budget, and too many streams', () => {
    const bomb = object('/Filter /FlateDecode', deflateSync(Buffer.alloc(2 * 1024 * 1024)));
    expect(() => inspectPdf(Buffer.concat([Buffer.from('%PDF-1.4\n'), bomb]), LIMITS)).toThrow(/inflate beyond/);
    const tiny = object('', Buffer.from('q Q'));
    expect(() => inspectPdf(Buffer.concat(Array<Buffer>(6).fill(tiny)), LIMITS)).toThrow(/more than 5 streams/);
    expect(() => inspectPdf(Buffer.concat(Array<Buffer>(5).fill(tiny)), LIMITS)).not.toThrow();
  });

  it('leaves images alone (text extraction never decodes them) and ignores streams that do not inflate', () => {
    const image = object('/Subtype /Image /Filter /FlateDecode', deflateSync(Buffer.alloc(2 * 1024 * 1024)));
    const garbage = object('/Filter /FlateDecode', deflateRawSync(Buffer.from('not zlib-wrapped')));
    expect(() => inspectPdf(Buffer.concat([image, garbage]), LIMITS)).not.toThrow();
  });
});
