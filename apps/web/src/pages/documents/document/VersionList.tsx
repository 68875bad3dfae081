import { useTranslation } from 'react-i18next';
import type { DocumentResponse, DocumentVersionResponse } from '@lcc/contracts';
import { api } from '../../../api/client';
import { useFormat } from '../../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../../ui/states';
import { useApiMutation, type Pages } from '../../../ui/use-api';
import { DownloadButton } from './DownloadButton';
import { personName } from '../../../ui/person-name';

/** Makes an older version the newest again (a new version with its bytes); the page refetches on success. */
function RestoreButton({ document, version }: { document: DocumentResponse; version: DocumentVersionResponse }) {
  const { t } = useTranslation('documents');
  const restore = useApiMutation(
    () =>
      api<DocumentVersionResponse>(`/documents/${document.id}/versions/${version.number}/restore`, {
        method: 'POST',
        body: {},
      }),
    { invalidates: [`/documents/${document.id}`, '/documents'] },
  );
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={restore.pending}
        aria-label={t('versions.restoreVersion', { number: version.number })}
        onClick={() => void restore.run()}
      >
        {t('versions.restore')}
      </button>
      <ErrorNotice error={restore.error} />
    </>
  );
}

/** Every version of the document, each with its own download; editors restore an older one as the newest. */
export function VersionList({
  document,
  versions,
}: {
  document: DocumentResponse;
  versions: Pages<DocumentVersionResponse>;
}) {
  const { t } = useTranslation('documents');
  const format = useFormat();
  const mayRestore = document.canEdit && document.deletedAt === null;
  return (
    <section className="card" aria-labelledby="document-versions">
      <h2 id="document-versions">{t('versions.title', { count: document.versionCount })}</h2>
      {versions.error ? (
        <ErrorNotice error={versions.error} />
      ) : !versions.data ? (
        <Loading />
      ) : versions.data.length === 0 ? (
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
              {versions.data.map((version) => (
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
                    {version.restoredFromNumber !== null && (
                      <small className="muted version-restored">
                        {t('versions.restoredFrom', { number: version.restoredFromNumber })}
                      </small>
                    )}
                    {version.note && <p className="version-note">{version.note}</p>}
                  </td>
                  <td data-label={t('versions.size')}>{format.bytes(version.size)}</td>
                  <td data-label={t('versions.uploadedBy')}>{personName(t, version.uploadedBy)}</td>
                  <td data-label={t('versions.date')}>
                    <time dateTime={version.createdAt}>{format.dateTime(version.createdAt)}</time>
                  </td>
                  <td data-label={t('versions.text')}>{t(`extraction.${version.extractionStatus}`)}</td>
                  <td>
                    <DownloadButton document={document} version={version} />
                    {mayRestore && version.number !== document.latestVersion.number && (
                      <RestoreButton document={document} version={version} />
                    )}
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
