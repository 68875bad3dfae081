import {
  useCallback,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentResponse, Page, RoomMemberResponse } from '@lcc/contracts';
import { type ApiError, withQuery } from '../../api/client';
import { useRealtime } from '../../api/realtime';
import { useApi } from '../../ui/use-api';
import { useComposerUploads } from './use-composer-uploads';

const TYPING_EVERY_MS = 3000;

/** What the room around the composer may hand it: files dropped anywhere on the room. */
export interface ComposerHandle {
  addFiles(files: Iterable<File>): void;
}

interface Props {
  roomId: string;
  members: RoomMemberResponse[];
  label: string;
  disabled?: boolean;
  /** The upload form's fields that give a file the room's audience (`roomUploadFields`). */
  uploadFields: Record<string, string>;
  onSend: (body: string, attachmentIds: string[]) => void;
  ref?: Ref<ComposerHandle>;
}

/** Files carried by a paste or a drop, if any (text pasted or dragged is left to the text box). */
export function filesOf(transfer: DataTransfer | null): File[] {
  return transfer ? [...transfer.files] : [];
}

/**
 * The message box: Enter sends, Shift+Enter breaks the line; `@` offers the room's members (arrows and Enter or Tab
 * pick one); documents from the library can be attached, and files pasted, dropped or chosen are uploaded (with
 * progress and a cancel) and attached; typing is announced to the room at most every 3 s.
 */
export function Composer({ roomId, members, label, disabled, uploadFields, onSend, ref }: Props) {
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
  const fileInput = useRef<HTMLInputElement>(null);
  const attach = useCallback(
    (document: { id: string; title: string }) =>
      setAttachments((current) =>
        current.some((item) => item.id === document.id)
          ? current
          : [...current, { id: document.id, title: document.title }],
      ),
    [],
  );
  const uploads = useComposerUploads(uploadFields, attach);
  useImperativeHandle(ref, () => ({ addFiles: uploads.add }), [uploads.add]);

  function uploadError(error: ApiError): string {
    if (error.status === 413) return t('uploadTooLarge');
    if (error.status === 415) return t('uploadUnsupported');
    if (error.status === 0) return t('common:errors.network');
    return t(`common:errorCode.${error.code}`, { defaultValue: error.message });
  }

  function paste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = filesOf(event.clipboardData);
    if (files.length === 0 || disabled) return;
    event.preventDefault();
    uploads.add(files);
  }

  function drop(event: DragEvent<HTMLFormElement>) {
    const files = filesOf(event.dataTransfer);
    if (files.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    if (!disabled) uploads.add(files);
  }

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

  // A message needs words: files sent alone are named in it.
  const sendable = !disabled && !uploads.busy && (body.trim() !== '' || attachments.length > 0);

  function submit() {
    if (!sendable) return;
    const text = body.trim() || attachments.map((attachment) => `📎 ${attachment.title}`).join('\n');
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
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDrop={drop}
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
        onPaste={paste}
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
      {uploads.uploads.length > 0 && (
        <ul className="list-inline composer-uploads" aria-label={t('uploads')}>
          {uploads.uploads.map((item) => (
            <li key={item.key} className="composer-upload">
              <span className="composer-upload-name">📎 {item.name}</span>
              {item.error ? (
                <span className="error" role="alert">
                  {uploadError(item.error)}
                </span>
              ) : (
                <progress
                  max={100}
                  value={Math.round(item.progress * 100)}
                  aria-label={t('uploadProgress', { name: item.name })}
                />
              )}
              <button type="button" className="link" onClick={() => uploads.cancel(item.key)}>
                {item.error ? t('dismissUpload') : t('cancelUpload')}
                <span className="visually-hidden"> {item.name}</span>
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
                    attach(document);
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
        <button type="submit" disabled={!sendable}>
          {t('send')}
        </button>
        <button type="button" className="secondary" onClick={() => setPicking((value) => !value)}>
          {t('attach')}
        </button>
        <button type="button" className="secondary" disabled={disabled} onClick={() => fileInput.current?.click()}>
          {t('uploadFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          aria-label={t('uploadFile')}
          onChange={(event) => {
            uploads.add([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
      </div>
    </form>
  );
}
