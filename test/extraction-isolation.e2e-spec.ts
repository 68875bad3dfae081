import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Zip, type ZipInputFile } from 'fflate';
import type { TestMember } from '@lcc/testing';
import type { ExtractionLimits } from '../apps/api/src/modules/documents/extraction/extraction-limits.js';
import { ExtractionFailure, ExtractionPool } from '../apps/api/src/modules/documents/extraction/extraction-pool.js';
import { ExtractionService } from '../apps/api/src/modules/documents/extraction/extraction.service.js';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const MiB = 1024 * 1024;
/** Short enough for the suite, long enough that an ordinary file never meets it on a busy machine. */
const TIMEOUT_MS = 4000;

// ---- Hostile files, built here ------------------------------------------------------------------------------

/**
 * `block` repeated `times` as one raw DEFLATE stream, without compressing gigabytes: each block is compressed on
 * its own and sync-flushed (no back-reference leaves it), so the copies can be chained, then a final empty block.
 */
function repeatedDeflate(block: Buffer, times: number): { data: Buffer; size: number; crc: number } {
  const once = deflateRawSync(block, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  let crc = 0;
  for (let i = 0; i < times; i += 1) crc = crc32(block, crc);
  const data = Buffer.concat([...Array<Buffer>(times).fill(once), Buffer.from([0x03, 0x00])]);
  return { data, size: block.length * times, crc };
}

/** A zip (through fflate) whose entries are given already deflated, with their true size and CRC. */
function zipOf(entries: Record<string, { data: Buffer; size: number; crc: number }>): Buffer {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  for (const [filename, entry] of Object.entries(entries)) {
    const file: ZipInputFile = { filename, size: entry.size, crc: entry.crc, compression: 8 };
    zip.add(file);
    file.ondata!(null, new Uint8Array(entry.data), true);
  }
  zip.end();
  return Buffer.concat(out);
}

const small = (text: string) => {
  const bytes = Buffer.from(text);
  return { data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
};

const CONTENT_TYPES = small(
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
);
const RELS = small(
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const docxWith = (documentXml: { data: Buffer; size: number; crc: number }, extra = {}) =>
  zipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS, 'word/document.xml': documentXml, ...extra });

const docx = (text: string) =>
  docxWith(small(`<w:document ${W}><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`));

/** document.xml of 256 MiB of paragraphs, compressed to a few hundred kilobytes. */
function docxBomb(): Buffer {
  const paragraph = '<w:p><w:r><w:t>low carbon city </w:t></w:r></w:p>';
  const block = Buffer.from(paragraph.repeat(Math.ceil(MiB / paragraph.length))).subarray(0, MiB);
  return docxWith(repeatedDeflate(block, 256));
}

/** The spreadsheet shape: many parts of 4 MiB each, none alarming alone, 256 MiB together. */
function sheetsBomb(main: 'xl/workbook.xml' | 'word/document.xml'): Buffer {
  const cell = '<c r="A1"><v>0</v></c>';
  const sheet = repeatedDeflate(Buffer.from(cell.repeat(Math.ceil((4 * MiB) / cell.length))).subarray(0, 4 * MiB), 1);
  const parts = Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheet]));
  const types = main === 'xl/workbook.xml' ? 'spreadsheetml.sheet' : 'wordprocessingml.document';
  return zipOf({
    '[Content_Types].xml': small(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.${types}.main+xml"/></Types>`,
    ),
    '_rels/.rels': RELS,
    [main]: small(main === 'xl/workbook.xml' ? '<workbook/>' : `<w:document ${W}><w:body/></w:document>`),
    ...parts,
  });
}

/** 80,000 nested elements (under 1 MiB, so no ratio limit applies): a recursive parser would overflow its stack. */
const deepDocx = () =>
  docxWith(small(`<w:document ${W}><w:body>${'<w:p>'.repeat(80_000)}${'</w:p>'.repeat(80_000)}</w:body></w:document>`));

