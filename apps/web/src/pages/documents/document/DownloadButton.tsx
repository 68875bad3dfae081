import { useTranslation } from 'react-i18next';
import type { DocumentResponse, DocumentVersionResponse } from '@lcc/contracts';
import { useSession } from '../../../api/session';
import { ErrorNotice } from '../../../ui/states';
import { useApiMutation } from '../../../ui/use-api';
import { downloadUrl, saveDownload } from '../download';

/** A download: for a member, fetched with the bearer token (and saved from a Blob); anonymous, a plain link. */
export function DownloadButton({
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
  const save = useApiMutation(() => saveDownload(document.id, version.fileName, number));
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
        disabled={save.pending}
        aria-busy={save.pending || undefined}
        onClick={() => void save.run()}
      >
        {save.pending ? t('document.downloading') : label}
      </button>
      <ErrorNotice error={save.error} />
    </div>
  );
}
