import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Env } from '../apps/api/src/config/env.validation.js';

/**
 * No Docker engine runs here (nor in CI), so the scale-out topology is checked by reading it: docker-compose.yml,
 * deploy/nginx.conf, the Dockerfile and .env.example must agree with each other and with the app's Env class.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

// ---------- the app's configuration: property names and defaults of the Env class ----------

const envSource = read('apps/api/src/config/env.validation.ts');
const envClassBody = /export class Env \{\n([\s\S]*?)\n\}/.exec(envSource)?.[1] ?? '';
const ENV_NAMES = [...envClassBody.matchAll(/^ {2}([A-Z][A-Z0-9_]*)\s*(?:\?:|:|=)/gm)].map((match) => match[1]);
const envDefault = (name: string): string | undefined =>
  new RegExp(`^ {2}${name}(?::[^=\\n]*)?\\s*=\\s*([^;\\n]+);`, 'm').exec(envClassBody)?.[1]?.trim();

/** Variables that wire the replicas to the shared services; a replica without one would silently run alone. */
const WIRING = [
  'DATABASE_URL',
  'REDIS_URL',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_BUCKET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'JWT_SECRET',
  'PUBLIC_URL',
];
const SECRETS = ['JWT_SECRET', 'ADMIN_PASSWORD', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];
const SERVICES = ['postgres', 'redis', 'minio', 'minio-init', 'api-1', 'api-2', 'proxy'];
const REPLICAS = ['api-1', 'api-2'];

// ---------- docker-compose.yml ----------

type Service = Record<string, unknown>;
const compose = parse(read('docker-compose.yml')) as { services?: Record<string, Service>; volumes?: object };
const services = compose.services ?? {};
const service = (name: string): Service => services[name] ?? {};

/** `environment` as a map, whichever of the two compose syntaxes (map or `KEY=value` list) is used. */
function environmentOf(name: string): Record<string, string> {
  const raw = service(name).environment;
  if (Array.isArray(raw)) {
    return Object.fromEntries(
      raw.map((entry: string) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v ?? '')]),
  );
}

/** `depends_on` as `{ service: condition }` (the short list syntax has no condition). */
function dependsOn(name: string): Record<string, string | undefined> {
  const raw = service(name).depends_on;
  if (Array.isArray(raw)) return Object.fromEntries(raw.map((dep: string) => [dep, undefined]));
  return Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, { condition?: string }>).map(([dep, spec]) => [dep, spec?.condition]),
  );
}

/** Bind mounts as `{ source, target, readOnly }`, whichever of the short or long syntax is used. */
function mountsOf(name: string): { source: string; target: string; readOnly: boolean }[] {
  const raw = (service(name).volumes ?? []) as (string | { source?: string; target?: string; read_only?: boolean })[];
  return raw.map((volume) => {
    if (typeof volume === 'string') {
      const [source = '', target = '', mode = ''] = volume.split(':');
      return { source, target, readOnly: mode.split(',').includes('ro') };
    }
    return { source: volume.source ?? '', target: volume.target ?? '', readOnly: volume.read_only === true };
  });
}

/** A healthcheck's command as one string. */
function healthcheckOf(name: string): string {
  const test = (service(name).healthcheck as { test?: string | string[] } | undefined)?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

/** Parses a URL whose parts may be `${VAR:?message}` interpolations (replaced by a placeholder first). */
function urlOf(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    return new URL(value.replace(/\$\{[^}]*\}/g, 'interpolated'));
  } catch {
    return null;
  }
}

/** A value compose must be given from outside: `${VAR:?message}` (compose refuses to start without it). */
const REQUIRED_INTERPOLATION = /^\$\{[A-Z][A-Z0-9_]*:\?[^}]*\}$/;

// ---------- deploy/nginx.conf ----------

const nginxPath = path.join(root, 'deploy/nginx.conf');
const nginx = existsSync(nginxPath) ? readFileSync(nginxPath, 'utf8').replace(/#[^\n]*/g, '') : '';

const upstreams = new Map(
  [...nginx.matchAll(/\bupstream\s+([\w.-]+)\s*\{([^}]*)\}/g)].map((match) => [
    match[1],
    [...match[2].matchAll(/^\s*server\s+([^\s;]+)/gm)].map((server) => server[1]),
  ]),
);

