import { describe, expect, it } from '@jest/globals';
import { firstBlockedFolder, type OsUser } from './embedded-postgres-placement.js';

const postgres: OsUser = { uid: 101, gid: 104 };

/** A fake file system: folder → owner, group and mode; every other folder is root's, 0755. */
const folders =
  (table: Record<string, [uid: number, gid: number, mode: number]>) =>
  (folder: string): { uid: number; gid: number; mode: number } => {
    const [uid, gid, mode] = table[folder] ?? [0, 0, 0o755];
    return { uid, gid, mode: 0o040000 | mode };
  };

describe('firstBlockedFolder', () => {
  it('passes a path whose every folder others may enter', () => {
    expect(firstBlockedFolder('/srv/lcc/node_modules', postgres, folders({}))).toBeNull();
  });

  it("names the first private folder on the way, as root's home is", () => {
    const stat = folders({ '/root': [0, 0, 0o700], '/root/lcc/data': [0, 0, 0o700] });
    expect(firstBlockedFolder('/root/lcc/data/postgres', postgres, stat)).toBe('/root');
  });

  it('uses the owner bits alone for the owner, then the group bits for the group, as the kernel does', () => {
    // Others may enter, but the owner may not: the owner is refused.
    expect(firstBlockedFolder('/srv/x', postgres, folders({ '/srv/x': [101, 0, 0o011] }))).toBe('/srv/x');
    expect(firstBlockedFolder('/srv/x', postgres, folders({ '/srv/x': [0, 104, 0o710] }))).toBeNull();
    expect(firstBlockedFolder('/srv/x', postgres, folders({ '/srv/x': [0, 104, 0o701] }))).toBe('/srv/x');
    expect(firstBlockedFolder('/srv/x', postgres, folders({ '/srv/x': [0, 0, 0o711] }))).toBeNull();
  });

  it('checks the root folder and the target itself', () => {
    expect(firstBlockedFolder('/srv', postgres, folders({ '/': [0, 0, 0o700] }))).toBe('/');
    expect(firstBlockedFolder('/srv/data', postgres, folders({ '/srv/data': [0, 0, 0o700] }))).toBe('/srv/data');
  });
});
