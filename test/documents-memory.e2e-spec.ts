import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/test-app.js';

const SIZE = 50 * 1024 * 1024;

describe('documents: a 50 MB upload is streamed, not buffered', () => {
  let t: TestApp;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    t = await createTestApp();
    dir = await mkdtemp(path.join(tmpdir(), 'lcc-upload-'));
    file = path.join(dir, 'large.zip');
    // A ZIP signature, then 50 MB of random bytes (incompressible, never in memory at once).
    const out = createWriteStream(file);
    out.write(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    for (let written = 4; written < SIZE; written += 1024 * 1024) out.write(randomBytes(1024 * 1024));
    await new Promise((resolve) => out.end(resolve));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await t.close();
  });

  it('keeps the process memory well below the file size while the file goes through', async () => {
    const coordinator = await t.fx.member({ role: 'coordinator' });
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const response = await t
        .http()
        .post('/api/documents')
        .set('Authorization', coordinator.auth)
        .field('title', 'Large dataset')
        .field('kind', 'dataset')
        .field('visibility', 'network')
        .attach('file', file);
      expect(response.status).toBe(201);
      expect(response.body.latestVersion.size).toBe((await stat(file)).size);
    } finally {
      clearInterval(sampler);
    }
    const growthMb = (peak - baseline) / 1024 / 1024;
    console.log(
      `upload of 50 MB: process RSS grew by ${growthMb.toFixed(1)} MB (client and server share this process)`,
    );
    expect(growthMb).toBeLessThan(40);
  });
});
