import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  EnrolledTokenPairResponse,
  MemberResponse,
  SecondFactorChallengeResponse,
  TokenPairResponse,
  TwoFactorEnrolmentResponse,
} from '@lcc/contracts';
import { ApiError, api, setSession } from '../../api/client';
import { Field, FormError, fieldError } from '../../ui/form';
import { Loading } from '../../ui/states';
import { useApiMutation } from '../../ui/use-api';
import { CodeField, codeFrom } from './two-factor/CodeField';
import { EnrolmentForm } from './two-factor/EnrolmentForm';
import { RecoveryCodes } from './two-factor/RecoveryCodes';

interface StepProps {
  challenge: SecondFactorChallengeResponse;
  onSignedIn: (member: MemberResponse) => void;
  onRestart: () => void;
}

/** After the password: the authenticator's code (or a recovery code), or the set-up that staff must do first. */
export default function SecondFactorStep(props: StepProps) {
  return props.challenge.secondFactor === 'enrolment' ? <RequiredEnrolment {...props} /> : <CodeStep {...props} />;
}

function CodeStep({ challenge, onSignedIn, onRestart }: StepProps) {
  const { t } = useTranslation('twofactor');
  const [recovery, setRecovery] = useState(false);
  const verify = useApiMutation((body: { code?: string; recoveryCode?: string }) =>
    api<TokenPairResponse>('/auth/login/second-factor', {
      method: 'POST',
      body: { challengeToken: challenge.challengeToken, ...body },
    }),
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const pair = await verify.run(
      recovery ? { recoveryCode: String(form.get('recoveryCode') ?? '').trim() } : { code: codeFrom(form) },
    );
    if (!pair) return;
    setSession(pair);
    onSignedIn(pair.member);
  }

  return (
    <form className="card auth-form" onSubmit={(event) => void submit(event)}>
      <h1>{t('signIn.title')}</h1>
      {recovery ? (
        <>
          <p>{t('signIn.recoveryPrompt')}</p>
          <Field
            label={t('signIn.recoveryCode')}
            name="recoveryCode"
            autoComplete="off"
            spellCheck={false}
            required
            error={fieldError(verify.error, 'recoveryCode')}
          />
        </>
      ) : (
        <>
          <p>{t('signIn.codePrompt')}</p>
          <CodeField error={fieldError(verify.error, 'code')} />
        </>
      )}
      <FormError error={verify.error} />
      <button type="submit" disabled={verify.pending}>
        {t('signIn.submit')}
      </button>
      <p className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            verify.reset();
            setRecovery(!recovery);
          }}
        >
          {recovery ? t('signIn.useApp') : t('signIn.useRecovery')}
        </button>
        <Restart error={verify.error} onRestart={onRestart} />
      </p>
    </form>
  );
}

/** Staff whom the admins require to use two factors set up an authenticator before their first session. */
function RequiredEnrolment({ challenge, onSignedIn, onRestart }: StepProps) {
  const { t } = useTranslation('twofactor');
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolmentResponse>();
  const [enrolled, setEnrolled] = useState<EnrolledTokenPairResponse>();
  const body = { challengeToken: challenge.challengeToken };
  const start = useApiMutation(
    () => api<TwoFactorEnrolmentResponse>('/auth/login/second-factor/enrolment', { method: 'POST', body }),
    { onSuccess: setEnrolment },
  );
  const confirm = useApiMutation(
    (code: string) =>
      api<EnrolledTokenPairResponse>('/auth/login/second-factor/enrolment/confirm', {
        method: 'POST',
        body: { ...body, code },
      }),
    { onSuccess: setEnrolled },
  );
  const { run: begin } = start;
  useEffect(() => void begin(), [begin]);

  return (
    <div className="card auth-form">
      <h1>{t('signIn.enrolTitle')}</h1>
      {enrolled ? (
        <RecoveryCodes
          codes={enrolled.recoveryCodes}
          onDone={() => {
            setSession(enrolled);
            onSignedIn(enrolled.member);
          }}
        />
      ) : (
        <>
          <p>{t('signIn.enrolRequired')}</p>
          <p className="muted">{t('intro')}</p>
          {enrolment ? (
            <EnrolmentForm
              enrolment={enrolment}
              onConfirm={(code) => void confirm.run(code)}
              error={confirm.error}
              busy={confirm.pending}
            />
          ) : start.error ? (
            <FormError error={start.error} />
          ) : (
            <Loading />
          )}
          <Restart error={start.error ?? confirm.error} onRestart={onRestart} />
        </>
      )}
    </div>
  );
}

/** Once the challenge has expired, the only way on is the password again. */
function Restart({ error, onRestart }: { error: unknown; onRestart: () => void }) {
  const { t } = useTranslation('twofactor');
  if (!(error instanceof ApiError) || error.code !== 'TWO_FACTOR_CHALLENGE_INVALID') return null;
  return (
    <button type="button" className="secondary" onClick={onRestart}>
      {t('signIn.startOver')}
    </button>
  );
}
