import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ExtractionStatus,
  NetworkRole,
  type DocumentDownloadResponse,
  type DocumentResponse,
  type DocumentVersionResponse,
  type WorkingGroupResponse,
} from '@lcc/contracts';
import { ApiError, api } from '../../api/client';
import { useSession } from '../../api/session';
import { useFormat } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useApi } from '../../ui/use-api';
import { DocumentFields, placeError, readMetadata, splitTags } from './DocumentFields';
import { FileDrop } from './FileDrop';
import { useDocumentOptions } from './document-options';
import { downloadUrl, saveDownload } from './download';
import { UploadProgress, fileErrorOf, isCancelled, useUpload } from './upload-state';
import { usePaged } from './use-paged';

/**
 * One document: its details, every version with its own download, a new version, who downloaded it (for the
 * uploader and coordinators), editing, deleting and restoring for those allowed. Public documents open for
 * anonymous visitors too.
 */
export default function DocumentPage() {
  const { id = '' } = useParams();
  // Keyed by the id: moving to another document starts from a clean slate, never showing the previous one.
  return <DocumentLoader key={id} id={id} />;
}

function DocumentLoader({ id }: { id: string }) {
  const { t } = useTranslation('documents');
  const { state } = useSession();
  // Wait for the session: a member reloading the page must not be served as anonymous.
  const ready = state.status !== 'loading';
  const document = useApi<DocumentResponse>(ready ? `/documents/${id}` : null);
  const versions = usePaged<DocumentVersionResponse>(ready ? `/documents/${id}/versions?limit=20` : null);
  // While a version's text is still being read, look again now and then (the status changes in the background).
  const reading = versions.items?.some((version) => version.extractionStatus === ExtractionStatus.Pending);
  const reloadVersions = versions.reload;
  useEffect(() => {
    if (!reading) return;
    const timer = setTimeout(reloadVersions, 3000);
    return () => clearTimeout(timer);
  }, [reading, versions.items, reloadVersions]);

  if (document.error) {
    return (
      <section>
        <p>
          <Link to={state.member ? '/documents' : '/library'}>{t('backToLibrary')}</Link>
        </p>
        <ErrorNotice error={document.error} />
        {!state.member && document.error.status === 404 && (
          <p>
            {t('document.signInToSee')}{' '}
            <Link to="/sign-in" state={{ from: `/documents/${id}` }}>
              {t('common:signIn')}
            </Link>
          </p>
        )}
      </section>
    );
  }
  if (!document.data) return <Loading />;
  return (
    <DocumentView
      document={document.data}
      onChanged={(changed) => {
        if (changed) document.set(changed);
        else document.reload();
        versions.reload();
      }}
      versions={versions}
    />
  );
}

