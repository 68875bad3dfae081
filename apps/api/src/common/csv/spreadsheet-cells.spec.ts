import { describe, expect, it } from '@jest/globals';
import { neutraliseFormula, restoreFormula } from './spreadsheet-cells.js';

describe('spreadsheet formula cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ["'=1", "''=1"],
    ["''@x", "'''@x"],
  ])('neutralises %j', (text, cell) => {
    expect(neutraliseFormula(text)).toBe(cell);
    expect(restoreFormula(cell)).toBe(text);
  });

  it.each(['Statistics office', "'quoted remark", "'", '', 'a=b', ' =1', '王小明', '12.5'])(
    'leaves %j alone both ways',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
      expect(restoreFormula(text)).toBe(text);
    },
  );
});
