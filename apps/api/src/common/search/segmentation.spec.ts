import { describe, expect, it } from '@jest/globals';
import { cleanSnippet, headlineText, indexText, prefixWords, segmentsOf, toTsQuery, words } from './segmentation.js';

describe('document search segmentation', () => {
  it('splits Chinese and Japanese into words and folds Cyrillic, Hangul and Latin', () => {
    expect(words('北京市低碳城市发展战略')).toEqual(['北京市', '低', '碳', '城市', '发展', '战略']);
    expect(words('東京都の脱炭素戦略')).toContain('戦略');
    expect(indexText('Стратегия ГОРОДА, Low-Carbon!')).toBe('стратегия города low carbon');
    expect(words('서울시 저탄소 도시')).toEqual(['서울시', '저탄소', '도시']);
  });

  it('builds phrase queries for CJK and prefix queries elsewhere, quoting what PostgreSQL would parse', () => {
    expect(toTsQuery('低碳')).toBe("('低' <-> '碳')");
    expect(toTsQuery('战略 city')).toBe("'战略' & 'city':*");
    expect(toTsQuery("o'neil")).toBe("'o''neil':*");
    expect(toTsQuery('  !!! ')).toBeNull();
    expect(toTsQuery('"low carbon" city')).toBe("('low':* <-> 'carbon':*) & 'city':*");
    expect(toTsQuery('"Низкоуглеродный город')).toBe("('низкоуглеродный':* <-> 'город':*)");
    expect(toTsQuery('""')).toBeNull();
    expect(toTsQuery('Город', true)).toBe("('город':* | 'Город':* | 'ГОРОД':*)");
  });

  it('replaces a prefix by the exact words it begins, when they are plain words the parser keeps whole', () => {
    expect(prefixWords('"Low carbon" 低碳 co2 retro.example.org o\'neil')).toEqual(['low', 'carbon', 'co2']);
    const exact = new Map([
      ['carbon', ['carbon', 'carbonate']],
      ['bus', ['bus']],
      ['retro', ['retro.example.org', 'retrofit']],
    ]);
    expect(toTsQuery('"low carbon" bus 低碳', false, exact)).toBe(
      "('low':* <-> ('carbon' | 'carbonate')) & 'bus' & ('低' <-> '碳')",
    );
    // A host name among the words: the prefix stays, since the parser would split that word again.
    expect(toTsQuery('retro', false, exact)).toBe("'retro':*");
    expect(toTsQuery('bus', false, new Map([['bus', []]]))).toBe("'bus':*");
  });

  it('spaces CJK words for ts_headline and takes the spaces out of the snippet, escaping HTML', () => {
    expect(headlineText('低碳城市发展战略。Low carbon')).toBe('低 碳 城市 发展 战略 。 Low carbon');
    expect(cleanSnippet('低 碳 城市 \ue000发展\ue001 战略 <script>')).toBe('低碳城市<b>发展</b>战略 &#60;script&#62;');
  });

  it('segments a long text a piece at a time without cutting a word or a surrogate pair', () => {
    const sentence = '北京市低碳城市发展战略。Low-carbon cities of North-East Asia, 2030 ';
    const long = sentence.repeat(2000);
    expect(words(long)).toEqual(Array.from({ length: 2000 }, () => words(sentence)).flat());
    const headline = headlineText(long);
    expect(headline.length).toBe(headlineText(sentence).length * 2000);
    expect(headline === headlineText(sentence).repeat(2000)).toBe(true);

    const run = '𠀀'.repeat(5000);
    const pieces = [...segmentsOf(run)].map((part) => part.segment);
    expect(pieces.join('')).toBe(run);
    expect(pieces.every((piece) => !/[\uD800-\uDBFF]$/.test(piece) && !/^[\uDC00-\uDFFF]/.test(piece))).toBe(true);
  });
});
