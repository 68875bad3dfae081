import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The web portal's catalogues: every language has every key (with its own plural forms) and every key used exists. */
const LOCALES = 'apps/web/src/i18n/locales';
const SOURCES = 'apps/web/src';
const LANGUAGES = ['en', 'zh', 'ja', 'ko', 'ru', 'mn'];
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Catalogue = Record<string, unknown>;

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (value && typeof value === 'object') {
      for (const [inner, text] of flatten(value as Catalogue, `${prefix}${key}.`)) keys.set(inner, text);
    } else keys.set(`${prefix}${key}`, String(value));
  }
  return keys;
}

function load(language: string, namespace: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(path.join(LOCALES, language, `${namespace}.json`), 'utf8')) as Catalogue);
}

/** The keys a language must have: English keys, with each plural set in that language's own categories. */
function expectedKeys(english: Map<string, string>, language: string): Set<string> {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english.keys()) {
    if (PLURAL.test(key)) for (const category of categories) keys.add(key.replace(PLURAL, `_${category}`));
    else keys.add(key);
  }
  return keys;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const namespaces = readdirSync(path.join(LOCALES, 'en')).map((file) => file.replace(/\.json$/, ''));

describe('web portal catalogues', () => {
  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has every key of every namespace', (language) => {
    const problems: string[] = [];
    for (const namespace of namespaces) {
      const english = load('en', namespace);
      let translated: Map<string, string>;
      try {
        translated = load(language, namespace);
      } catch {
        problems.push(`${language}/${namespace}.json is missing`);
        continue;
      }
      const expected = expectedKeys(english, language);
      for (const key of expected) {
        const text = translated.get(key);
        if (text === undefined) problems.push(`${namespace}:${key} missing`);
        else if (text.trim() === '') problems.push(`${namespace}:${key} empty`);
        else {
          const source = english.get(key) ?? english.get(key.replace(PLURAL, '_other')) ?? '';
          const want = placeholders(source).filter((name) => name !== 'count');
          const have = placeholders(text).filter((name) => name !== 'count');
          if (want.join() !== have.join()) problems.push(`${namespace}:${key} placeholders ${have} ≠ ${want}`);
        }
      }
      for (const key of translated.keys()) if (!expected.has(key)) problems.push(`${namespace}:${key} unexpected`);
    }
    expect(problems).toEqual([]);
  });

  it('declares every namespace the app loads, and every literal key the code uses exists in English', () => {
    const declared = readFileSync(path.join(SOURCES, 'i18n/index.ts'), 'utf8');
    for (const namespace of namespaces) expect(declared).toContain(`'${namespace}'`);
    const english = new Map(namespaces.map((namespace) => [namespace, load('en', namespace)]));
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(SOURCES)) {
      const text = readFileSync(file, 'utf8');
      const own = /useTranslation\(\[?'(\w+)'/.exec(text)?.[1] ?? 'common';
      for (const match of text.matchAll(/\bt\('([\w.:-]+)'/g)) {
        checked += 1;
        const [namespace, key] = match[1].includes(':') ? match[1].split(':') : [own, match[1]];
        const keys = english.get(namespace);
        const found = keys && (keys.has(key) || keys.has(`${key}_other`) || keys.has(`${key}_one`));
        if (!found) missing.push(`${path.relative(SOURCES, file)}: ${namespace}:${key}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