/** A one-page PDF whose objects after the page are the given (zlib) FlateDecode streams; the first is its content. */
function pdf(streams: Buffer[]): Buffer {
  const objects: Buffer[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 4 0 R >>',
  ].map((text) => Buffer.from(text));
  for (const stream of streams) {
    objects.push(
      Buffer.concat([
        Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
        stream,
        Buffer.from('\nendstream'),
      ]),
    );
  }
  const parts = [Buffer.from('%PDF-1.4\n')];
  let size = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(size);
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(object);
    size += object.length;
  });
  const table = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}` +
        `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

/** Page content that draws `text` over and over, `megabytes` long once inflated. */
function textOperators(megabytes: number, text = 'low carbon'): Buffer {
  const op = Buffer.from(`BT /F1 12 Tf 10 10 Td (${text}) Tj ET\n`);
  const content = Buffer.alloc(megabytes * MiB, 0x20);
  for (let at = 0; at + op.length <= content.length; at += op.length) op.copy(content, at);
  return content;
}

/** One content stream of 128 MiB inflated, about 130 KB on disk. */
const pdfBomb = () => pdf([deflateSync(textOperators(128), { level: 9 })]);
/** 2,000 streams of 64 KiB each: none large, 125 MiB together. */
const manyStreamsPdf = () => {
  const stream = deflateSync(textOperators(1).subarray(0, 64 * 1024), { level: 9 });
  return pdf(Array<Buffer>(2000).fill(stream));
};
/** Legitimate in shape and within every size limit, but several seconds of pdf.js work: the clock must end it. */
const slowPdf = () => pdf([deflateSync(textOperators(16))]);

