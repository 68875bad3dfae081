/**
 * Full-text search in every language of the network with PostgreSQL's `simple` configuration: the application
 * splits text into words (Node's `Intl.Segmenter`, whose ICU dictionaries segment Chinese and Japanese), folds
 * them (NFKC, Unicode lower case: the database's C locale would not lower-case Cyrillic) and hands PostgreSQL
 * words separated by spaces.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Han, kana and CJK punctuation: scripts written without spaces. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u30fc]/u;

/** Longest text indexed per document (characters): keeps every tsvector far below PostgreSQL's 1 MB limit. */
export const MAX_INDEXED_CHARS = 300_000;

export function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('und');
}

/** Longest piece handed to the segmenter at once: V8's segment iterator slows down with the square of its input. */
const PIECE_CHARS = 4096;

/** Where a piece may end: after a space or a CJK punctuation mark, so that no word is cut. */
const PIECE_BREAK = /[\s\u3000-\u303f\uff01-\uff0f]/;

function pieceEnd(text: string, start: number): number {
  const end = Math.min(start + PIECE_CHARS, text.length);
  if (end === text.length) return end;
  for (let i = end - 1; i > start; i -= 1) if (PIECE_BREAK.test(text[i]!)) return i + 1;
  // A run of 4096 characters with no break is cut where it stands, never inside a surrogate pair.
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/** The segments of a text, handed to the segmenter a piece at a time (linear in the text's length). */
export function* segmentsOf(text: string): Generator<Intl.SegmentData> {
  for (let start = 0; start < text.length;) {
    const end = pieceEnd(text, start);
    yield* segmenter.segment(text.slice(start, end));
    start = end;
  }
}

/** The words of a text, folded, in order (punctuation and spaces dropped). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const part of segmentsOf(fold(text))) {
    if (part.isWordLike) out.push(part.segment);
  }
  return out;
}

/** Space-separated folded words: the input of `to_tsvector('simple', ...)`. */
export function indexText(text: string): string {
  return words(text.slice(0, MAX_INDEXED_CHARS)).join(' ');
}

/**
 * The original text with a space at every word boundary that touches CJK, so `ts_headline` (which splits on
 * spaces and punctuation only) sees the same words as the index; `cleanSnippet` takes those spaces out again.
 */
export function headlineText(text: string): string {
  const out: string[] = [];
  let previous = ' ';
  for (const { segment } of segmentsOf(text.slice(0, MAX_INDEXED_CHARS).replace(/[\ue000\ue001]/g, ''))) {
    const last = previous.at(-1)!;
    if (out.length > 0 && !/\s/.test(last) && (CJK.test(last) || CJK.test(segment[0] ?? ''))) out.push(' ');
    out.push(segment);
    previous = segment;
  }
  return out.join('');
}

/** Marks `ts_headline` puts around matches (private-use characters, removed from every indexed text). */
export const MATCH_START = '\ue000';
export const MATCH_END = '\ue001';

/** Escapes HTML, turns the match marks into `<b>`, and removes the spaces `headlineText` put between CJK words. */
export function cleanSnippet(raw: string): string {
  const escaped = raw.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const cjkSpace = new RegExp(
    `(?<=${CJK.source}[${MATCH_START}${MATCH_END}]?) (?=[${MATCH_START}${MATCH_END}]?${CJK.source})`,
    'gu',
  );
  return escaped
    .replace(cjkSpace, '')
    .replaceAll(MATCH_START, '<b>')
    .replaceAll(MATCH_END, '</b>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a person typed, as groups of folded words: a quoted phrase, or what lies between spaces (at most 16). */
function queryGroups(input: string): string[][] {
  // A quoted phrase (its closing quote optional) or a run of other characters up to a space or a quote.
  return [...input.matchAll(/"([^"]*)"?|[^\s"]+/g)]
    .map((typed) => words(typed[1] ?? typed[0]))
    .filter((group) => group.length > 0)
    .slice(0, 16);
}

/** Letters and digits only: PostgreSQL's parser keeps such a word whole, as one lexeme equal to it. */
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * The words of a query that match as prefixes and are plain letters and digits, so that they can be replaced by
 * the exact words of the index they begin (`toTsQuery`'s `exact`).
 */
export function prefixWords(input: string): string[] {
  return [
    ...new Set(
      queryGroups(input)
        .flat()
        .filter((word) => !CJK.test(word) && PLAIN_WORD.test(word)),
    ),
  ];
}

/**
 * A `to_tsquery('simple', ...)` expression for what a person typed: every typed word must match; a word that
 * the segmenter splits (Chinese, Japanese) and words typed between double quotes must match as a phrase; words in
 * other scripts match as prefixes, the cheap stand-in for stemming (Korean particles, Russian and Mongolian case
 * endings, English plurals). `variants` adds Title and UPPER case forms (for `ts_headline` over original-case
 * text). `exact` gives, for some prefix words, every indexed word they begin: such a word becomes the choice of
 * those words, which matches the same texts and which the text index finds far faster than a prefix. Null when
 * nothing searchable remains.
 */
export function toTsQuery(
  input: string,
  variants = false,
  exact?: ReadonlyMap<string, readonly string[]>,
): string | null {
  const groups = queryGroups(input);
  if (groups.length === 0) return null;
  const quote = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const term = (word: string): string => {
    const known = exact?.get(word);
    // Only plain words, which the parser reads back unchanged (a host name or a hyphenated word it would split).
    if (known?.length && known.every((form) => PLAIN_WORD.test(form)))
      return known.length === 1 ? quote(known[0]!) : `(${known.map(quote).join(' | ')})`;
    const prefix = CJK.test(word) ? '' : ':*';
    const forms = variants
      ? [...new Set([word, word[0]!.toLocaleUpperCase() + word.slice(1), word.toLocaleUpperCase()])]
      : [word];
    const quoted = forms.map((form) => `${quote(form)}${prefix}`);
    return quoted.length === 1 ? quoted[0]! : `(${quoted.join(' | ')})`;
  };
  return groups
    .map((group) => (group.length === 1 ? term(group[0]!) : `(${group.map(term).join(' <-> ')})`))
    .join(' & ');
}
