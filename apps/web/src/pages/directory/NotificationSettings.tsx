import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MailFrequency, type NotificationPreferencesResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { Field, FormError, SelectField, fieldError } from '../../ui/form';
import { Async } from '../../ui/states';
import { useApi, useApiMutation } from '../../ui/use-api';

const PATH = '/members/me/notification-preferences';
const KINDS = ['mentions', 'directMessages', 'meetings', 'groupRequests', 'documents'] as const;

/** E-mail per kind of notification (at once, daily digest, never), the digest hour and quiet hours. */
export function NotificationSettings() {
  const { t } = useTranslation('mail');
  const preferences = useApi<NotificationPreferencesResponse>(PATH);
  const save = useApiMutation(
    (body: Partial<NotificationPreferencesResponse>) =>
      api<NotificationPreferencesResponse>(PATH, { method: 'PUT', body }),
    { invalidates: [PATH] },
  );
  const frequencies = Object.values(MailFrequency).map((value) => ({
    value,
    label: t(`preferences.frequency.${value}`),
  }));
  const hours = Array.from({ length: 24 }, (_, hour) => ({
    value: String(hour),
    label: `${String(hour).padStart(2, '0')}:00`,
  }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const quiet = form.get('quiet') === 'on';
    void save.run({
      ...Object.fromEntries(KINDS.map((kind) => [kind, text(kind) as MailFrequency])),
      digestHour: Number(text('digestHour')),
      quietHoursStart: quiet ? text('quietHoursStart') : null,
      quietHoursEnd: quiet ? text('quietHoursEnd') : null,
    });
  }

  return (
    <section className="card" id="notifications" aria-labelledby="notification-mail">
      <h2 id="notification-mail">{t('preferences.title')}</h2>
      <Async state={preferences}>
        {(current) => (
          <form onSubmit={submit}>
            <p className="muted">{t('preferences.intro', { timeZone: current.timeZone })}</p>
            {KINDS.map((kind) => (
              <SelectField
                key={kind}
                label={t(`preferences.kind.${kind}`)}
                name={kind}
                defaultValue={current[kind]}
                options={frequencies}
                error={fieldError(save.error, kind)}
              />
            ))}
            <SelectField
              label={t('preferences.digestHour')}
              name="digestHour"
              defaultValue={String(current.digestHour)}
              options={hours}
              error={fieldError(save.error, 'digestHour')}
            />
            <fieldset>
              <legend>{t('preferences.quietHours')}</legend>
              <p className="muted">{t('preferences.quietHoursHint')}</p>
              <label className="row">
                <input type="checkbox" name="quiet" defaultChecked={current.quietHoursStart !== null} />
                {t('preferences.quietHoursOn')}
              </label>
              <div className="row">
                <Field
                  label={t('preferences.from')}
                  name="quietHoursStart"
                  type="time"
                  defaultValue={current.quietHoursStart ?? '22:00'}
                  error={fieldError(save.error, 'quietHoursStart')}
                />
                <Field
                  label={t('preferences.until')}
                  name="quietHoursEnd"
                  type="time"
                  defaultValue={current.quietHoursEnd ?? '07:00'}
                  error={fieldError(save.error, 'quietHoursEnd')}
                />
              </div>
            </fieldset>
            <FormError error={save.error} />
            <div className="row">
              <button type="submit" disabled={save.pending}>
                {t('common:save')}
              </button>
              {save.data && !save.pending && (
                <span role="status" className="muted">
                  {t('common:saved')}
                </span>
              )}
            </div>
          </form>
        )}
      </Async>
    </section>
  );
}
