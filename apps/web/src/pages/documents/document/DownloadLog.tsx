import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentDownloadResponse, DocumentResponse } from '@lcc/contracts';
import { useFormat } from '../../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../../ui/states';
import { usePages } from '../../../ui/use-api';

/** Who downloaded the document: for its uploader and coordinators only. */
export function DownloadLog({ document }: { document: DocumentResponse }) {
  const { t } = useTranslation('documents');
  const format = useFormat();
  const downloads = usePages<DocumentDownloadResponse>(
    `/documents/${document.id}/downloads`,
    { limit: 20 },
    { keepPrevious: false },
  );
  // Only the uploader and coordinators may see this list; anyone else simply does not get the section.
  if (downloads.error && (downloads.error.status === 403 || downloads.error.status === 404)) return null;
  return (
    <section className="card" aria-labelledby="document-downloads">
      <h2 id="document-downloads">{t('downloads.title')}</h2>
      {downloads.error ? (
        <ErrorNotice error={downloads.error} />
      ) : !downloads.data ? (
        <Loading />
      ) : downloads.data.length === 0 ? (
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
              {downloads.data.map((download) => (
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
