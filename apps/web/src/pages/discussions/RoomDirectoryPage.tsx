import './discussions.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RoomDirectoryEntry, RoomResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { FormError } from '../../ui/form';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useApiMutation, usePages } from '../../ui/use-api';

/** The directory of public topic rooms (strategy and eco-label rooms among them): search, join, leave. */
export default function RoomDirectoryPage() {
  const { t } = useTranslation('discussions');
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const rooms = usePages<RoomDirectoryEntry>('/rooms/directory', { q: q.trim() || undefined, limit: 30 });
  const join = useApiMutation((id: string) => api<RoomResponse>(`/rooms/${id}/join`, { method: 'POST' }), {
    invalidates: ['/rooms'],
    onSuccess: (room) => navigate(`/rooms/${room.id}`),
  });
  const leave = useApiMutation((id: string) => api(`/rooms/${id}/leave`, { method: 'POST' }), {
    invalidates: ['/rooms'],
  });

  return (
    <section className="room-directory">
      <div className="spread">
        <h1>{t('directoryTitle')}</h1>
        <Link to="/rooms">{t('backToRooms')}</Link>
      </div>
      <label>
        {t('searchRooms')}
        <input type="search" value={q} onChange={(event) => setQ(event.target.value)} />
      </label>
      <FormError error={join.error ?? leave.error} />
      {rooms.error ? (
        <ErrorNotice error={rooms.error} />
      ) : rooms.data === undefined ? (
        <Loading />
      ) : rooms.data.length === 0 ? (
        <Empty>{t('noRoomsFound')}</Empty>
      ) : (
        <ul className="list directory-list">
          {rooms.data.map((room) => (
            <li key={room.id} className="card">
              <div className="spread">
                <h2>{room.joined ? <Link to={`/rooms/${room.id}`}>{room.name}</Link> : room.name}</h2>
                <span className="muted">{t('memberCount', { count: room.memberCount })}</span>
              </div>
              {room.topic && <p>{room.topic}</p>}
              {room.joined ? (
                <button type="button" className="secondary" onClick={() => void leave.run(room.id)}>
                  {t('leave')}
                </button>
              ) : (
                <button type="button" onClick={() => void join.run(room.id)}>
                  {t('join')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {rooms.hasMore && (
        <button type="button" className="secondary" onClick={rooms.loadMore}>
          {t('loadMoreRooms')}
        </button>
      )}
    </section>
  );
}
