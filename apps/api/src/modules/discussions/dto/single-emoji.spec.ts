import { describe, expect, it } from '@jest/globals';
import { isSingleEmoji, normalizeEmoji } from './single-emoji.js';

describe('single emoji', () => {
  it('accepts one emoji of any kind, sequences included', () => {
    for (const emoji of ['👍', '👍🏽', '❤️', '🇲🇳', '#️⃣', '👩‍👩‍👧‍👦', '🏳️‍🌈', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🫩', '©️', '🇦']) {
      expect([emoji, isSingleEmoji(emoji)]).toEqual([emoji, true]);
    }
  });

  it('refuses text, several emoji, digits and joiners alone', () => {
    for (const value of ['', 'ok', '👍👍', '👍 ', 'a👍', '1', '\u200d', '\ufe0f', '<script>', '🇲🇳🇯🇵']) {
      expect([value, isSingleEmoji(value)]).toEqual([value, false]);
    }
  });

  it('spells an emoji one way, keeping the selector where it matters', () => {
    expect(normalizeEmoji('👍\ufe0f')).toBe('👍');
    expect(normalizeEmoji('❤️')).toBe('❤️');
    expect(normalizeEmoji('🏳️‍🌈')).toBe('🏳️‍🌈');
    expect(normalizeEmoji(5)).toBe(5);
  });
});
