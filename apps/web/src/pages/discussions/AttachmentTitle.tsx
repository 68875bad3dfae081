import { useTranslation } from 'react-i18next';
import type { DocumentResponse } from '@lcc/contracts';
import { useApi } from '../../ui/use-api';

/**
 * An attachment's title. A live message names its attachments without titles (its readers differ in rights), so the
 * reader asks for the document; one they may not open stays "Document".
 */
export function AttachmentTitle({ documentId, title }: { documentId: string; title: string | null }) {
  const { t } = useTranslation('discussions');
  const document = useApi<DocumentResponse>(title === null ? `/documents/${documentId}` : null);
  return <>{title ?? document.data?.title ?? t('document')}</>;
}
