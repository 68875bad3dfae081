import './discussions.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate, useParams } from 'react-router';
import { RoomVisibility, type MemberResponse, type RoomResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useMember } from '../../api/session';
import { Field, FormError, SelectField, fieldError } from '../../ui/form';
import { Empty, Loading } from '../../ui/states';
import { useApi, useApiMutation } from '../../ui/use-api';
import { MyThreads } from './MyThreads';
import { PeoplePicker } from './PeoplePicker';
import { roomBadges, roomTitle } from './room-title';
import { RoomRefusal } from './RoomRefusal';
import { RoomView } from './RoomView';
import { useRoomList } from './use-room-list';

function NewTopicRoom({ onCreated }: { onCreated: (room: RoomResponse) => void }) {
  const { t } = useTranslation('discussions');
  const [open, setOpen] = useState(false);
  const create = useApiMutation(
    (form: FormData) =>
      api<RoomResponse>('/rooms', {
        method: 'POST',
        body: { kind: 'topic', name: String(form.get('name')).trim(), visibility: form.get('visibility') },
      }),
    {
      invalidates: ['/rooms'],
      onSuccess: (room) => {
        setOpen(false);
        onCreated(room);
      },
    },
  );
  const { error } = create;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void create.run(new FormData(event.currentTarget));
  }

  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('newRoom')}
      </button>
    );
  }
  return (
    <form onSubmit={submit}>
      <Field label={t('roomName')} name="name" required error={fieldError(error, 'name')} />
      <SelectField
        label={t('roomVisibility')}
        name="visibility"
        options={Object.values(RoomVisibility).map((value) => ({ value, label: t(`roomVisibilityOption.${value}`) }))}
      />
      <FormError error={error} />
      <div className="row">
        <button type="submit">{t('create')}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

function NewDirectMessage({ onCreated }: { onCreated: (room: RoomResponse) => void }) {
  const { t } = useTranslation('discussions');
  const me = useMember();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<MemberResponse[]>([]);
  const [error, setError] = useState<unknown>();

  async function start() {
    try {
      const room = await api<RoomResponse>('/rooms', {
        method: 'POST',
        body: { kind: 'direct', memberIds: chosen.map((member) => member.id) },
      });
      setOpen(false);
      setChosen([]);
      onCreated(room);
    } catch (failure) {
      setError(failure);
    }
  }

  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('newDirect')}
      </button>
    );
  }
  return (
    <div className="new-direct">
      <PeoplePicker label={t('findPeople')} chosen={chosen} onChange={setChosen} exclude={[me.id]} />
      <FormError error={error} />
      <div className="row">
        <button type="button" disabled={chosen.length === 0} onClick={() => void start()}>
          {t('startDirect')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('common:cancel')}
        </button>
      </div>
    </div>
  );
}

/** The room list beside a room, "my threads" (`threads`), or a prompt to pick a room. */
export default function RoomsPage({ threads = false }: { threads?: boolean }) {
  const { t } = useTranslation('discussions');
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useMember();
  const { rooms, reload } = useRoomList(id);
  const room = useApi<RoomResponse>(id ? `/rooms/${id}` : null);

  return (
    // On a phone the list and what was chosen from it are separate views (`detail`: a room or my threads).
    <div className={id || threads ? 'rooms-page detail' : 'rooms-page'}>
      <nav className="card room-list" aria-label={t('rooms')}>
        <div className="spread">
          <h2>{t('rooms')}</h2>
          <Link to="/rooms/directory">{t('browseRooms')}</Link>
        </div>
        <NavLink to="/rooms/threads" className="my-threads-link">
          {t('myThreads')}
        </NavLink>
        {rooms === undefined ? (
          <Loading />
        ) : rooms.length === 0 ? (
          <Empty>{t('noRooms')}</Empty>
        ) : (
          <ul className="list">
            {rooms.map((item) => {
              const badges = roomBadges(item);
              return (
                <li key={item.id} className="spread">
                  <NavLink to={`/rooms/${item.id}`}>
                    {item.kind === 'direct' || item.name ? roomTitle(item, me.id, t) : t(`kind.${item.kind}`)}
                  </NavLink>
                  <span>
                    {item.notifyLevel === 'nothing' && (
                      <span className="muted" title={t('notifyLevel.nothing')}>
                        {t('mutedMark')}
                      </span>
                    )}
                    {badges.mentions > 0 && (
                      <span className="tag" aria-label={t('mentionCount', { count: badges.mentions })}>
                        @{badges.mentions}
                      </span>
                    )}{' '}
                    {badges.unread > 0 && item.id !== id && (
                      <span className="badge" aria-label={t('unreadCount', { count: badges.unread })}>
                        {badges.unread}
                      </span>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        <NewTopicRoom
          onCreated={(created) => {
            reload();
            navigate(`/rooms/${created.id}`);
          }}
        />
        <NewDirectMessage
          onCreated={(created) => {
            reload();
            navigate(`/rooms/${created.id}`);
          }}
        />
      </nav>
      {threads ? (
        <MyThreads />
      ) : id ? (
        room.error ? (
          <RoomRefusal error={room.error} />
        ) : room.data && room.data.id === id ? (
          <RoomView key={id} room={room.data} />
        ) : (
          <Loading />
        )
      ) : (
        <section>
          <h1>{t('title')}</h1>
          <p className="muted">{t('pickRoom')}</p>
        </section>
      )}
    </div>
  );
}
