// Measures acknowledged message throughput and send→ack latency for concurrent senders in one room.
// A first, narrow benchmark ahead of the full `npm run bench` harness: starts the built server on a fresh database
// of DATABASE_URL, drives it from this process, prints one JSON line.
// Usage: npm run build && DATABASE_URL=postgres://... node bench/send-ack.mjs [senders=50] [messagesPerSender=100]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { io } from 'socket.io-client';

const senders = Number(process.argv[2] ?? 50);
const perSender = Number(process.argv[3] ?? 100);
// `nojoin`: senders do not join the room's channel, so no message is fanned out to them (isolates the write path).
const join = process.argv[4] !== 'nojoin';
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error('set DATABASE_URL to a PostgreSQL server the benchmark may create a database on');

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
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: 'bench@lcc.example',
    ADMIN_PASSWORD: 'bench-Password-1234',
    RATE_LIMIT_SOCKET_PER_SECOND: '100000',
    RATE_LIMIT_SOCKET_BURST: '100000',
    RATE_LIMIT_DEFAULT: '1000000',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => server.stdout.on('data', (d) => String(d).includes('ready') && resolve()));
const base = `http://127.0.0.1:${port}`;
const post = async (path, body, token) => {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return res.json();
};
const { accessToken } = await post('/api/auth/login', { email: 'bench@lcc.example', password: 'bench-Password-1234' });
const group = await post('/api/working-groups', { name: 'Bench', thematicArea: 'other' }, accessToken);

const connect = () =>
  new Promise((resolve, reject) => {
    const s = io(base, {
      transports: ['websocket'],
      auth: { token: accessToken },
      forceNew: true,
      reconnection: false,
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
const sockets = await Promise.all(Array.from({ length: senders }, connect));
if (join) await Promise.all(sockets.map((s) => s.emitWithAck('room.join', { roomId: group.roomId })));

const latencies = [];
const started = performance.now();
await Promise.all(
  sockets.map(async (s, i) => {
    for (let n = 0; n < perSender; n += 1) {
      const t0 = performance.now();
      const ack = await s.emitWithAck('message.send', {
        roomId: group.roomId,
        clientId: randomUUID(),
        body: `s${i} m${n}`,
      });
      latencies.push(performance.now() - t0);
      if (!ack.ok) throw new Error(JSON.stringify(ack));
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
console.log(
  JSON.stringify({
    senders,
    fanOutTo: join ? senders : 0,
    messages: latencies.length,
    seconds: Number(seconds.toFixed(2)),
    ackedPerSecond: Math.round(latencies.length / seconds),
    p50ms: Number(pct(50)),
    p99ms: Number(pct(99)),
  }),
);
for (const s of sockets) s.close();
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
await admin.end();