interface Location {
  modifier: string;
  path: string;
  body: string;
}
const locations: Location[] = [...nginx.matchAll(/\blocation\s+(?:(=|\^~|~\*|~)\s+)?(\S+)\s*\{([^}]*)\}/g)].map(
  (match) => ({ modifier: match[1] ?? '', path: match[2], body: match[3] }),
);
/** The server block's own directives (location bodies removed): what a location inherits. */
const serverLevel = nginx.replace(/\blocation\s+[^{]*\{[^}]*\}/g, '');

/** Which location nginx picks for a URI: exact, then the longest prefix (`^~` stops), then regexes in order. */
function locationFor(uri: string): Location | undefined {
  const exact = locations.find((l) => l.modifier === '=' && l.path === uri);
  if (exact) return exact;
  const prefix = locations
    .filter((l) => (l.modifier === '' || l.modifier === '^~') && uri.startsWith(l.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (prefix?.modifier === '^~') return prefix;
  const regex = locations.find(
    (l) => (l.modifier === '~' || l.modifier === '~*') && new RegExp(l.path, l.modifier === '~*' ? 'i' : '').test(uri),
  );
  return regex ?? prefix;
}

const directive = (text: string, name: string): string[] =>
  [...text.matchAll(new RegExp(`^\\s*${name}\\s+([^;]+);`, 'gm'))].map((match) => match[1].trim());

/** proxy_set_header of a location: its own, or (only when it sets none) the server's, as nginx inherits them. */
function headersOf(location: Location): Map<string, string> {
  const own = directive(location.body, 'proxy_set_header');
  const effective = own.length > 0 ? own : directive(serverLevel, 'proxy_set_header');
  return new Map(
    effective.map((line) => {
      const [name, ...value] = line.split(/\s+/);
      return [name.toLowerCase(), value.join(' ')];
    }),
  );
}

/** Upstream servers a location proxies to (empty when it does not proxy). */
function backendsOf(location: Location | undefined): string[] {
  const target = location ? directive(location.body, 'proxy_pass')[0] : undefined;
  if (!target) return [];
  const host = /^https?:\/\/([^/:;]+)/.exec(target)?.[1] ?? '';
  return upstreams.get(host) ?? [host];
}

/** `map $source $target { ... }` blocks, by target variable. */
const maps = new Map(
  [...nginx.matchAll(/\bmap\s+(\$\w+)\s+(\$\w+)\s*\{([^}]*)\}/g)].map((match) => [
    match[2],
    { source: match[1], body: match[3] },
  ]),
);

const toBytes = (size: string): number => {
  const match = /^(\d+)([kKmMgG]?)$/.exec(size.trim());
  if (!match) return Number.NaN;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2].toLowerCase()] ?? Number.NaN;
  return Number(match[1]) * unit;
};

// ---------- Dockerfile ----------

const dockerfilePath = path.join(root, 'Dockerfile');
const dockerfile = existsSync(dockerfilePath) ? readFileSync(dockerfilePath, 'utf8').replace(/\\\n/g, ' ') : '';
const stages = dockerfile.split(/^FROM\s+/im).slice(1);

describe('the app configuration read by these checks', () => {
  it('finds the Env class properties, agreeing with an Env instance', () => {
    expect(ENV_NAMES.length).toBeGreaterThan(20);
    expect(new Set(ENV_NAMES).size).toBe(ENV_NAMES.length);
    // Properties with a default exist on an instance: the regex must have found every one of them.
    for (const name of Object.keys(new Env())) expect(ENV_NAMES).toContain(name);
    for (const name of [...WIRING, 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'TRUST_PROXY_HOPS', 'NODE_ENV', 'PORT']) {
      expect(ENV_NAMES).toContain(name);
    }
  });
});

