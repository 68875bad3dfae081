import { describe, expect, it } from '@jest/globals';
import { unsafeNameCharacter } from './single-line-text.js';

describe('single-line names', () => {
  it.each([
    ['Ada\r\nLovelace', 'U+000D'],
    ['Ada\tLovelace', 'U+0009'],
    ['Ada\u0000', 'U+0000'],
    ['Ada\u0085', 'U+0085'],
    ['Ada\u2028', 'U+2028'],
    ['admin\u202Egnp.exe', 'U+202E'],
    ['\u2066Ada\u2069', 'U+2066'],
    ['Ada\u200F', 'U+200F'],
    ['Ada\u061C', 'U+061C'],
    ['Ad\u200Ba', 'U+200B'],
    ['\uFEFFAda', 'U+FEFF'],
    ['\u3164', 'U+3164'],
  ])('refuses %j (%s)', (name, code) => {
    expect(unsafeNameCharacter(name)).toBe(code);
  });

  it.each([
    'Batbayar Dorj',
    '王小明',
    'Ким Чен Ир',
    '김민준',
    'O\'Brien; "Tiger", Jr. \\ =SUM(A1)',
    '👩‍🔬 family 👨‍👩‍👧',
    'ᠮᠣᠩᠭᠣᠯ\u180Eᠠ',
    'می\u200Cخواهم',
  ])('accepts %j', (name) => {
    expect(unsafeNameCharacter(name)).toBeNull();
  });
});
