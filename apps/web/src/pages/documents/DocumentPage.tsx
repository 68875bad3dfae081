import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ExtractionStatus, NetworkRole, type DocumentResponse, type DocumentVersionResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useInvalidate } from '../../api/query';
import { useSession } from '../../api/session';
import { useFormat } from '../../ui/format';
import { ErrorNotice, Loading } from '../../ui/states';
import { useApi, useApiMutation, usePages, type Pages } from '../../ui/use-api';
import { DocumentFacts } from './document/DocumentFacts';
import { DownloadButton } from './document/DownloadButton';
import { DownloadLog } from './document/DownloadLog';
import { EditDocumentForm } from './document/EditDocumentForm';
import { FolderChooser } from './document/FolderChooser';
import { NewVersionForm } from './document/NewVersionForm';
import { VersionList } from './document/VersionList';
import { DocumentPreview } from './preview/DocumentPreview';

/**
 * One document: its details, every version with its own download, a new version, who downloaded it (for the
 * uploader and coordinators), editing, deleting and restoring for those allowed. Public documents open for
 * anonymous visitors too. Each section is its own file under `document/`.
 */
export default function DocumentPage() {
  const { id = '' } = useParams();
  // Keyed by the id: moving to another document starts from a clean slate, never showing the previous one.
  return <DocumentLoader key={id} id={id} />;
}

function DocumentLoader({ id }: { id: string }) {
  const { t } = useTranslation('documents');
  const { state } = useSession();
  // Queries wait for the session: a member reloading the page is never served as anonymous.
  const document = useApi<DocumentResponse>(`/documents/${id}`);
  const versions = usePages<DocumentVersionResponse>(
    `/documents/${id}/versions`,
    { limit: 20 },
    { keepPrevious: false },
  );
  // A member's page hears `document.updated` when a version's text has been read (the query layer refetches).
  // Anonymous visitors of a public document have no socket: their page looks again now and then instead.
  const reading = versions.data?.some((version) => version.extractionStatus === ExtractionStatus.Pending);
  const anonymous = state.status !== 'loading' && !state.member;
  const reloadVersions = versions.reload;
  useEffect(() => {
    if (!reading || !anonymous) return;
    const timer = setTimeout(reloadVersions, 5000);
    return () => clearTimeout(timer);
  }, [reading, anonymous, versions.data, reloadVersions]);

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
  return <DocumentView document={document.data} onChanged={document.set} versions={versions} />;
}

function DocumentView({
  document,
  onChanged,
  versions,
}: {
  document: DocumentResponse;
  /** Shows the document as a change returned it (the lists refetch through the query layer). */
  onChanged(changed: DocumentResponse): void;
  versions: Pages<DocumentVersionResponse>;
}) {
  const { t } = useTranslation('documents');
  const { state } = useSession();
  const navigate = useNavigate();
  const format = useFormat();
  const invalidate = useInvalidate();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
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

  const remove = useApiMutation(() => api(`/documents/${document.id}`, { method: 'DELETE' }), {
    onSuccess: () => {
      setConfirmDelete(false);
      // Coordinators still see a deleted document (to restore it); others go back to the library.
      if (!staff) navigate('/documents', { replace: true });
      void invalidate(['/documents']);
    },
  });
  const restore = useApiMutation(() => api<DocumentResponse>(`/documents/${document.id}/restore`, { method: 'POST' }), {
    invalidates: ['/documents'],
    onSuccess: (restored) => {
      onChanged(restored);
      setNotice(t('document.restored'));
    },
  });
  const act = (mutation: typeof remove | typeof restore) => {
    setNotice(undefined);
    void mutation.run();
  };
  const actionError = remove.error ?? restore.error;

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
            <button type="button" onClick={() => act(restore)}>
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
        <EditDocumentForm
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
          <DocumentFacts document={document} />
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
                  <button type="button" className="danger" onClick={() => act(remove)} autoFocus>
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

      {state.member && !editing && <FolderChooser document={document} onChanged={onChanged} />}
      {!deleted && <DocumentPreview key={latest.id} document={document} />}
      <VersionList document={document} versions={versions} />
      {mayEdit && <NewVersionForm document={document} onUploaded={() => void invalidate(['/documents'])} />}
      {/* Keyed by the last change, so a restore or a new version reloads the list. */}
      {seesDownloads && <DownloadLog key={document.updatedAt} document={document} />}
    </article>
  );
}
