import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ContactField,
  DataExportStatus,
  DeletedMessages,
  DirectoryVisibility,
  type DataExportResponse,
  type MemberResponse,
} from '@lcc/contracts';
import { api, fetchFile } from '../../api/client';
import { useMember, useSession } from '../../api/session';
import { useFormat } from '../../ui/format';
import { Field, FormError, fieldError } from '../../ui/form';
import { saveFile } from '../../ui/save-file';
import { useApi, useApiMutation } from '../../ui/use-api';
import './privacy.css';

/** How often the page asks whether a requested archive is ready. */
const POLL_MS = 2000;

/** Who finds me in the directory, and which contact fields my profile shows. */
function DirectoryChoices() {
  const { t } = useTranslation('privacy');
  const member = useMember();
  const { updateMember } = useSession();
  const privacy = member.privacy ?? {
    directoryVisibility: DirectoryVisibility.Network,
    shownContactFields: [ContactField.Organization, ContactField.City],
  };
  const [saved, setSaved] = useState(false);
  const save = useApiMutation(
    (body: Record<string, unknown>) => api<MemberResponse>('/members/me', { method: 'PATCH', body }),
    { invalidates: ['/members'] },
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    const updated = await save.run({
      directoryVisibility: String(form.get('directoryVisibility')),
      shownContactFields: form.getAll('shownContactFields').map(String),
    });
    if (!updated) return;
    updateMember(updated);
    setSaved(true);
  }

  return (
    <form className="card privacy" aria-labelledby="privacy-directory" onSubmit={(event) => void submit(event)}>
      <h2 id="privacy-directory">{t('directory.title')}</h2>
      <fieldset>
        <legend>{t('directory.visibility')}</legend>
        {Object.values(DirectoryVisibility).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="directoryVisibility"
              value={value}
              defaultChecked={privacy.directoryVisibility === value}
            />
            <span>
              {t(`directory.visibilityOption.${value}`)}
              <span className="muted"> — {t(`directory.visibilityHint.${value}`)}</span>
            </span>
          </label>
        ))}
        {fieldError(save.error, 'directoryVisibility') && (
          <p className="field-error">{fieldError(save.error, 'directoryVisibility')}</p>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('directory.contactFields')}</legend>
        {Object.values(ContactField).map((value) => (
          <label key={value} className="choice">
            <input
              type="checkbox"
              name="shownContactFields"
              value={value}
              defaultChecked={privacy.shownContactFields.includes(value)}
            />
            <span>{t(`directory.contactField.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="muted">{t('directory.staffNote')}</p>
      <FormError error={save.error} />
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

/** "Download my data": ask, watch it being prepared, download it until it expires. */
function DataExport() {
  const { t } = useTranslation('privacy');
  const format = useFormat();
  const exports = useApi<DataExportResponse[]>('/data-exports');
  const latest = exports.data?.[0];
  const preparing = latest?.status === DataExportStatus.Requested;
  const { reload } = exports;
  const request = useApiMutation(() => api<DataExportResponse>('/data-exports', { method: 'POST' }), {
    invalidates: ['/data-exports'],
  });
  const [downloadError, setDownloadError] = useState<unknown>();

  useEffect(() => {
    if (!preparing) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [preparing, reload]);

  async function download(item: DataExportResponse) {
    setDownloadError(undefined);
    try {
      const response = await fetchFile(`/data-exports/${item.id}/download`);
      saveFile(await response.blob(), `lcc-portal-data-${item.requestedAt.slice(0, 10)}.zip`);
    } catch (error) {
      setDownloadError(error);
    }
  }

  return (
    <section className="card privacy" aria-labelledby="privacy-export">
      <h2 id="privacy-export">{t('export.title')}</h2>
      <p className="muted">{t('export.intro')}</p>
      <div role="status" aria-live="polite">
        {latest?.status === DataExportStatus.Requested && <p>{t('export.preparing')}</p>}
        {latest?.status === DataExportStatus.Ready && latest.expiresAt && (
          <p>{t('export.ready', { until: format.dateTime(latest.expiresAt) })}</p>
        )}
        {latest?.status === DataExportStatus.Failed && <p className="field-error">{t('export.failed')}</p>}
      </div>
      <FormError error={request.error ?? downloadError ?? exports.error} />
      <div className="row">
        {latest?.status === DataExportStatus.Ready && (
          <button type="button" onClick={() => void download(latest)}>
            {t('export.download')}
          </button>
        )}
        <button
          type="button"
          className={latest?.status === DataExportStatus.Ready ? 'secondary' : undefined}
          disabled={preparing || request.pending}
          onClick={() => void request.run()}
        >
          {latest ? t('export.requestAgain') : t('export.request')}
        </button>
      </div>
    </section>
  );
}

/** Deleting my account: a clear warning, my password, and what becomes of my messages. */
function DeleteAccount() {
  const { t } = useTranslation('privacy');
  const { signOut } = useSession();
  const [confirming, setConfirming] = useState(false);
  const remove = useApiMutation(
    (body: { password: string; messages: string }) => api<void>('/members/me/deletion', { method: 'POST', body }),
    { onSuccess: () => void signOut() },
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void remove.run({ password: String(form.get('password') ?? ''), messages: String(form.get('messages')) });
  }

  return (
    <section className="card privacy danger-zone" aria-labelledby="privacy-delete">
      <h2 id="privacy-delete">{t('delete.title')}</h2>
      <p>{t('delete.warning')}</p>
      {!confirming ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('delete.start')}
        </button>
      ) : (
        <form onSubmit={submit}>
          <fieldset>
            <legend>{t('delete.messages')}</legend>
            {Object.values(DeletedMessages).map((value) => (
              <label key={value} className="choice">
                <input type="radio" name="messages" value={value} defaultChecked={value === DeletedMessages.Keep} />
                <span>{t(`delete.messagesOption.${value}`)}</span>
              </label>
            ))}
          </fieldset>
          <Field
            label={t('delete.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={fieldError(remove.error, 'password')}
          />
          <FormError error={remove.error} />
          <div className="row">
            <button type="submit" className="danger" disabled={remove.pending}>
              {t('delete.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('common:cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The Privacy part of the settings page (loaded with its own chunk and catalogue). */
export default function PrivacySettings() {
  const { t } = useTranslation('privacy');
  return (
    <div id="privacy" aria-label={t('title')}>
      <DirectoryChoices />
      <DataExport />
      <DeleteAccount />
    </div>
  );
}
