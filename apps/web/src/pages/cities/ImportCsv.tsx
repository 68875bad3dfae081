import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorResponse, ImportResultResponse } from '@lcc/contracts';
import { ApiError, currentAccessToken, refreshSession, withQuery } from '../../api/client';
import { useInvalidate } from '../../api/query';
import { ErrorNotice } from '../../ui/states';
import { useApiMutation } from '../../ui/use-api';

async function sendCsv(text: string, dryRun: boolean, replace: boolean): Promise<ImportResultResponse> {
  const post = () => {
    const token = currentAccessToken();
    return fetch(withQuery('/api/indicator-values/import', { dryRun, replace }), {
      method: 'POST',
      headers: {
        'Content-Type': 'text/csv',
        Accept: 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: text,
      credentials: 'same-origin',
    });
  };
  let response = await post();
  if (response.status === 401 && currentAccessToken() && (await refreshSession())) response = await post();
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body ?? {}) as Partial<ErrorResponse>;
    throw new ApiError(
      response.status,
      error.code ?? 'HTTP_ERROR',
      error.message ?? response.statusText,
      error.details,
    );
  }
  return body as ImportResultResponse;
}

/**
 * Imports indicator values from a CSV file (the export format): a dry run first, whose row-by-row problems are
 * listed in a table; only a file that passed may then be imported.
 */
export function ImportCsv() {
  const { t } = useTranslation('cities');
  const id = useId();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [replace, setReplace] = useState(false);
  const [checked, setChecked] = useState<ImportResultResponse>();
  const [done, setDone] = useState<ImportResultResponse>();
  const send = useApiMutation(sendCsv);
  const invalidate = useInvalidate();
  const busy = send.pending;
  const error = send.error;

  function reset() {
    setChecked(undefined);
    setDone(undefined);
    send.reset();
  }

  async function run(dryRun: boolean) {
    const result = await send.run(text, dryRun, replace);
    if (!result) setChecked(undefined);
    else if (dryRun) setChecked(result);
    else {
      setDone(result);
      setChecked(undefined);
      // Imported figures change cities, their series and every analysis built on them.
      await invalidate(['/cities', '/indicator-values', '/analysis']);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(true);
  }

  const rowProblems = error?.code === 'IMPORT_FAILED' ? error.details : [];
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('import.title')}</h2>
      <p className="muted">{t('import.intro')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('import.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              const file = event.target.files?.[0];
              reset();
              if (!file) return;
              setFileName(file.name);
              void file.text().then(setText);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('import.text')}</label>
          <textarea
            id={`${id}-text`}
            rows={6}
            value={text}
            spellCheck={false}
            placeholder="indicator,country,city_id,city,year,value,unit,source,quality,visibility"
            onChange={(event) => {
              reset();
              setFileName('');
              setText(event.target.value);
            }}
          />
          {fileName && <small className="muted">{t('import.fromFile', { name: fileName })}</small>}
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={replace}
            onChange={(event) => {
              reset();
              setReplace(event.target.checked);
            }}
          />{' '}
          {t('import.replace')}
        </label>
        <p className="row">
          <button type="submit" disabled={busy || !text.trim()}>
            {t('import.check')}
          </button>
          <button type="button" disabled={busy || !checked} onClick={() => void run(false)}>
            {t('import.import')}
          </button>
        </p>
      </form>
      <div role="status" aria-live="polite">
        {checked && <p>{t('import.checked', { count: checked.rows })}</p>}
        {done && <p>{t('import.done', { created: done.created, updated: done.updated })}</p>}
      </div>
      {error && rowProblems.length === 0 && <ErrorNotice error={error} />}
      {rowProblems.length > 0 && (
        <div className="table-scroll">
          <p className="error" role="alert">
            {t('import.failed', { count: rowProblems.length })}
          </p>
          <table>
            <caption className="visually-hidden">{t('import.problems')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.where')}</th>
                <th scope="col">{t('import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {rowProblems.map((problem, index) => (
                <tr key={index}>
                  <th scope="row">{problem.field}</th>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
