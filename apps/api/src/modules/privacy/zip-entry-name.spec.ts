import { describe, expect, it } from '@jest/globals';
import { safeEntryPath, safeEntrySegment } from './zip-entry-name.js';

describe('ZIP entry names', () => {
  it.each([
    ['../../etc/passwd', '_.._etc_passwd'],
    ['..', 'file'],
    ['.hidden', 'hidden'],
    ['C:\\Windows\\x.txt', 'C__Windows_x.txt'],
    ['report\u202Efdp.exe', 'reportfdp.exe'],
    ['line\nbreak\t.pdf', 'linebreak.pdf'],
    ['a/b', 'a_b'],
    ['', 'file'],
    ['計画 2030.pdf', '計画 2030.pdf'],
  ])('makes %j safe', (text, safe) => {
    expect(safeEntrySegment(text)).toBe(safe);
  });

  it('keeps a path inside the archive', () => {
    const path = safeEntryPath('documents', '../..', '/abs.pdf');
    expect(path).toBe('documents/_/_abs.pdf');
    expect(path.split('/')).not.toContain('..');
  });

  it('shortens long names', () => {
    expect([...safeEntrySegment('字'.repeat(300))]).toHaveLength(100);
  });
});
