import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Context } from '../lib/context.js';
import { CpuMeter, GENERATOR_SATURATED, round2, sleep } from '../lib/load.js';
import { startPortal } from '../lib/processes.js';
import { type Row, ratio } from '../lib/report.js';
import { memberId, sessionId } from '../lib/seed.js';
import { accessToken } from '../lib/tokens.js';

/**
 * Scenario 6: one large incompressible file (ZIP signature, random bytes) uploaded to the portal, against a Node
 * stream copy of the same file onto the same disk; the server's resident memory before and at its peak.
 */
export async function uploadScenario(ctx: Context): Promise<{ rows: Row[]; details: object }> {
  const megabytes = ctx.quick ? 50 : 300;
  const dir = await mkdtemp(path.join(tmpdir(), 'lcc-bench-upload-'));
  try {
    const file = path.join(dir, 'large.zip');
    const out = createWriteStream(file);
    out.write(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    for (let i = 0; i < megabytes; i += 1) out.write(randomBytes(1024 * 1024));
    await new Promise((resolve) => out.end(resolve));

    const copyStart = performance.now();
    await pipeline(createReadStream(file), createWriteStream(path.join(dir, 'copy.bin')));
    const copySeconds = (performance.now() - copyStart) / 1000;
    await rm(path.join(dir, 'copy.bin'));

    const server = await startPortal(ctx.databaseUrl, {
      DATA_DIR: path.join(dir, 'data'),
      UPLOAD_MAX_BYTES: String((megabytes + 10) * 1024 * 1024),
    });
    try {
      await sleep(1000);
      const before = server.memory().rssMb;
      const meter = new CpuMeter(server).start();
      const started = performance.now();
      const status = await postMultipart(
        `${server.url}/api/documents`,
        accessToken(memberId(0), sessionId(0)),
        { title: 'Benchmark upload', kind: 'dataset', visibility: 'network' },
        file,
      );
      const seconds = (performance.now() - started) / 1000;
      const cpu = meter.stop();
      if (status !== 201) throw new Error(`upload answered ${status}`);
      const peak = server.memory().peakMb;
      const figures = {
        megabytes,
        uploadMBps: round2(megabytes / seconds),
        streamCopyMBps: round2(megabytes / copySeconds),
        rssBeforeMb: Math.round(before),
        peakRssMb: Math.round(peak),
        rssGrowthMb: Math.round(peak - before),
        ...cpu,
      };
      ctx.log(`  ${JSON.stringify(figures)}`);
      const r = ratio(figures.uploadMBps, figures.streamCopyMBps);
      return {
        rows: [
          {
            scenario: '6 Upload',
            measure: `${megabytes} MB upload throughput`,
            unit: 'MB/s',
            portal: figures.uploadMBps,
            baseline: figures.streamCopyMBps,
            baselineName: 'stream copy',
            ratio: r,
            target: '≥ 0.5× stream copy',
            met: r === null ? null : r >= 0.5,
            // The client writes the multipart body straight from the file in 1 MB reads; were its core saturated,
            // its own CPU would cap the figure.
            void: cpu.generatorCpu >= GENERATOR_SATURATED,
            generatorCpu: cpu.generatorCpu,
          },
          {
            scenario: '6 Upload',
            measure: `server RSS growth during the upload (peak ${figures.peakRssMb} MB)`,
            unit: 'MB',
            portal: figures.rssGrowthMb,
            target: '< 64 MB',
            met: figures.rssGrowthMb < 64,
          },
        ],
        details: figures,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Posts `fields` and the file as `multipart/form-data` over `node:http`: the parts' headers are written by hand and
 * the file is piped from disk in 1 MB reads, so the client spends next to no CPU (a `fetch` with a `FormData` body
 * saturated its core at half the server's pace). Resolves with the status once the answer is read.
 */
async function postMultipart(url: string, token: string, fields: Record<string, string>, file: string) {
  const boundary = `----lcc-bench-${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\n` +
      'Content-Type: application/zip\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + (await stat(file)).size + tail.length;
  return new Promise<number>((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': length,
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.write(head);
    const body = createReadStream(file, { highWaterMark: 1024 * 1024 });
    body.on('error', reject);
    body.on('end', () => req.end(tail));
    body.pipe(req, { end: false });
  });
}
