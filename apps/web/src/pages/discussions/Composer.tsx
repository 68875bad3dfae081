import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentResponse, Page, RoomMemberResponse } from '@lcc/contracts';
import { withQuery } from '../../api/client';
import { useRealtime } from '../../api/realtime';
import { useApi } from '../../ui/use-api';

const TYPING_EVERY_MS = 3000;

interface Props {
  roomId: string;
  members: RoomMemberResponse[];
  label: string;
  disabled?: boolean;
  onSend: (body: string, attachmentIds: string[]) => void;
}

/**
 * The message box: Enter sends, Shift+Enter breaks the line; `@` offers the room's members (arrows and Enter or Tab
 * pick one); documents from the library can be attached; typing is announced to the room at most every 3 s.
 */
export function Composer({ roomId, members, label, disabled, onSend }: Props) {
  const { t } = useTranslation('discussions');
  const { socket } = useRealtime();
  const id = useId();
  const [body, setBody] = useState('');
  const [mention, setMention] = useState<{ query: string; start: number } | null>(null);
  const [active, setActive] = useState(0);
  const [attachments, setAttachments] = useState<{ id: string; title: string }[]>([]);
  const [picking, setPicking] = useState(false);
  // What was typed in the document search; nothing is asked for before the first keystroke.
  const [lookup, setLookup] = useState<string | null>(null);
  const found =
    useApi<Page<DocumentResponse>>(lookup === null ? null : withQuery('/documents', { q: lookup, limit: 10 })).data
      ?.items ?? [];
  const lastTyping = useRef(0);
  const box = useRef<HTMLTextAreaElement>(null);

  const candidates = mention
    ? members.filter((member) => member.displayName.toLowerCase().includes(mention.query.toLowerCase())).slice(0, 8)
    : [];

  function change(value: string, caret: number) {
    setBody(value);
    const match = /(^|\s)@([^\s@]{0,30})$/.exec(value.slice(0, caret));
    setMention(match ? { query: match[2], start: caret - match[2].length - 1 } : null);
    setActive(0);
    if (socket && Date.now() - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = Date.now();
      socket.emit('typing', { roomId }, () => undefined);
    }
  }

  function pick(member: RoomMemberResponse) {
    if (!mention) return;
    const caret = box.current?.selectionStart ?? body.length;
    const next = `${body.slice(0, mention.start)}@${member.displayName} ${body.slice(caret)}`;
    setBody(next);
    setMention(null);
    box.current?.focus();
  }

  function submit() {
    const text = body.trim();
    if (!text || disabled) return;
    onSend(
      text,
      attachments.map((attachment) => attachment.id),
    );
    setBody('');
    setAttachments([]);
    setMention(null);
  }

  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (candidates.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((current) => (current + step + candidates.length) % candidates.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(candidates[active]);
        return;
      }
      if (event.key === 'Escape') {
        setMention(null);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        ref={box}
        value={body}
        placeholder={label}
        rows={2}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(event) => change(event.target.value, event.target.selectionStart)}
        onKeyDown={keyDown}
      />
      <small id={`${id}-hint`} className="muted">
        {t('composerHint')}
      </small>
      {candidates.length > 0 && (
        <ul className="mention-list" role="listbox" aria-label={t('mentionSuggestions')}>
          {candidates.map((member, index) => (
            <li
              key={member.memberId}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(member);
              }}
            >
              {member.displayName}
            </li>
          ))}
        </ul>
      )}
      {attachments.length > 0 && (
        <ul className="row list-inline" aria-label={t('attachments')}>
          {attachments.map((attachment) => (
            <li key={attachment.id} className="tag">
              📎 {attachment.title}{' '}
              <button
                type="button"
                className="link"
                aria-label={t('removeAttachment', { title: attachment.title })}
                onClick={() => setAttachments((current) => current.filter((item) => item.id !== attachment.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {picking && (
        <div className="card attach-picker">
          <label>
            {t('findDocument')} <input type="search" onChange={(event) => setLookup(event.target.value)} autoFocus />
          </label>
          <ul className="list">
            {found.map((document) => (
              <li key={document.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setAttachments((current) =>
                      current.some((item) => item.id === document.id)
                        ? current
                        : [...current, { id: document.id, title: document.title }],
                    );
                    setPicking(false);
                  }}
                >
                  {document.title}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="row">
        <button type="submit" disabled={disabled || !body.trim()}>
          {t('send')}
        </button>
        <button type="button" className="secondary" onClick={() => setPicking((value) => !value)}>
          {t('attach')}
        </button>
      </div>
    </form>
  );
}
