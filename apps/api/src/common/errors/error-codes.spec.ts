import { describe, expect, it } from '@jest/globals';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ERROR_CODES, PASSWORD_TOO_WEAK, RealtimeErrorCode } from '@lcc/contracts';
import { CODE_BY_STATUS } from '../filters/all-exceptions.filter.js';
import { answeredErrorCodes } from './app.exception.js';

const listed = new Set<string>(ERROR_CODES);

const SOURCES = path.resolve('apps/api/src');

function exceptionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return exceptionFiles(full);
    // app.exception.ts builds the tables; every other *.exception.ts declares one.
    return name.endsWith('.exception.ts') && name !== 'app.exception.ts' ? [full] : [];
  });
}

describe('error codes', () => {
  it('every code a feature answers is in the contract list', async () => {
    const files = exceptionFiles(SOURCES);
    for (const file of files) await import(pathToFileURL(file).href);
    // One table per exception file (common.exception.ts included), so none goes unchecked.
    expect(answeredErrorCodes.size).toBe(files.length);
    const unlisted = [...answeredErrorCodes].flatMap(([name, codes]) =>
      codes.filter((code) => !listed.has(code)).map((code) => `${name}: ${code}`),
    );
    expect(unlisted).toEqual([]);
  });

  it('framework refusals, socket refusals and field reasons are listed too', () => {
    const other: string[] = [...Object.values(CODE_BY_STATUS), ...Object.values(RealtimeErrorCode), PASSWORD_TOO_WEAK];
    expect(other.filter((code) => !listed.has(code))).toEqual([]);
  });

  it('codes are stable UPPER_SNAKE strings', () => {
    expect(ERROR_CODES.filter((code) => !/^[A-Z][A-Z0-9_]*$/.test(code))).toEqual([]);
  });
});
