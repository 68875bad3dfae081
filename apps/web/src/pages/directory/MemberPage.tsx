import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { MemberStatus, NetworkRole, type MemberResponse, type RoomResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useMember } from '../../api/session';
import { useFormat } from '../../ui/format';
import { FormError } from '../../ui/form';
import { Async } from '../../ui/states';
import { useApi, useApiMutation } from '../../ui/use-api';
import { MemberAdminActions } from '../admin/MemberAdminActions';

export default function MemberPage() {
  const { t } = useTranslation('directory');
  const { id } = useParams();
  const me = useMember();
  const format = useFormat();
  const navigate = useNavigate();
  const member = useApi<MemberResponse>(`/members/${id}`);
  const staff = me.role === NetworkRole.Admin || me.role === NetworkRole.Coordinator;

  const message = useApiMutation(
    (target: MemberResponse) =>
      api<RoomResponse>('/rooms', { method: 'POST', body: { kind: 'direct', memberIds: [target.id] } }),
    { invalidates: ['/rooms'], onSuccess: (room) => navigate(`/rooms/${room.id}`) },
  );

  return (
    <Async state={member}>
      {(profile) => (
        <article className="card">
          <h1>{profile.displayName}</h1>
          <dl>
            <dt>{t('organization')}</dt>
            <dd>{profile.organization ?? '—'}</dd>
            <dt>{t('location')}</dt>
            <dd>{[profile.city, format.country(profile.country)].filter(Boolean).join(', ')}</dd>
            <dt>{t('memberType')}</dt>
            <dd>{t(`common:memberType.${profile.memberType}`)}</dd>
            <dt>{t('localTime')}</dt>
            <dd>
              {format.inZone(new Date().toISOString(), profile.timeZone)} ({profile.timeZone})
            </dd>
            {profile.email && (
              <>
                <dt>{t('email')}</dt>
                <dd>
                  <a href={`mailto:${profile.email}`}>{profile.email}</a>
                </dd>
              </>
            )}
            {profile.expertise.length > 0 && (
              <>
                <dt>{t('expertise')}</dt>
                <dd>{profile.expertise.join(', ')}</dd>
              </>
            )}
          </dl>
          {profile.bio && <p>{profile.bio}</p>}
          {profile.id !== me.id && profile.status === MemberStatus.Active && (
            <button type="button" onClick={() => void message.run(profile)}>
              {t('sendMessage')}
            </button>
          )}
          <FormError error={message.error} />
          {staff && profile.id !== me.id && <MemberAdminActions member={profile} onChange={member.set} />}
        </article>
      )}
    </Async>
  );
}