describe('docker-compose.yml', () => {
  it('defines every service of the scale-out topology', () => {
    expect(Object.keys(services).sort()).toEqual(expect.arrayContaining(SERVICES));
    for (const name of SERVICES) expect(services[name]).toEqual(expect.any(Object));
  });

  it('runs PostgreSQL 15 on a named volume, checked with pg_isready', () => {
    expect(service('postgres').image).toBe('postgres:15');
    expect(healthcheckOf('postgres')).toMatch(/\bpg_isready\b/);
    const data = mountsOf('postgres').find((m) => m.target === '/var/lib/postgresql/data');
    expect(data).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(data?.source);
  });

  it('runs Redis 7 and MinIO with healthchecks, and a one-shot minio/mc service that creates the bucket', () => {
    expect(service('redis').image).toMatch(/^redis:7(\b|$)/);
    expect(healthcheckOf('redis')).toMatch(/redis-cli.*ping/);
    expect(String(service('minio').image)).toMatch(/minio\/minio/);
    expect(healthcheckOf('minio')).not.toBe('');

    const init = service('minio-init');
    expect(String(init.image)).toMatch(/minio\/mc/);
    expect(dependsOn('minio-init')).toEqual({ minio: 'service_healthy' });
    const script = [init.entrypoint, init.command].flat().filter(Boolean).join(' ');
    expect(script).toMatch(/mc (alias set|config host add) \S+ http:\/\/minio:9000/);
    expect(script).toMatch(/mc mb\b/);
    // The bucket it creates is the one the replicas use.
    expect(environmentOf('minio-init').S3_BUCKET).toBe(environmentOf('api-1').S3_BUCKET);
    expect(script).toContain('S3_BUCKET');
  });

  it('builds both API replicas from the root Dockerfile', () => {
    for (const name of REPLICAS) {
      const build = service(name).build as string | { context?: string; dockerfile?: string } | undefined;
      const context = typeof build === 'string' ? build : build?.context;
      const file = typeof build === 'object' ? (build.dockerfile ?? 'Dockerfile') : 'Dockerfile';
      expect(path.resolve(root, context ?? '<none>', file)).toBe(dockerfilePath);
    }
  });

  it('gives api-1 and api-2 the same environment', () => {
    const first = environmentOf('api-1');
    const second = environmentOf('api-2');
    expect(Object.keys(first).length).toBeGreaterThan(0);
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    expect(second).toEqual(first);
  });

  it('sets only variables the app reads, and every wiring variable', () => {
    for (const name of REPLICAS) {
      const env = environmentOf(name);
      const unknown = Object.keys(env).filter((key) => !ENV_NAMES.includes(key));
      expect(unknown).toEqual([]);
      for (const key of [...WIRING, 'CORS_ORIGINS', 'ADMIN_EMAIL', 'ADMIN_PASSWORD']) {
        expect([key, env[key]?.trim() ? 'set' : 'missing']).toEqual([key, 'set']);
      }
      expect(env.NODE_ENV).toBe('production');
      expect(env.PORT).toBe('3000');
      expect(env.TRUST_PROXY_HOPS).toBe('1'); // nginx is the one proxy in front
      expect(env.S3_FORCE_PATH_STYLE).toBe('true');
    }
  });

  it('takes every secret from the environment, never from the file', () => {
    const env = environmentOf('api-1');
    for (const key of SECRETS) expect([key, env[key]]).toEqual([key, expect.stringMatching(REQUIRED_INTERPOLATION)]);
    expect(decodeURIComponent(urlOf(env.DATABASE_URL)?.password ?? '')).toBe('interpolated');
    expect(env.DATABASE_URL).toMatch(/:\$\{[A-Z][A-Z0-9_]*:\?[^}]*\}@/);
    // Any service: a variable named like a secret is an interpolation.
    for (const name of Object.keys(services)) {
      for (const [key, value] of Object.entries(environmentOf(name))) {
        if (/PASSWORD|SECRET|ACCESS_KEY|ROOT_USER/.test(key)) {
          expect([name, key, value]).toEqual([name, key, expect.stringMatching(REQUIRED_INTERPOLATION)]);
        }
      }
    }
  });

  it('points DATABASE_URL at the postgres service, with its user, database and password', () => {
    const url = urlOf(environmentOf('api-1').DATABASE_URL);
    expect(url?.protocol).toMatch(/^postgres(ql)?:$/);
    expect(url?.hostname).toBe('postgres');
    expect(url?.port || '5432').toBe('5432');
    const postgres = environmentOf('postgres');
    expect(url?.username).toBe(postgres.POSTGRES_USER ?? 'postgres');
    expect(url?.pathname).toBe(`/${postgres.POSTGRES_DB ?? postgres.POSTGRES_USER ?? 'postgres'}`);
    const passwordVar = /\$\{([A-Z][A-Z0-9_]*)/.exec(environmentOf('api-1').DATABASE_URL.split('@')[0])?.[1];
    expect(postgres.POSTGRES_PASSWORD).toMatch(new RegExp(`^\\$\\{${passwordVar}[:}]`));
  });

  it('points REDIS_URL at the redis service', () => {
    const url = urlOf(environmentOf('api-1').REDIS_URL);
    expect(url?.protocol).toMatch(/^rediss?:$/);
    expect(url?.hostname).toBe('redis');
    expect(url?.port || '6379').toBe('6379');
  });

  it('points S3_ENDPOINT at the minio service, with MinIO’s own credentials', () => {
    const env = environmentOf('api-1');
    const url = urlOf(env.S3_ENDPOINT);
    expect(url?.hostname).toBe('minio');
    expect(url?.port).toBe('9000');
    const minio = environmentOf('minio');
    expect(minio.MINIO_ROOT_USER).toBe(env.S3_ACCESS_KEY_ID);
    expect(minio.MINIO_ROOT_PASSWORD).toBe(env.S3_SECRET_ACCESS_KEY);
  });

  it('starts the replicas only once postgres, redis and minio are healthy', () => {
    for (const name of REPLICAS) {
      const deps = dependsOn(name);
      for (const dep of ['postgres', 'redis', 'minio']) expect([dep, deps[dep]]).toEqual([dep, 'service_healthy']);
    }
  });

  it('checks each replica’s liveness route and publishes no replica port (so /metrics stays internal)', () => {
    for (const name of REPLICAS) {
      expect(healthcheckOf(name)).toContain(`http://localhost:${environmentOf(name).PORT}/api/health/live`);
      expect(service(name).ports).toBeUndefined();
    }
  });

  it('runs nginx 1.27 as the proxy, with deploy/nginx.conf mounted read-only, after both replicas', () => {
    const proxy = service('proxy');
    expect(proxy.image).toBe('nginx:1.27');
    const conf = mountsOf('proxy').find((m) => path.resolve(root, m.source) === nginxPath);
    expect(conf).toBeDefined();
    expect(conf?.readOnly).toBe(true);
    expect(conf?.target).toMatch(/^\/etc\/nginx\/(nginx\.conf|conf\.d\/[\w.-]+\.conf)$/);
    expect(Object.keys(dependsOn('proxy')).sort()).toEqual(expect.arrayContaining(REPLICAS));
    // The published container port is the one nginx listens on.
    const listen = directive(nginx, 'listen').map((value) => /(\d+)/.exec(value)?.[1]);
    const published = ((proxy.ports ?? []) as (string | { target?: number })[]).map((port) =>
      typeof port === 'string' ? port.split(':').pop()?.split('/')[0] : String(port.target),
    );
    expect(published.length).toBeGreaterThan(0);
    for (const port of published) expect(listen).toContain(port);
  });
});

