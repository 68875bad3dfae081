import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  RoomKind,
  RoomNotifyLevel,
  type MemberResponse,
  type RoomMemberResponse,
  type RoomResponse,
} from '@lcc/contracts';
import { api } from '../../api/client';
import { useMember } from '../../api/session';
import { FormError } from '../../ui/form';
import { useApiMutation } from '../../ui/use-api';
import { PeoplePicker } from './PeoplePicker';

/**
 * A member's own settings of a room (what they hear of it, leaving it) and, for moderators of a topic room, who
 * is in it.
 */
export function RoomSettings({ room, members }: { room: RoomResponse; members: RoomMemberResponse[] }) {
  const { t } = useTranslation('discussions');
  const me = useMember();
  const navigate = useNavigate();
  const [adding, setAdding] = useState<MemberResponse[]>([]);
  const refresh = [`/rooms/${room.id}`];
  const level = useApiMutation(
    (notifyLevel: RoomNotifyLevel) =>
      api<RoomResponse>(`/rooms/${room.id}/notify-level`, { method: 'PUT', body: { notifyLevel } }),
    { invalidates: refresh },
  );
  const leave = useApiMutation(() => api(`/rooms/${room.id}/leave`, { method: 'POST' }), {
    onSuccess: () => navigate('/rooms'),
  });
  const add = useApiMutation(
    (memberIds: string[]) => api(`/rooms/${room.id}/members`, { method: 'POST', body: { memberIds } }),
    { invalidates: refresh, onSuccess: () => setAdding([]) },
  );
  const remove = useApiMutation(
    (memberId: string) => api(`/rooms/${room.id}/members/${memberId}`, { method: 'DELETE' }),
    { invalidates: refresh },
  );
  const manages = room.moderator && room.kind === RoomKind.Topic && !room.archived;
  const mayLeave = room.kind === RoomKind.Topic || room.kind === RoomKind.Direct;

  return (
    <div className="room-settings">
      <label>
        {t('notifyLevelLabel')}
        <select
          value={room.notifyLevel}
          onChange={(event) => void level.run(event.target.value as RoomNotifyLevel)}
          disabled={level.pending}
        >
          {Object.values(RoomNotifyLevel).map((value) => (
            <option key={value} value={value}>
              {t(`notifyLevel.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <FormError error={level.error} />
      {manages && (
        <>
          <ul className="list" aria-label={t('managePeople')}>
            {members
              .filter((member) => member.memberId !== me.id)
              .map((member) => (
                <li key={member.memberId} className="spread">
                  <span>{member.displayName}</span>
                  <button
                    type="button"
                    className="link"
                    onClick={() => void remove.run(member.memberId)}
                    aria-label={t('removePerson', { name: member.displayName })}
                  >
                    {t('remove')}
                  </button>
                </li>
              ))}
          </ul>
          <FormError error={remove.error} />
          <PeoplePicker
            label={t('addPeople')}
            chosen={adding}
            onChange={setAdding}
            exclude={members.map((member) => member.memberId)}
          />
          <button
            type="button"
            disabled={adding.length === 0 || add.pending}
            onClick={() => void add.run(adding.map((member) => member.id))}
          >
            {t('add')}
          </button>
          <FormError error={add.error} />
        </>
      )}
      {mayLeave && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            if (window.confirm(t('confirmLeave'))) void leave.run();
          }}
        >
          {t('leave')}
        </button>
      )}
      <FormError error={leave.error} />
    </div>
  );
}
