import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MessageResponse } from '@lcc/contracts';
import { emitAck, useRealtime } from '../../api/realtime';
import { useMember } from '../../api/session';
import { useFormat } from '../../ui/format';
import { AttachmentTitle } from './AttachmentTitle';
import { EmojiPicker } from './EmojiPicker';
import { MessageBody } from './markdown';
import { usePinAction } from './PinnedMessages';
import { personName } from '../../ui/person-name';

interface Props {
  message: MessageResponse;
  presence?: string;
  onThread?: (message: MessageResponse) => void;
  /** The reader moderates the room: they may pin and unpin. */
  moderator?: boolean;
  /** The message a permalink opened: marked until another is opened. */
  highlighted?: boolean;
  /** Its permalink (the time links there; "Copy link" copies it whole). */
  link?: string;
}

/** One message: author with presence, body, attachments, reactions, and the author's edit and delete. */
export function MessageItem({ message, presence, onThread, moderator = false, highlighted = false, link }: Props) {
  const { t } = useTranslation('discussions');
  const me = useMember();
  const format = useFormat();
  const { socket } = useRealtime();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body);
  const [error, setError] = useState<string>();
  const [picking, setPicking] = useState(false);
  const pin = usePinAction();
  const reactButton = useRef<HTMLButtonElement>(null);
  const closePicker = useCallback((back: boolean) => {
    setPicking(false);
    if (back) reactButton.current?.focus();
  }, []);
  const mine = message.authorId === me.id;

  async function run(event: 'message.edit' | 'message.delete' | 'reaction.toggle', payload: object) {
    if (!socket) return;
    const ack = await emitAck(socket, event, payload as never);
    setError(ack.ok ? undefined : ack.error.message);
    return ack.ok;
  }

  if (message.deletedAt) {
    return (
      <li
        className={`message deleted${highlighted ? ' highlighted' : ''}`}
        data-seq={message.seq}
        aria-current={highlighted || undefined}
      >
        <span className="muted">{t('deleted')}</span>
      </li>
    );
  }

  return (
    <li
      className={`message${message.mentionIds.includes(me.id) ? ' mentioned' : ''}${highlighted ? ' highlighted' : ''}`}
      data-seq={message.seq}
      data-id={message.id}
      aria-current={highlighted || undefined}
    >
      <div className="message-head">
        <span className={`presence ${presence ?? 'offline'}`} aria-hidden="true" />
        <strong>{personName(t, message.author)}</strong>
        {presence && <span className="visually-hidden">({t(`presence.${presence}`)})</span>}
        {link ? (
          <Link className="muted permalink" to={link} title={t('messageLinkTitle')}>
            <time dateTime={message.createdAt}>{format.time(message.createdAt)}</time>
          </Link>
        ) : (
          <time className="muted" dateTime={message.createdAt}>
            {format.time(message.createdAt)}
          </time>
        )}
        {message.editedAt && <span className="muted">{t('edited')}</span>}
        {message.pinnedAt && <span className="tag pinned-mark">📌 {t('pinned')}</span>}
      </div>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run('message.edit', { messageId: message.id, body: draft }).then((ok) => ok && setEditing(false));
          }}
        >
          <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
            {t('editMessage')}
          </label>
          <textarea id={`edit-${message.id}`} value={draft} onChange={(event) => setDraft(event.target.value)} />
          <div className="row">
            <button type="submit">{t('common:save')}</button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              {t('common:cancel')}
            </button>
          </div>
        </form>
      ) : (
        <MessageBody body={message.body} />
      )}
      {message.attachments.length > 0 && (
        <ul className="row list-inline" aria-label={t('attachments')}>
          {message.attachments.map((attachment) => (
            <li key={attachment.documentId}>
              <Link className="tag" to={`/documents/${attachment.documentId}`}>
                📎 <AttachmentTitle documentId={attachment.documentId} title={attachment.title} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="row message-actions">
        {message.reactions.map((reaction) => (
          <button
            key={reaction.emoji}
            type="button"
            className="reaction"
            aria-pressed={reaction.memberIds.includes(me.id)}
            aria-label={t('reactionCount', { emoji: reaction.emoji, count: reaction.count })}
            onClick={() => void run('reaction.toggle', { messageId: message.id, emoji: reaction.emoji })}
          >
            {reaction.emoji} {reaction.count}
          </button>
        ))}
        <button
          type="button"
          ref={reactButton}
          className="link react-open"
          aria-label={t('addReaction')}
          aria-expanded={picking}
          onClick={() => setPicking((open) => !open)}
        >
          ☺+
        </button>
        {onThread && !message.threadRootId && (
          <button type="button" className="link thread-link" onClick={() => onThread(message)}>
            {message.replyCount > 0 ? t('replies', { count: message.replyCount }) : t('replyInThread')}
          </button>
        )}
        {onThread && !message.threadRootId && message.replyCount > 0 && message.lastReplyAt && (
          <span className="muted last-reply">{t('lastReply', { time: format.dateTime(message.lastReplyAt) })}</span>
        )}
        {link && <CopyLink path={link} />}
        {moderator && (
          <button type="button" className="link" disabled={pin.pending} onClick={() => void pin.run(message)}>
            {message.pinnedAt ? t('unpin') : t('pin')}
          </button>
        )}
        {mine && (
          <>
            <button type="button" className="link" onClick={() => setEditing(true)}>
              {t('edit')}
            </button>
            <button
              type="button"
              className="link"
              onClick={() =>
                window.confirm(t('confirmDelete')) && void run('message.delete', { messageId: message.id })
              }
            >
              {t('delete')}
            </button>
          </>
        )}
      </div>
      {picking && (
        <EmojiPicker
          onClose={closePicker}
          onPick={(emoji) => {
            closePicker(true);
            void run('reaction.toggle', { messageId: message.id, emoji });
          }}
        />
      )}
      {pin.error && (
        <p className="error" role="alert">
          {t('pinFailed')}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/**
 * "Copy link": the permalink, whole, to the clipboard. Where the browser refuses the clipboard (no permission, an
 * insecure origin), the link is shown selected in a field for the reader to copy.
 */
function CopyLink({ path }: { path: string }) {
  const { t } = useTranslation('discussions');
  const [state, setState] = useState<'idle' | 'copied' | 'shown'>('idle');
  const url = new URL(path, window.location.origin).href;
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('shown');
    }
  }
  return (
    <>
      <button type="button" className="link copy-link" data-link={url} onClick={() => void copy()}>
        {t('copyLink')}
      </button>
      {state === 'copied' && (
        <span className="muted" role="status">
          {t('linkCopied')}
        </span>
      )}
      {state === 'shown' && (
        <input
          className="link-field"
          readOnly
          value={url}
          aria-label={t('messageLinkTitle')}
          ref={(input) => input?.select()}
          onBlur={() => setState('idle')}
        />
      )}
    </>
  );
}
