import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { MemberStatus, type MemberResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { isLanguage } from '../../i18n';
import { browserTimeZone } from '../../ui/format';
import { Field, FormError, SelectField, fieldError } from '../../ui/form';
import { useMemberOptions } from '../../ui/options';
import { useApiMutation } from '../../ui/use-api';

export default function RegisterPage() {
  const { t, i18n } = useTranslation('auth');
  const [params] = useSearchParams();
  const invitationToken = params.get('invitation') ?? undefined;
  const options = useMemberOptions();
  const { signIn } = useSession();
  const [registered, setRegistered] = useState<MemberResponse>();
  // Signing in belongs to the same step: its failure shows on this form too.
  const register = useApiMutation(async (form: FormData) => {
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const member = await api<MemberResponse>('/auth/register', {
      method: 'POST',
      body: {
        email: text('email'),
        password: String(form.get('password') ?? ''),
        displayName: text('displayName'),
        memberType: text('memberType'),
        country: text('country'),
        organization: text('organization'),
        city: text('city'),
        language: text('language'),
        timeZone: text('timeZone'),
        invitationToken,
      },
    });
    if (member.status === MemberStatus.Active) await signIn(String(form.get('email')), String(form.get('password')));
    return member;
  });
  const { error, pending: busy } = register;

  // Both choices are asked here, in the reader's language, before the API would word it in English.
  const [unchosen, setUnchosen] = useState<string[]>([]);
  const choiceError = (field: 'memberType' | 'country') =>
    unchosen.includes(field)
      ? t(field === 'memberType' ? 'register.chooseMemberType' : 'register.chooseCountry')
      : fieldError(error, field);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const missing = ['memberType', 'country'].filter((field) => !form.get(field));
    setUnchosen(missing);
    if (missing.length > 0) return;
    const member = await register.run(form);
    if (member) setRegistered(member);
  }

  if (registered) {
    return (
      <section className="card auth-form" aria-live="polite">
        <h1>{t('register.doneTitle')}</h1>
        <p>{registered.status === MemberStatus.Pending ? t('register.pending') : t('register.active')}</p>
        <Link to={registered.status === MemberStatus.Pending ? '/sign-in' : '/'}>{t('register.continue')}</Link>
      </section>
    );
  }

  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <form className="card auth-form" onSubmit={(event) => void submit(event)} noValidate>
      <h1>{invitationToken ? t('register.invitedTitle') : t('register.title')}</h1>
      {invitationToken && <p className="muted">{t('register.invitedHint')}</p>}
      <Field
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fieldError(error, 'email')}
      />
      <Field
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint={t('passwordRule')}
        error={fieldError(error, 'password')}
      />
      <Field
        label={t('displayName')}
        name="displayName"
        required
        autoComplete="name"
        error={fieldError(error, 'displayName')}
      />
      {/* Nothing is preselected: a default would be kept by whoever did not look (the API requires both). */}
      <SelectField
        label={t('memberType')}
        name="memberType"
        defaultValue=""
        required
        options={[{ value: '', label: t('common:choose') }, ...options.memberTypes]}
        error={choiceError('memberType')}
      />
      <SelectField
        label={t('country')}
        name="country"
        defaultValue=""
        required
        options={[{ value: '', label: t('common:choose') }, ...options.countries]}
        error={choiceError('country')}
      />
      <Field
        label={t('organization')}
        name="organization"
        autoComplete="organization"
        error={fieldError(error, 'organization')}
      />
      <Field label={t('city')} name="city" error={fieldError(error, 'city')} />
      <SelectField label={t('language')} name="language" defaultValue={language} options={options.languages} />
      <SelectField
        label={t('timeZone')}
        name="timeZone"
        defaultValue={browserTimeZone()}
        options={options.timeZones}
        error={fieldError(error, 'timeZone')}
      />
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {t('register.submit')}
      </button>
    </form>
  );
}
