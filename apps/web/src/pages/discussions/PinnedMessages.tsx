import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useSocketEvent } from '../../api/realtime';
import { useFormat } from '../../ui/format';
import { useApi, useApiMutation } from '../../ui/use-api';
import { MessageBody } from './markdown';
import { personName } from '../../ui/person-name';

const NO_PINS: MessageResponse[] = [];

/**
 * A room's pinned messages, most recently pinned first. A pin or unpin anywhere reaches every reader as
 * `message.updated` (a deletion unpins too), which patches the cached list.
 */
export function usePins(roomId: string): MessageResponse[] {
  const pins = useApi<MessageResponse[]>(`/rooms/${roomId}/pins`);
  const { set } = pins;
  const follow = useCallback(
    (message: MessageResponse) => {
      if (message.roomId !== roomId) return;
      set((current) => {
        const others = (current ?? []).filter((pin) => pin.id !== message.id);
        if (!message.pinnedAt || message.deletedAt) return others;
        return [message, ...others].sort((a, b) => (b.pinnedAt ?? '').localeCompare(a.pinnedAt ?? ''));
      });
    },
    [roomId, set],
  );
  useSocketEvent('message.updated', follow);
  useSocketEvent('message.deleted', follow);
  return pins.data ?? NO_PINS;
}

/** Pin or unpin (moderators): the answer comes back to every reader, this one included, as `message.updated`. */
export function usePinAction() {
  return useApiMutation((message: MessageResponse) =>
    api<MessageResponse>(`/messages/${message.id}/pin`, { method: message.pinnedAt ? 'DELETE' : 'PUT' }),
  );
}

/** The "pinned" button of a room and, when open, the panel listing what is pinned. */
export function PinnedMessages({
  pins,
  moderator,
  onShow,
}: {
  pins: MessageResponse[];
  moderator: boolean;
  /** Scrolls the timeline to the message (its thread's root, for a reply). */
  onShow: (message: MessageResponse) => void;
}) {
  const { t } = useTranslation('discussions');
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const unpin = usePinAction();
  return (
    <div className="pins">
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls="pinned-panel"
        onClick={() => setOpen((value) => !value)}
      >
        📌 {t('pinnedCount', { count: pins.length })}
      </button>
      {open && (
        <section id="pinned-panel" className="card pinned-panel" aria-label={t('pinnedMessages')}>
          {pins.length === 0 ? (
            <p className="muted">{t('noPins')}</p>
          ) : (
            <ul className="list">
              {pins.map((pin) => (
                <li key={pin.id}>
                  <div className="message-head">
                    <strong>{personName(t, pin.author)}</strong>
                    <time className="muted" dateTime={pin.createdAt}>
                      {format.dateTime(pin.createdAt)}
                    </time>
                    <button type="button" className="link" onClick={() => onShow(pin)}>
                      {t('showInRoom')}
                    </button>
                    {moderator && (
                      <button type="button" className="link" onClick={() => void unpin.run(pin)}>
                        {t('unpin')}
                      </button>
                    )}
                  </div>
                  <MessageBody body={pin.body} />
                </li>
              ))}
            </ul>
          )}
          {unpin.error && (
            <p className="error" role="alert">
              {t('pinFailed')}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