function DocumentView({
  document,
  onChanged,
  versions,
}: {
  document: DocumentResponse;
  onChanged(changed?: DocumentResponse): void;
  versions: ReturnType<typeof usePaged<DocumentVersionResponse>>;
}) {
  const { t } = useTranslation('documents');
  const { state } = useSession();
  const navigate = useNavigate();
  const format = useFormat();
  const options = useDocumentOptions();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [actionError, setActionError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  // Where the keyboard focus goes back to when the edit form or the delete confirmation closes.
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState<'edit' | 'delete'>();
  useEffect(() => {
    if (refocus === 'edit') editButton.current?.focus();
    if (refocus === 'delete') deleteButton.current?.focus();
  }, [refocus, editing, confirmDelete]);
  const member = state.member;
  const staff = member?.role === NetworkRole.Admin || member?.role === NetworkRole.Coordinator;
  const deleted = document.deletedAt !== null;
  const mayEdit = document.canEdit && !deleted;
  const seesDownloads = Boolean(member) && (member?.id === document.uploadedBy.id || staff);
  const group = useApi<WorkingGroupResponse>(
    member && document.workingGroupId ? `/working-groups/${document.workingGroupId}` : null,
  );

  async function act(action: () => Promise<void>) {
    setActionError(undefined);
    setNotice(undefined);
    try {
      await action();
    } catch (failure) {
      setActionError(failure instanceof ApiError ? failure : new ApiError(0, 'NETWORK_ERROR', String(failure)));
    }
  }

  const remove = () =>
    act(async () => {
      await api(`/documents/${document.id}`, { method: 'DELETE' });
      setConfirmDelete(false);
      // Coordinators still see a deleted document (to restore it); others go back to the library.
      if (staff) onChanged();
      else navigate('/documents', { replace: true });
    });

  const restore = () =>
    act(async () => {
      onChanged(await api<DocumentResponse>(`/documents/${document.id}/restore`, { method: 'POST' }));
      setNotice(t('document.restored'));
    });

  const place = [document.city, document.country ? format.country(document.country) : null].filter(Boolean).join(', ');
  const latest = document.latestVersion;
  return (
    <article className="document-page" aria-labelledby="document-title">
      <p>
        <Link to={member ? '/documents' : '/library'}>{t('backToLibrary')}</Link>
      </p>
      <header className="spread">
        <h1 id="document-title">{document.title}</h1>
        <DownloadButton document={document} version={latest} primary />
      </header>
      {deleted && (
        <div className="card document-deleted" role="status">
          <p className="warning">{t('document.deletedOn', { date: format.dateTime(document.deletedAt!) })}</p>
          {staff && (
            <button type="button" onClick={() => void restore()}>
              {t('document.restore')}
            </button>
          )}
        </div>
      )}
      {notice && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
      <ErrorNotice error={actionError} />

      {editing ? (
        <EditForm
          document={document}
          onDone={(changed) => {
            setEditing(false);
            setRefocus('edit');
            if (changed) {
              onChanged(changed);
              setNotice(t('document.saved'));
            }
          }}
        />
      ) : (
        <section className="card" aria-labelledby="document-details">
          <h2 id="document-details" className="visually-hidden">
            {t('document.details')}
          </h2>
          {document.description && <p className="document-description">{document.description}</p>}
          <dl className="document-facts">
            <dt>{t('fields.kind')}</dt>
            <dd>{options.kindLabel(document.kind)}</dd>
            <dt>{t('fields.language')}</dt>
            <dd>{options.languageLabel(document.language)}</dd>
            {place && (
              <>
                <dt>{t('document.place')}</dt>
                <dd>{place}</dd>
              </>
            )}
            {document.year !== null && (
              <>
                <dt>{t('fields.year')}</dt>
                <dd>{document.year}</dd>
              </>
            )}
            <dt>{t('fields.visibility')}</dt>
            <dd>{options.visibilityLabel(document.visibility)}</dd>
            {document.workingGroupId && member && (
              <>
                <dt>{t('fields.workingGroup')}</dt>
                <dd>
                  <Link to={`/groups/${document.workingGroupId}`}>{group.data?.name ?? t('fields.workingGroup')}</Link>
                </dd>
              </>
            )}
            {document.tags.length > 0 && (
              <>
                <dt>{t('fields.tags')}</dt>
                <dd>
                  <ul className="row document-tags">
                    {document.tags.map((tag) => (
                      <li key={tag}>
                        <Link
                          className="tag"
                          to={`${member ? '/documents' : '/library'}?tag=${encodeURIComponent(tag)}`}
                        >
                          {tag}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>{t('document.uploadedBy')}</dt>
            <dd>
              {member ? (
                <Link to={`/members/${document.uploadedBy.id}`}>{document.uploadedBy.displayName}</Link>
              ) : (
                document.uploadedBy.displayName
              )}
            </dd>
            <dt>{t('document.created')}</dt>
            <dd>
              <time dateTime={document.createdAt}>{format.dateTime(document.createdAt)}</time>
            </dd>
            <dt>{t('document.updated')}</dt>
            <dd>
              <time dateTime={document.updatedAt}>{format.dateTime(document.updatedAt)}</time>
            </dd>
            <dt>{t('document.file')}</dt>
            <dd>{t('document.fileLine', { name: latest.fileName, size: format.bytes(latest.size) })}</dd>
            <dt>{t('document.downloadCount')}</dt>
            <dd>{format.number(document.downloadCount)}</dd>
          </dl>
          {mayEdit && (
            <div className="row">
              <button
                type="button"
                className="secondary"
                ref={editButton}
                onClick={() => {
                  setRefocus(undefined);
                  setEditing(true);
                }}
              >
                {t('document.edit')}
              </button>
              {confirmDelete ? (
                <span className="row" role="group" aria-label={t('document.confirmDelete')}>
                  <span>{t('document.confirmDelete')}</span>
                  <button type="button" className="danger" onClick={() => void remove()} autoFocus>
                    {t('document.delete')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setConfirmDelete(false);
                      setRefocus('delete');
                    }}
                  >
                    {t('common:cancel')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="danger"
                  ref={deleteButton}
                  onClick={() => {
                    setRefocus(undefined);
                    setConfirmDelete(true);
                  }}
                >
                  {t('document.delete')}
                </button>
              )}
            </div>
          )}
        </section>
      )}

      <Versions document={document} versions={versions} />
      {mayEdit && <NewVersion document={document} onUploaded={() => onChanged()} />}
      {/* Keyed by the last change, so a restore or a new version reloads the list. */}
      {seesDownloads && <Downloads key={document.updatedAt} document={document} />}
    </article>
  );
}

/** A download: for a member, fetched with the bearer token (and saved from a Blob); anonymous, a plain link. */
function DownloadButton({
  document,
  version,
  primary = false,
}: {
  document: DocumentResponse;
  version: DocumentVersionResponse;
  primary?: boolean;
}) {
  const { t } = useTranslation('documents');
  const { state } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const label = primary ? t('document.download') : t('versions.downloadVersion', { number: version.number });
  const number = primary ? undefined : version.number;

  if (!state.member) {
    return (
      <a className={primary ? 'button' : undefined} href={downloadUrl(document.id, number)} download={version.fileName}>
        {label}
      </a>
    );
  }
  return (
    <div className="document-download">
      <button
        type="button"
        className={primary ? undefined : 'secondary'}
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          saveDownload(document.id, version.fileName, number)
            .catch((failure: unknown) =>
              setError(failure instanceof ApiError ? failure : new ApiError(0, 'NETWORK_ERROR', String(failure))),
            )
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('document.downloading') : label}
      </button>
      <ErrorNotice error={error} />
    </div>
  );
}

function Versions({
  document,
  versions,
}: {
  document: DocumentResponse;
  versions: ReturnType<typeof usePaged<DocumentVersionResponse>>;
}) {
  const { t } = useTranslation('documents');
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="document-versions">
      <h2 id="document-versions">{t('versions.title', { count: document.versionCount })}</h2>
      {versions.error ? (
        <ErrorNotice error={versions.error} />
      ) : !versions.items ? (
        <Loading />
      ) : versions.items.length === 0 ? (
        <Empty>{t('versions.empty')}</Empty>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="document-versions" tabIndex={0}>
          <table className="document-table">
            <caption className="visually-hidden">{t('versions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('versions.number')}</th>
                <th scope="col">{t('versions.file')}</th>
                <th scope="col">{t('versions.size')}</th>
                <th scope="col">{t('versions.uploadedBy')}</th>
                <th scope="col">{t('versions.date')}</th>
                <th scope="col">{t('versions.text')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('document.download')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.items.map((version) => (
                <tr key={version.id}>
                  <th scope="row" data-label={t('versions.number')}>
                    {version.number}
                    {version.number === document.latestVersion.number && (
                      <>
                        {' '}
                        <span className="tag">{t('versions.latest')}</span>
                      </>
                    )}
                  </th>
                  <td className="document-file-name" data-label={t('versions.file')}>
                    {version.fileName}
                  </td>
                  <td data-label={t('versions.size')}>{format.bytes(version.size)}</td>
                  <td data-label={t('versions.uploadedBy')}>{version.uploadedBy.displayName}</td>
                  <td data-label={t('versions.date')}>
                    <time dateTime={version.createdAt}>{format.dateTime(version.createdAt)}</time>
                  </td>
                  <td data-label={t('versions.text')}>{t(`extraction.${version.extractionStatus}`)}</td>
                  <td>
                    <DownloadButton document={document} version={version} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {versions.hasMore && (
        <button type="button" className="secondary" onClick={versions.loadMore} disabled={versions.loadingMore}>
          {versions.loadingMore ? t('common:loading') : t('common:more')}
        </button>
      )}
    </section>
  );
}

function NewVersion({ document, onUploaded }: { document: DocumentResponse; onUploaded(): void }) {
  const { t } = useTranslation('documents');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const [fileMissing, setFileMissing] = useState(false);
  const transfer = useUpload<DocumentVersionResponse>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(undefined);
    setError(undefined);
    if (!file) {
      setFileMissing(true);
      return;
    }
    const element = event.currentTarget;
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const version = await transfer.start(`/documents/${document.id}/versions`, form);
      setFile(null);
      element.reset();
      setStatus(t('versions.uploaded', { number: version.number }));
      onUploaded();
    } catch (failure) {
      if (isCancelled(failure)) setStatus(t('upload.cancelled'));
      else setError(failure);
    }
  }

  const fileError = fileMissing ? t('file.required') : fileErrorOf(error, t);
  return (
    <section className="card" aria-labelledby="document-new-version">
      <h2 id="document-new-version">{t('versions.newTitle')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FileDrop
          label={t('versions.fileLabel')}
          file={file}
          disabled={transfer.busy}
          error={fileError}
          onFile={(chosen) => {
            setFile(chosen);
            setFileMissing(false);
            setError(undefined);
            setStatus(undefined);
          }}
        />
        <ErrorNotice error={error instanceof ApiError && !fileError ? error : undefined} />
        {status && (
          <p className="muted" role="status">
            {status}
          </p>
        )}
        {transfer.progress !== null ? (
          <UploadProgress progress={transfer.progress} onCancel={transfer.cancel} />
        ) : (
          <button type="submit">{t('versions.submit')}</button>
        )}
      </form>
    </section>
  );
}

function Downloads({ document }: { document: DocumentResponse }) {
  const { t } = useTranslation('documents');
  const format = useFormat();
  const downloads = usePaged<DocumentDownloadResponse>(`/documents/${document.id}/downloads?limit=20`);
  // Only the uploader and coordinators may see this list; anyone else simply does not get the section.
  if (downloads.error && (downloads.error.status === 403 || downloads.error.status === 404)) return null;
  return (
    <section className="card" aria-labelledby="document-downloads">
      <h2 id="document-downloads">{t('downloads.title')}</h2>
      {downloads.error ? (
        <ErrorNotice error={downloads.error} />
      ) : !downloads.items ? (
        <Loading />
      ) : downloads.items.length === 0 ? (
        <Empty>{t('downloads.empty')}</Empty>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="document-downloads" tabIndex={0}>
          <table className="document-table">
            <caption className="visually-hidden">{t('downloads.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('downloads.who')}</th>
                <th scope="col">{t('versions.number')}</th>
                <th scope="col">{t('downloads.when')}</th>
              </tr>
            </thead>
            <tbody>
              {downloads.items.map((download) => (
                <tr key={download.id}>
                  <td data-label={t('downloads.who')}>
                    {download.member ? (
                      <Link to={`/members/${download.member.id}`}>{download.member.displayName}</Link>
                    ) : (
                      <span className="muted">{t('downloads.anonymous')}</span>
                    )}
                  </td>
                  <td data-label={t('versions.number')}>{download.versionNumber}</td>
                  <td data-label={t('downloads.when')}>
                    <time dateTime={download.createdAt}>{format.dateTime(download.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {downloads.hasMore && (
        <button type="button" className="secondary" onClick={downloads.loadMore} disabled={downloads.loadingMore}>
          {downloads.loadingMore ? t('common:loading') : t('common:more')}
        </button>
      )}
    </section>
  );
}

function EditForm({ document, onDone }: { document: DocumentResponse; onDone(changed?: DocumentResponse): void }) {
  const { t } = useTranslation('documents');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const metadata = readMetadata(new FormData(event.currentTarget));
    setBusy(true);
    setError(undefined);
    try {
      const changed = await api<DocumentResponse>(`/documents/${document.id}`, {
        method: 'PATCH',
        body: {
          title: metadata.title,
          description: metadata.description || null,
          kind: metadata.kind,
          language: metadata.language,
          country: metadata.country || null,
          city: metadata.city || null,
          year: metadata.year ? Number(metadata.year) : null,
          tags: splitTags(metadata.tags),
          visibility: metadata.visibility,
          workingGroupId: metadata.workingGroupId || null,
        },
      });
      onDone(changed);
    } catch (failure) {
      setError(placeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  const formError = error instanceof ApiError && error.details.length === 0 ? error : undefined;
  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="document-edit">
      <h2 id="document-edit">{t('document.editTitle')}</h2>
      <fieldset className="document-fieldset" disabled={busy}>
        <legend className="visually-hidden">{t('document.editTitle')}</legend>
        <DocumentFields
          autoFocus
          error={error}
          defaults={{
            title: document.title,
            description: document.description ?? '',
            kind: document.kind,
            language: document.language,
            country: document.country ?? '',
            city: document.city ?? '',
            year: document.year === null ? '' : String(document.year),
            tags: document.tags.join(', '),
            visibility: document.visibility,
            workingGroupId: document.workingGroupId ?? '',
          }}
        />
      </fieldset>
      {error instanceof ApiError && error.details.length > 0 && (
        <p className="error" role="alert">
          {t('upload.checkFields')}
        </p>
      )}
      <ErrorNotice error={formError} />
      <div className="row">
        <button type="submit" disabled={busy}>
          {t('common:save')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone()} disabled={busy}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
