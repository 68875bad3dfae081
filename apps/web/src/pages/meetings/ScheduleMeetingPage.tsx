import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { MeetingResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useMember } from '../../api/session';
import { ErrorNotice, Loading } from '../../ui/states';
import { useApiMutation } from '../../ui/use-api';
import { MeetingForm, blankDraft, type MeetingBody } from './MeetingForm';
import { useGroupAccess } from './group-access';

export default function ScheduleMeetingPage() {
  const { t } = useTranslation('meetings');
  const { id: groupId = '' } = useParams();
  const member = useMember();
  const navigate = useNavigate();
  const { group, canManage } = useGroupAccess(groupId);
  // A new meeting shows in the meeting lists and on its group's page.
  const schedule = useApiMutation(
    (body: MeetingBody) => api<MeetingResponse>(`/working-groups/${groupId}/meetings`, { method: 'POST', body }),
    {
      invalidates: ['/meetings', `/working-groups/${groupId}`],
      onSuccess: (meeting) => navigate(`/meetings/${meeting.id}`),
    },
  );

  if (group.error) return <ErrorNotice error={group.error} />;
  if (!group.data) return <Loading />;
  const back = <Link to={`/groups/${group.data.id}`}>{group.data.name}</Link>;
  if (!canManage) {
    return (
      <section className="card">
        <h1>{t('schedule.title')}</h1>
        <p className="error" role="alert">
          {t('schedule.notAllowed')}
        </p>
        {back}
      </section>
    );
  }

  return (
    <>
      <p>
        <Link to={`/groups/${group.data.id}`}>← {group.data.name}</Link>
      </p>
      <h1>{t('schedule.title')}</h1>
      <MeetingForm
        groupId={groupId}
        initial={blankDraft(member.timeZone)}
        submitLabel={t('schedule.submit')}
        save={schedule}
        footer={<Link to={`/groups/${group.data.id}`}>{t('common:cancel')}</Link>}
      />
    </>
  );
}
