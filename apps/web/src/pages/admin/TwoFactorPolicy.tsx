import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TwoFactorPolicyResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { FormError } from '../../ui/form';
import { Async } from '../../ui/states';
import { useApi, useApiMutation } from '../../ui/use-api';

const PATH = '/auth/two-factor/policy';

/** The admins' setting: admins and coordinators must sign in with two factors (they enrol at their next sign-in). */
export function TwoFactorPolicy() {
  const { t } = useTranslation('twofactor');
  const policy = useApi<TwoFactorPolicyResponse>(PATH);
  const save = useApiMutation(
    (requiredForStaff: boolean) => api<TwoFactorPolicyResponse>(PATH, { method: 'PUT', body: { requiredForStaff } }),
    { invalidates: ['/audit'], onSuccess: policy.set },
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save.run(new FormData(event.currentTarget).get('requiredForStaff') === 'on');
  }

  return (
    <section className="card" aria-labelledby="two-factor-policy">
      <h2 id="two-factor-policy">{t('title')}</h2>
      <Async state={policy}>
        {(current) => (
          <form onSubmit={submit}>
            <div className="field">
              <label>
                <input
                  type="checkbox"
                  name="requiredForStaff"
                  defaultChecked={current.requiredForStaff}
                  aria-describedby="two-factor-policy-hint"
                />{' '}
                {t('admin.requireForStaff')}
              </label>
              <small id="two-factor-policy-hint" className="muted">
                {t('admin.requireForStaffHint')}
              </small>
            </div>
            <FormError error={save.error} />
            <div className="row">
              <button type="submit" disabled={save.pending}>
                {t('common:save')}
              </button>
              {save.data && (
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
