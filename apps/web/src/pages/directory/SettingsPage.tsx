import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberResponse, SessionResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useMember, useSession } from '../../api/session';
import { isLanguage, setLanguage } from '../../i18n';
import { useFormat } from '../../ui/format';
import { Field, FormError, SelectField, TextArea, fieldError } from '../../ui/form';
import { useMemberOptions } from '../../ui/options';
import { Async, Loading } from '../../ui/states';
import { TimeZoneField } from '../../ui/time-zone-field';
import { useApi, useApiMutation } from '../../ui/use-api';
import { NotificationSettings } from './NotificationSettings';

// Its own chunk (with the recovery-code and enrolment parts it shares with the sign-in step).
const TwoFactorSettings = lazy(() => import('./TwoFactorSettings'));
const PrivacySettings = lazy(() => import('./PrivacySettings'));

function ProfileForm() {
  const { t } = useTranslation('directory');
  const member = useMember();
  const { updateMember } = useSession();
  const options = useMemberOptions();
  const [saved, setSaved] = useState(false);
  const [timeZone, setTimeZone] = useState(member.timeZone);
  const save = useApiMutation(
    (body: Record<string, unknown>) => api<MemberResponse>('/members/me', { method: 'PATCH', body }),
    { invalidates: ['/members'] },
  );
  const { error } = save;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setSaved(false);
    const updated = await save.run({
      displayName: text('displayName'),
      organization: text('organization') || null,
      city: text('city') || null,
      country: text('country'),
      language: text('language'),
      timeZone: text('timeZone'),
      expertise: text('expertise')
        .split(',')
        .map((topic) => topic.trim())
        .filter(Boolean),
      bio: text('bio') || null,
    });
    if (!updated) return;
    updateMember(updated);
    if (isLanguage(updated.language)) await setLanguage(updated.language);
    setSaved(true);
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)}>
      <h2>{t('settings.profile')}</h2>
      <Field
        label={t('name')}
        name="displayName"
        defaultValue={member.displayName}
        required
        error={fieldError(error, 'displayName')}
      />
      <Field
        label={t('organization')}
        name="organization"
        defaultValue={member.organization ?? ''}
        error={fieldError(error, 'organization')}
      />
      <Field label={t('city')} name="city" defaultValue={member.city ?? ''} error={fieldError(error, 'city')} />
      <SelectField label={t('country')} name="country" defaultValue={member.country} options={options.countries} />
      <SelectField
        label={t('settings.language')}
        name="language"
        defaultValue={member.language}
        options={options.languages}
      />
      <TimeZoneField
        label={t('settings.timeZone')}
        value={timeZone}
        onChange={setTimeZone}
        error={fieldError(error, 'timeZone')}
      />
      <Field
        label={t('expertise')}
        name="expertise"
        defaultValue={member.expertise.join(', ')}
        hint={t('settings.expertiseHint')}
        error={fieldError(error, 'expertise')}
      />
      <TextArea label={t('bio')} name="bio" defaultValue={member.bio ?? ''} error={fieldError(error, 'bio')} />
      <FormError error={error} />
      <div className="row">
        <button type="submit">{t('common:save')}</button>
        {saved && (
          <span role="status" className="muted">
            {t('common:saved')}
          </span>
        )}
      </div>
    </form>
  );
}

function CalendarFeed() {
  const { t } = useTranslation('directory');
  const feed = useApi<{ url: string }>('/calendar/feed');
  const [copied, setCopied] = useState(false);

  // The answer is the feed's new state: it replaces the cached one rather than refetching it.
  const rotate = useApiMutation(() => api<{ url: string }>('/calendar/feed/rotate', { method: 'POST' }), {
    onSuccess: feed.set,
  });

  return (
    <section className="card" aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">{t('settings.calendarFeed')}</h2>
      <p className="muted">{t('settings.calendarFeedHint')}</p>
      <Async state={feed}>
        {({ url }) => (
          <div className="row">
            <input readOnly value={url} aria-label={t('settings.calendarFeed')} size={60} />
            <button
              type="button"
              className="secondary"
              onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
            >
              {copied ? t('common:copied') : t('common:copy')}
            </button>
            <button type="button" className="secondary" onClick={() => void rotate.run()}>
              {t('settings.rotateFeed')}
            </button>
          </div>
        )}
      </Async>
      <FormError error={rotate.error} />
    </section>
  );
}

function Sessions() {
  const { t } = useTranslation('directory');
  const format = useFormat();
  const { signOut } = useSession();
  const sessions = useApi<SessionResponse[]>('/auth/sessions');

  const end = useApiMutation((id: string) => api(`/auth/sessions/${id}`, { method: 'DELETE' }), {
    invalidates: ['/auth/sessions'],
  });
  const everywhere = useApiMutation(() => api('/auth/logout-all', { method: 'POST' }), {
    onSuccess: () => void signOut(),
  });

  return (
    <section className="card" aria-labelledby="sessions">
      <h2 id="sessions">{t('settings.sessions')}</h2>
      <Async state={sessions}>
        {(items) => (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('settings.device')}</th>
                  <th scope="col">{t('settings.lastUsed')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('settings.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((session) => (
                  <tr key={session.id}>
                    <td>
                      {session.userAgent ?? '—'} {session.ip && <span className="muted">({session.ip})</span>}
                    </td>
                    <td>{format.dateTime(session.lastUsedAt)}</td>
                    <td>
                      {session.current ? (
                        <span className="tag">{t('settings.thisDevice')}</span>
                      ) : (
                        <button type="button" className="secondary" onClick={() => void end.run(session.id)}>
                          {t('settings.endSession')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
      <FormError error={end.error ?? everywhere.error} />
      <div className="row">
        <Link to="/change-password">{t('settings.changePassword')}</Link>
        <button type="button" className="danger" onClick={() => void everywhere.run()}>
          {t('settings.signOutEverywhere')}
        </button>
      </div>
    </section>
  );
}

export default function SettingsPage() {
  const { t } = useTranslation('directory');
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <ProfileForm />
      <NotificationSettings />
      <CalendarFeed />
      <Sessions />
      <Suspense fallback={<Loading />}>
        <TwoFactorSettings />
        <PrivacySettings />
      </Suspense>
    </>
  );
}