const LIMITS: ExtractionLimits = {
  maxUnzippedBytes: 64 * MiB,
  maxZipRatio: 100,
  maxZipEntries: 10_000,
  maxXmlDepth: 512,
  maxPdfPages: 2000,
  maxPdfStreams: 100_000,
  maxChars: 1_000_000,
};

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('untrusted files are parsed outside the API process, within limits', () => {
  let t: TestApp;
  let dataDir: string;
  let uploader: TestMember;
  let extraction: ExtractionService;

  const upload = (title: string, name: string, data: Buffer) =>
    t
      .http()
      .post('/api/documents')
      .set('Authorization', uploader.auth)
      .field('title', title)
      .field('kind', 'report')
      .attach('file', data, { filename: name, contentType: 'application/octet-stream' });

  const versionOf = async (documentId: string) =>
    (
      await sql<{ extraction_status: string; extraction_error: string | null; extraction_attempts: number }>(
        t.databaseUrl,
        `SELECT extraction_status, extraction_error, extraction_attempts FROM document_versions WHERE document_id = $1`,
        [documentId],
      )
    )[0]!;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'lcc-extraction-'));
    t = await createTestApp({
      env: { DATA_DIR: dataDir, EXTRACTION_TIMEOUT_MS: String(TIMEOUT_MS), EXTRACTION_MEMORY_MB: '1024' },
    });
    uploader = await t.fx.member({ role: 'coordinator' });
    extraction = t.app.get(ExtractionService);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses decompression bombs and deep XML before parsing, times out a slow PDF, and the API stays responsive and small', async () => {
    const files: [string, string, Buffer][] = [
      ['docx bomb', 'bomb.docx', docxBomb()],
      ['sheets bomb as docx', 'sheets.docx', sheetsBomb('word/document.xml')],
      ['sheets bomb', 'sheets.xlsx', sheetsBomb('xl/workbook.xml')],
      ['deep xml', 'deep.docx', deepDocx()],
      ['pdf bomb', 'bomb.pdf', pdfBomb()],
      ['many streams', 'streams.pdf', manyStreamsPdf()],
      ['slow pdf', 'slow.pdf', slowPdf()],
      ['normal docx', 'plan.docx', docx('Ulaanbaatar district heating retrofit')],
      // As much text as a version keeps: indexing it (in the API process) must not hold the event loop either.
      ['long report', 'report.txt', Buffer.from('Darkhan low-carbon heating plan, 2030. '.repeat(25_000))],
    ];
    for (const [, , data] of files) expect(data.length).toBeLessThan(1.5 * MiB);

    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    const latencies: number[] = [];
    let pollsDuringParse = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const parsing = extraction.workerPids.length > 0;
        const started = performance.now();
        const res = await fetch(`${t.url}/api/health/live`);
        latencies.push(performance.now() - started);
        expect(res.status).toBe(200);
        if (parsing) pollsDuringParse += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    const ids: Record<string, string> = {};
    const started = performance.now();
    for (const [title, name, data] of files) {
      const res = await upload(title, name, data);
      expect([title, res.status]).toEqual([title, 201]);
      ids[title] = res.body.id;
    }
    await extraction.drain();
    const elapsed = performance.now() - started;
    polling = false;
    await poller;
    clearInterval(sampler);

    const outcome = Object.fromEntries(
      await Promise.all(Object.entries(ids).map(async ([title, id]) => [title, await versionOf(id)] as const)),
    );
    const failed = (reason: string, detail: RegExp) => ({
      extraction_status: 'failed',
      extraction_error: expect.stringMatching(new RegExp(`^${reason}: .*${detail.source}.*\\(attempt 1 of 2\\)$`)),
      extraction_attempts: 1,
    });
    expect(outcome).toEqual({
      'docx bomb': failed('refused', /inflates \d+ times/),
      'sheets bomb as docx': failed('refused', /inflates \d+ times/),
      // Spreadsheets are not parsed at all: the upload's type check is the only reader of that zip.
      'sheets bomb': { extraction_status: 'skipped', extraction_error: null, extraction_attempts: 0 },
      'deep xml': failed('refused', /nested deeper than 512 levels/),
      'pdf bomb': failed('refused', /inflate beyond the limit/),
      'many streams': failed('refused', /inflate beyond the limit/),
      'slow pdf': failed('timeout', /longer than 4 s/),
      'normal docx': { extraction_status: 'done', extraction_error: null, extraction_attempts: 1 },
      'long report': { extraction_status: 'done', extraction_error: null, extraction_attempts: 1 },
    });
    const found = await t.http().get('/api/documents?q=retrofit').set('Authorization', uploader.auth);
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([ids['normal docx']]);

    const rssDeltaMb = (peak - baseline) / MiB;
    const worstLatency = Math.max(...latencies);
    process.stderr.write(
      `extraction isolation: ${files.length} files in ${Math.round(elapsed)} ms; /api/health/live worst ` +
        `${Math.round(worstLatency)} ms over ${latencies.length} polls (${pollsDuringParse} while a parse ran); ` +
        `API RSS peak +${rssDeltaMb.toFixed(1)} MB\n`,
    );
    expect(pollsDuringParse).toBeGreaterThan(10);
    expect(worstLatency).toBeLessThan(1000);
    expect(rssDeltaMb).toBeLessThan(150);
  });

  it('never claims again a version whose attempts all ended with the process, and retries an abandoned claim once', async () => {
    const exhausted = (await upload('exhausted', 'a.docx', docx('alpha'))).body.id as string;
    const abandoned = (await upload('abandoned', 'b.docx', docx('bravo'))).body.id as string;
    const inFlight = (await upload('in flight', 'c.docx', docx('charlie'))).body.id as string;
    await extraction.drain();
    // As a process killed mid-parse leaves them: still pending, the attempt counted, the claim stamped.
    const leave = (id: string, attempts: number, claimedAgo: string | null) =>
      sql(
        t.databaseUrl,
        `UPDATE document_versions SET extraction_status = 'pending', extracted_text = NULL,
                extraction_attempts = $2, extraction_started_at = now() - $3::interval WHERE document_id = $1`,
        [id, attempts, claimedAgo],
      );
    await leave(exhausted, 2, '1 hour');
    await leave(abandoned, 1, '1 hour');
    await leave(inFlight, 1, '1 second');
    await extraction.drain();

    expect(await versionOf(exhausted)).toEqual({
      extraction_status: 'failed',
      extraction_error: 'crash: the process ended during text extraction 2 times; not tried again',
      extraction_attempts: 2,
    });
    expect(await versionOf(abandoned)).toEqual({
      extraction_status: 'done',
      extraction_error: null,
      extraction_attempts: 2,
    });
    // Claimed a second ago: another instance may be parsing it, so it is left alone.
    expect(await versionOf(inFlight)).toMatchObject({ extraction_status: 'pending', extraction_attempts: 1 });
    await sql(t.databaseUrl, `UPDATE document_versions SET extraction_started_at = NULL WHERE document_id = $1`, [
      inFlight,
    ]);
    await extraction.drain();
    expect(await versionOf(inFlight)).toMatchObject({ extraction_status: 'done', extraction_attempts: 2 });
  });

  describe('the worker pool', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'lcc-extraction-pool-'));
      await writeFile(path.join(dir, 'slow.pdf'), slowPdf());
      await writeFile(path.join(dir, 'heavy.pdf'), pdf([deflateSync(textOperators(40))]));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    const runWatched = async (pool: ExtractionPool, file: string) => {
      let pid: number | undefined;
      const watcher = setInterval(() => (pid ??= pool.pids[0]), 10);
      const started = performance.now();
      const error = await pool.run(path.join(dir, file), 'application/pdf').then(
        () => undefined,
        (cause: unknown) => cause,
      );
      const elapsed = performance.now() - started;
      clearInterval(watcher);
      return { error, elapsed, pid };
    };

    it('kills a worker at the timeout: the process is gone, not merely abandoned', async () => {
      const pool = new ExtractionPool({ concurrency: 1, timeoutMs: 1500, memoryMb: 2048, limits: LIMITS });
      const { error, elapsed, pid } = await runWatched(pool, 'slow.pdf');
      expect(error).toBeInstanceOf(ExtractionFailure);
      expect((error as ExtractionFailure).reason).toBe('timeout');
      expect(pid).toBeDefined();
      expect(isRunning(pid!)).toBe(false);
      process.stderr.write(`timeout 1500 ms: worker ${pid} gone after ${Math.round(elapsed)} ms\n`);
      expect(elapsed).toBeLessThan(1500 + 1000);
    });

    it('kills a worker whose resident memory passes the cap, typed arrays included', async () => {
      const pool = new ExtractionPool({ concurrency: 1, timeoutMs: 60_000, memoryMb: 256, limits: LIMITS });
      const { error, elapsed, pid } = await runWatched(pool, 'heavy.pdf');
      expect(error).toMatchObject({ reason: 'memory', message: expect.stringContaining('256 MB of resident memory') });
      expect(isRunning(pid!)).toBe(false);
      process.stderr.write(`memory cap 256 MB: worker ${pid} killed after ${Math.round(elapsed)} ms\n`);
    });

    it('runs at most `concurrency` workers at once', async () => {
      const pool = new ExtractionPool({ concurrency: 1, timeoutMs: 1000, memoryMb: 2048, limits: LIMITS });
      let most = 0;
      const watcher = setInterval(() => (most = Math.max(most, pool.pids.length)), 10);
      const outcomes = await Promise.allSettled(
        [1, 2, 3].map(() => pool.run(path.join(dir, 'slow.pdf'), 'application/pdf')),
      );
      clearInterval(watcher);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(most).toBe(1);
    });
  });

  // Last: it closes the app.
  it('closes at once while a parse runs, killing the worker and giving the attempt back', async () => {
    const id = (await upload('slow at shutdown', 'slow.pdf', slowPdf())).body.id as string;
    await until(() => extraction.workerPids.length > 0, 5000);
    const [pid] = extraction.workerPids;
    const started = performance.now();
    await t.stop();
    const elapsed = performance.now() - started;
    process.stderr.write(`app.close() during a parse: ${Math.round(elapsed)} ms\n`);
    expect(elapsed).toBeLessThan(2000);
    expect(isRunning(pid!)).toBe(false);
    expect(await versionOf(id)).toMatchObject({ extraction_status: 'pending', extraction_attempts: 0 });
  });
});
