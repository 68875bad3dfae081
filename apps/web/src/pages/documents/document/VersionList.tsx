import { useTranslation } from 'react-i18next';
import type { DocumentResponse, DocumentVersionResponse } from '@lcc/contracts';
import { useFormat } from '../../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../../ui/states';
import type { Pages } from '../../../ui/use-api';
import { DownloadButton } from './DownloadButton';

/** Every version of the document, each with its own download. */
export function VersionList({
  document,
  versions,
}: {
  document: DocumentResponse;
  versions: Pages<DocumentVersionResponse>;
}) {
  const { t } = useTranslation('documents');
  const format = useFormat();
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
