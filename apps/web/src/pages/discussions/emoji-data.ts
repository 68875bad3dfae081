/** One emoji as the picker offers it: its name in the reader's language and the words that find it. */
export interface PickerEmoji {
  emoji: string;
  label: string;
  group: number;
  /** Lower-cased names and keywords, in the reader's language and in English. */
  words: string;
  /** The emoji in skin tones 1–5 (light to dark), for an emoji that has them: each person of it in that tone. */
  skins?: Partial<Record<SkinTone, { emoji: string; label: string }>>;
}

/** 0 is the default (yellow) emoji; 1–5 are Unicode's skin tone modifiers U+1F3FB–U+1F3FF, light to dark. */
export type SkinTone = 0 | 1 | 2 | 3 | 4 | 5;
export const SKIN_TONES: SkinTone[] = [0, 1, 2, 3, 4, 5];
const TONE_MODIFIERS = ['1F3FB', '1F3FC', '1F3FD', '1F3FE', '1F3FF'];

interface CompactRow {
  hexcode: string;
  unicode: string;
  label: string;
  tags?: string[];
  group?: number;
  order?: number;
  skins?: CompactRow[];
}

/**
 * The variants of an emoji in one tone each. Emojibase's compact data lists mixed tones too (🫱🏻‍🫲🏼): a variant
 * is taken when every modifier in it is the same tone.
 */
function skinsOf(row: CompactRow): PickerEmoji['skins'] {
  if (!row.skins) return undefined;
  const skins: NonNullable<PickerEmoji['skins']> = {};
  for (const skin of row.skins) {
    const tones = new Set(skin.hexcode.split('-').filter((code) => TONE_MODIFIERS.includes(code)));
    if (tones.size !== 1) continue;
    const tone = (TONE_MODIFIERS.indexOf([...tones][0]!) + 1) as SkinTone;
    skins[tone] ??= { emoji: skin.unicode, label: skin.label };
  }
  return Object.keys(skins).length > 0 ? skins : undefined;
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
      skins: skinsOf(row),
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

const TONE_KEY = 'lcc.emoji.tone';
const RECENT_KEY = 'lcc.emoji.recent';
/** Recently used emoji kept: two rows of the picker. */
export const RECENT_MAX = 16;

/** The reader's skin tone, kept in this browser. */
export function savedTone(): SkinTone {
  const tone = Number(readStorage(TONE_KEY));
  return (SKIN_TONES as number[]).includes(tone) ? (tone as SkinTone) : 0;
}

export function saveTone(tone: SkinTone): void {
  writeStorage(TONE_KEY, String(tone));
}

/** The emoji this browser picked last, newest first (as picked: in their tone). */
export function recentEmoji(): string[] {
  try {
    const list = JSON.parse(readStorage(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(list)
      ? list.filter((item): item is string => typeof item === 'string').slice(0, RECENT_MAX)
      : [];
  } catch {
    return [];
  }
}

export function rememberEmoji(emoji: string): void {
  writeStorage(
    RECENT_KEY,
    JSON.stringify([emoji, ...recentEmoji().filter((item) => item !== emoji)].slice(0, RECENT_MAX)),
  );
}

// Storage may be refused (private windows, a full quota): the picker then simply forgets.
function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // forgotten, as above
  }
}
