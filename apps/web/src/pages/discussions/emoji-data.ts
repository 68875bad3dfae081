/** One emoji as the picker offers it: its name in the reader's language and the words that find it. */
export interface PickerEmoji {
  emoji: string;
  label: string;
  group: number;
  /** Lower-cased names and keywords, in the reader's language and in English. */
  words: string;
}

interface CompactRow {
  hexcode: string;
  unicode: string;
  label: string;
  tags?: string[];
  group?: number;
  order?: number;
}

/** Emojibase's groups the picker shows, in order (2, skin tone and hair components, is left out). */
export const EMOJI_GROUPS = [
  { id: 0, key: 'smileys-emotion' },
  { id: 1, key: 'people-body' },
  { id: 3, key: 'animals-nature' },
  { id: 4, key: 'food-drink' },
  { id: 5, key: 'travel-places' },
  { id: 6, key: 'activities' },
  { id: 7, key: 'objects' },
  { id: 8, key: 'symbols' },
  { id: 9, key: 'flags' },
] as const;

type Loader = () => Promise<{ default: unknown }>;

// Each language's names are their own chunk, fetched the first time a picker opens. Emojibase has no Mongolian:
// Mongolian readers see and search the English names.
const SETS: Record<string, Loader> = {
  en: () => import('emojibase-data/en/compact.json'),
  zh: () => import('emojibase-data/zh/compact.json'),
  ja: () => import('emojibase-data/ja/compact.json'),
  ko: () => import('emojibase-data/ko/compact.json'),
  ru: () => import('emojibase-data/ru/compact.json'),
};

const loaded = new Map<string, Promise<PickerEmoji[]>>();

const rows = async (load: Loader) => (await load()).default as CompactRow[];

async function build(language: string): Promise<PickerEmoji[]> {
  const own = await rows(SETS[language]!);
  const english = language === 'en' ? own : await rows(SETS.en!);
  const englishWords = new Map(english.map((row) => [row.hexcode, [row.label, ...(row.tags ?? [])]]));
  return own
    .filter((row) => row.group !== undefined && row.group !== 2)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((row) => ({
      emoji: row.unicode,
      label: row.label,
      group: row.group!,
      words: [row.label, ...(row.tags ?? []), ...(englishWords.get(row.hexcode) ?? [])].join(' ').toLowerCase(),
    }));
}

/** Every emoji with names in `language` (English for a language Emojibase lacks), loaded once per language. */
export function loadEmoji(language: string): Promise<PickerEmoji[]> {
  const key = language in SETS ? language : 'en';
  let promise = loaded.get(key);
  if (!promise) {
    promise = build(key);
    promise.catch(() => loaded.delete(key));
    loaded.set(key, promise);
  }
  return promise;
}

/** The emoji whose names or keywords hold every word of the query (any script; case does not matter). */
export function searchEmoji(all: PickerEmoji[], query: string): PickerEmoji[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  return all.filter((item) => terms.every((term) => item.words.includes(term)));
}
