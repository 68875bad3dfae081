import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EMOJI_GROUPS,
  loadEmoji,
  recentEmoji,
  rememberEmoji,
  saveTone,
  savedTone,
  searchEmoji,
  SKIN_TONES,
  type PickerEmoji,
  type SkinTone,
} from './emoji-data';

/** The hand the tone chooser shows each tone on. */
const RAISED_HAND = ['✋', '✋🏻', '✋🏼', '✋🏽', '✋🏾', '✋🏿'];

/** Found emoji shown at once; a narrower query finds the rest. */
const MAX_FOUND = 240;

interface Props {
  onPick: (emoji: string) => void;
  /** `back` when the reader closed it from the keyboard (focus returns to where it was opened). */
  onClose: (back: boolean) => void;
}

/**
 * Every emoji by group, searchable by name in the reader's language or in English, after a row of those this browser
 * picked recently; a skin tone chosen once applies to every emoji that has tones. The names load when a picker
 * first opens. Escape or a click elsewhere closes it; so does a pick (the caller's `onPick`).
 */
export function EmojiPicker({ onPick, onClose }: Props) {
  const { t, i18n } = useTranslation('discussions');
  const [all, setAll] = useState<PickerEmoji[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [tone, setTone] = useState<SkinTone>(savedTone);
  const [recent] = useState(recentEmoji);
  const box = useRef<HTMLDivElement>(null);
  // Names of every emoji and tone variant, for the recent row.
  const labels = useMemo(() => {
    const names = new Map<string, string>();
    for (const item of all ?? []) {
      names.set(item.emoji, item.label);
      for (const skin of Object.values(item.skins ?? {})) names.set(skin.emoji, skin.label);
    }
    return names;
  }, [all]);

  useEffect(() => {
    let live = true;
    loadEmoji(i18n.language).then(
      (emoji) => live && setAll(emoji),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [i18n.language]);

  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
    const away = (event: MouseEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [onClose]);

  const pick = (emoji: string) => {
    rememberEmoji(emoji);
    onPick(emoji);
  };
  const emojiButton = (emoji: string, label: string) => (
    <button key={emoji} type="button" aria-label={label} title={label} onClick={() => pick(emoji)}>
      {emoji}
    </button>
  );
  const button = (item: PickerEmoji) => {
    const shown = (tone !== 0 && item.skins?.[tone]) || item;
    return emojiButton(shown.emoji, shown.label);
  };
  const found = all && query.trim() ? searchEmoji(all, query).slice(0, MAX_FOUND) : null;

  return (
    <div
      ref={box}
      className="card emoji-picker"
      role="dialog"
      aria-label={t('emojiPicker')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose(true);
      }}
    >
      <input
        type="search"
        aria-label={t('emojiSearch')}
        placeholder={t('emojiSearch')}
        value={query}
        autoFocus
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="row skin-tones" role="group" aria-label={t('skinTone')}>
        {SKIN_TONES.map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={tone === value}
            aria-label={t(`skinToneName.${value}`)}
            title={t(`skinToneName.${value}`)}
            onClick={() => {
              setTone(value);
              saveTone(value);
            }}
          >
            {RAISED_HAND[value]}
          </button>
        ))}
      </div>
      <div className="emoji-scroll">
        {failed && (
          <p className="error" role="alert">
            {t('emojiFailed')}
          </p>
        )}
        {!all && !failed && <p className="muted">{t('emojiLoading')}</p>}
        {found ? (
          found.length > 0 ? (
            <div className="emoji-grid" role="group" aria-label={t('emojiFound')}>
              {found.map(button)}
            </div>
          ) : (
            <p className="muted">{t('emojiNone')}</p>
          )
        ) : (
          <>
            {recent.length > 0 && (
              <section aria-label={t('emojiRecent')}>
                <h3>{t('emojiRecent')}</h3>
                <div className="emoji-grid">
                  {recent.map((emoji) => emojiButton(emoji, labels.get(emoji) ?? emoji))}
                </div>
              </section>
            )}
            {all &&
              EMOJI_GROUPS.map((group) => (
                <section key={group.id} aria-label={t(`emojiGroup.${group.key}`)}>
                  <h3>{t(`emojiGroup.${group.key}`)}</h3>
                  <div className="emoji-grid">{all.filter((item) => item.group === group.id).map(button)}</div>
                </section>
              ))}
          </>
        )}
      </div>
    </div>
  );
}
