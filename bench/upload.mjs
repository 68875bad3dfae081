// Measures a large upload's throughput against a plain Node stream copy of the same file on the same disk, and the
// server's peak memory while it streams. Usage: npm run build && DATABASE_URL=postgres://... node bench/upload.mjs [MB=300]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';

const megabytes = Number(process.argv[2] ?? 300);
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error('set DATABASE_URL to a PostgreSQL server the benchmark may create a database on');
const dir = await mkdtemp(path.join(tmpdir(), 'lcc-bench-upload-'));
const file = path.join(dir, 'large.zip');
const out = createWriteStream(file);
out.write(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
for (let i = 0; i < megabytes; i += 1) out.write(randomBytes(1024 * 1024));
await new Promise((resolve) => out.end(resolve));

// Baseline: the same bytes copied by Node streams onto the same disk.
const copyStart = performance.now();
await pipeline(createReadStream(file), createWriteStream(path.join(dir, 'copy.bin')));
const copySeconds = (performance.now() - copyStart) / 1000;
await rm(path.join(dir, 'copy.bin'));

const dbName = `lcc_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const port = 3900 + Math.floor(Math.random() * 90);
const server = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
  env: {
    ...process.env,
    DATABASE_URL: url.toString(),
    PORT: String(port),
    DATA_DIR: path.join(dir, 'data'),
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: 'bench@lcc.example',
    ADMIN_PASSWORD: 'bench-Password-1234',
    UPLOAD_MAX_BYTES: String((megabytes + 10) * 1024 * 1024),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => server.stdout.on('data', (d) => String(d).includes('ready') && resolve()));
const base = `http://127.0.0.1:${port}`;
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'bench@lcc.example', password: 'bench-Password-1234' }),
}).then((r) => r.json());
const rssOf = async (field) => {
  const status = await readFile(`/proc/${server.pid}/status`, 'utf8');
  return Number(/\d+/.exec(status.split('\n').find((l) => l.startsWith(field)) ?? '0')?.[0] ?? 0) / 1024;
};
const rssBefore = await rssOf('VmRSS');

const form = new FormData();
form.append('title', 'Benchmark upload');
form.append('kind', 'dataset');
form.append('visibility', 'network');
form.append('file', await openAsBlob(file), 'large.zip');
const uploadStart = performance.now();
const response = await fetch(`${base}/api/documents`, {
  method: 'POST',
  headers: { authorization: `Bearer ${login.accessToken}` },
  body: form,
});
await response.json();
const uploadSeconds = (performance.now() - uploadStart) / 1000;
const peak = await rssOf('VmHWM');

console.log(
  JSON.stringify({
    megabytes,
    status: response.status,
    uploadMBps: Number((megabytes / uploadSeconds).toFixed(1)),
    streamCopyMBps: Number((megabytes / copySeconds).toFixed(1)),
    ratio: Number((copySeconds / uploadSeconds).toFixed(2)),
    serverRssBeforeMB: Math.round(rssBefore),
    serverPeakRssMB: Math.round(peak),
  }),
);
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
await admin.end();
await rm(dir, { recursive: true, force: true });
