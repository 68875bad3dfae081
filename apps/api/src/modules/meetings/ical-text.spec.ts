import { describe, expect, it } from '@jest/globals';
import { icalParamText, icalRawText, icalText } from './ical-text.js';

describe('iCalendar text helpers', () => {
  it('keeps tabs and line breaks in TEXT and drops other control characters', () => {
    expect(icalText('a\tb\r\nc\u0007d\u001be\u0085f\u007f')).toBe('a\tb\r\ncdef');
  });

  it('escapes a raw TEXT value the way RFC 5545 says', () => {
    expect(icalRawText('Ops; A, B \\ C\r\nBEGIN:VEVENT\rX\nY')).toBe('Ops\\; A\\, B \\\\ C\\nBEGIN:VEVENT\\nX\\nY');
  });

  it('makes a parameter value that needs no escaping', () => {
    expect(icalParamText('Li "Tiger" Wei; O\'Brien, Jr. \\ ^n\r\nBEGIN:VEVENT 王小明 🌏')).toBe(
      "Li 'Tiger' Wei, O'Brien, Jr. / \u02c6n BEGIN:VEVENT 王小明 🌏",
    );
    expect(icalParamText('Plain Name')).toBe('Plain Name');
  });
});