describe('deploy/nginx.conf', () => {
  it('load-balances an upstream listing both replicas', () => {
    const both = [...upstreams.values()].filter((servers) =>
      REPLICAS.every((replica) => servers.some((server) => server.split(':')[0] === replica)),
    );
    expect(both.length).toBeGreaterThan(0);
    for (const servers of both) for (const server of servers) expect(server).toMatch(/^api-[12]:3000$/);
  });

  it('proxies /api to both replicas', () => {
    const api = locationFor('/api/health/live');
    expect(backendsOf(api).sort()).toEqual(['api-1:3000', 'api-2:3000']);
  });

  it('passes X-Forwarded-For and X-Request-Id from every proxied location', () => {
    const proxied = locations.filter((l) => directive(l.body, 'proxy_pass').length > 0);
    expect(proxied.length).toBeGreaterThan(0);
    for (const location of proxied) {
      const headers = headersOf(location);
      expect([location.path, headers.get('x-forwarded-for')]).toEqual([location.path, '$proxy_add_x_forwarded_for']);
      const requestId = headers.get('x-request-id') ?? '';
      const source = requestId === '$http_x_request_id' ? requestId : maps.get(requestId)?.source;
      expect([location.path, source]).toEqual([location.path, '$http_x_request_id']);
    }
  });

  it('upgrades /socket.io/ to WebSocket on HTTP/1.1, against both replicas', () => {
    const socket = locationFor('/socket.io/');
    expect(socket?.path).toMatch(/^\/socket\.io\/?$/);
    expect(backendsOf(socket).sort()).toEqual(['api-1:3000', 'api-2:3000']);
    const version =
      directive(socket?.body ?? '', 'proxy_http_version')[0] ?? directive(serverLevel, 'proxy_http_version')[0];
    expect(version).toBe('1.1');
    const headers = headersOf(socket ?? { modifier: '', path: '', body: '' });
    expect(headers.get('upgrade')).toBe('$http_upgrade');
    const connection = headers.get('connection') ?? '';
    if (connection.startsWith('$')) {
      expect(maps.get(connection)?.source).toBe('$http_upgrade');
      expect(maps.get(connection)?.body).toMatch(/\bdefault\s+upgrade\s*;/);
    } else {
      expect(connection.replace(/"/g, '').toLowerCase()).toBe('upgrade');
    }
  });

  it('does not route /metrics to the replicas', () => {
    for (const uri of ['/metrics', '/metrics/', '/metrics?name[]=x']) {
      const chosen = locationFor(uri.split('?')[0]);
      expect([uri, backendsOf(chosen)]).toEqual([uri, []]);
      expect(chosen?.body ?? '').toMatch(/\b(return\s+(403|404)|deny\s+all)\s*;/);
    }
  });

  it('accepts uploads as large as UPLOAD_MAX_BYTES', () => {
    const uploadMax = Number((envDefault('UPLOAD_MAX_BYTES') ?? '').replace(/_/g, ''));
    expect(uploadMax).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    const sizes = directive(nginx, 'client_max_body_size');
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size === '0' ? Infinity : toBytes(size)).toBeGreaterThanOrEqual(uploadMax);
  });
});

describe('Dockerfile', () => {
  it('builds in one node:20-bookworm-slim stage and runs production dependencies in another', () => {
    expect(existsSync(dockerfilePath)).toBe(true);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage).toMatch(/^node:20-bookworm-slim\b/);
    const build = stages.slice(0, -1).join('\n');
    const runtime = stages[stages.length - 1];
    expect(build).toMatch(/^RUN\s+npm ci\b/m);
    expect(build).toMatch(/^RUN\s+npm run build\b/m);
    expect(runtime).toMatch(/^RUN\s+npm ci\b[^\n]*--omit=dev/m);
    expect(runtime).toMatch(/^COPY\s+--from=\S+\s+\S*dist\S*\s+/m);
    expect(runtime).toMatch(/^USER\s+node\s*$/m);
  });

  it('starts the compiled entry point that nest build writes', () => {
    const cmd = [...dockerfile.matchAll(/^CMD\s+(.+)$/gm)].pop()?.[1] ?? 'null';
    expect(JSON.parse(cmd)).toEqual(['node', 'dist/apps/api/src/main.js']);
    const nestCli = JSON.parse(read('nest-cli.json')) as { projects: { api: { entryFile: string } } };
    expect(`dist/${nestCli.projects.api.entryFile}.js`).toBe('dist/apps/api/src/main.js');
  });

  it('gives node the same options in the image, in `npm run start:prod` and in the bench', () => {
    const options = /^ENV\s+NODE_OPTIONS=(\S+)$/m.exec(dockerfile)?.[1];
    expect(options).toMatch(/^--max-semi-space-size=\d+$/);
    expect(JSON.parse(read('package.json')).scripts['start:prod']).toBe(`node ${options} dist/apps/api/src/main.js`);
    expect(read('bench/lib/processes.ts')).toContain(`PORTAL_NODE_OPTIONS = ['${options}']`);
  });
});

describe('.env.example', () => {
  it('lists every variable of the Env class', () => {
    const example = read('.env.example');
    const listed = new Set([...example.matchAll(/^(?:#\s*)?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));
    const missing = ENV_NAMES.filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
  });

  it('leaves every secret empty', () => {
    const example = read('.env.example');
    for (const key of [...SECRETS, 'DATABASE_URL', 'SMTP_URL', 'POSTGRES_PASSWORD']) {
      const values = [...example.matchAll(new RegExp(`^(?:#\\s*)?${key}=(.*)$`, 'gm'))].map((match) => match[1]);
      expect([key, values.filter((value) => value.trim() !== '')]).toEqual([key, []]);
    }
  });
});
