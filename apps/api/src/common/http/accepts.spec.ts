import { describe, expect, it } from '@jest/globals';
import { preferredMediaType } from './accepts.js';

const OFFERED = ['application/json', 'text/html'];

describe('preferredMediaType', () => {
  it.each([
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'text/html'],
    ['application/json', 'application/json'],
    ['text/*', 'text/html'],
    ['text/html;q=0.5, application/json;q=0.9', 'application/json'],
    ['text/html, application/json', 'text/html'],
    ['image/png', undefined],
    ['text/html;q=0, */*', 'application/json'],
  ])('Accept %j prefers %j', (header, expected) => {
    expect(preferredMediaType(header, OFFERED)).toBe(expected);
  });

  it('takes HTML for a page only when the header accepts it', () => {
    expect(preferredMediaType('application/json', ['text/html'])).toBeUndefined();
    expect(preferredMediaType('*/*', ['text/html'])).toBe('text/html');
  });
});
