import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMOJI_GROUPS, loadEmoji, searchEmoji, type PickerEmoji } from './emoji-data';

/** Found emoji shown at once; a narrower query finds the rest. */
const MAX_FOUND = 240;

interface Props {
  onPick: (emoji: string) => void;
  /** `back` when the reader closed it from the keyboard (focus returns to where it was opened). */
  onClose: (back: boolean) => void;
}

/**
 * Every emoji by group, searchable by name in the reader's language or in English. The names load when a picker
 * first opens. Escape or a click elsewhere closes it; so does a pick (the caller's `onPick`).
 */
export function EmojiPicker({ onPick, onClose }: Props) {
  const { t, i18n } = useTranslation('discussions');
  const [all, setAll] = useState<PickerEmoji[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const box = useRef<HTMLDivElement>(null);

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

  const button = (item: PickerEmoji) => (
    <button
      key={item.emoji}
      type="button"
      aria-label={item.label}
      title={item.label}
      onClick={() => onPick(item.emoji)}
    >
      {item.emoji}
    </button>
  );
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
          all &&
          EMOJI_GROUPS.map((group) => (
            <section key={group.id} aria-label={t(`emojiGroup.${group.key}`)}>
              <h3>{t(`emojiGroup.${group.key}`)}</h3>
              <div className="emoji-grid">{all.filter((item) => item.group === group.id).map(button)}</div>
            </section>
          ))
        )}
      </div>
    </div>
  );
}
