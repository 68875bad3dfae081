import { useTranslation } from 'react-i18next';
import type { DocumentResponse } from '@lcc/contracts';
import { api } from '../../../api/client';
import { SelectField } from '../../../ui/form';
import { ErrorNotice } from '../../../ui/states';
import { useApiMutation } from '../../../ui/use-api';
import { useFolders } from '../FolderBar';

/**
 * The folder the document is kept in, for those who may edit it: a folder of the library or of its (first) working
 * group, or none. A folder of another group it is shared with is chosen from that group's library view.
 */
export function FolderChooser({
  document,
  onChanged,
}: {
  document: DocumentResponse;
  onChanged(changed: DocumentResponse): void;
}) {
  const { t } = useTranslation('documents');
  const library = useFolders(null);
  const group = useFolders(document.workingGroupId, document.workingGroupId !== null);
  const move = useApiMutation(
    (folderId: string) =>
      api<DocumentResponse>(`/documents/${document.id}/folder`, {
        method: 'PUT',
        body: { folderId: folderId || null },
      }),
    { invalidates: ['/documents', '/document-folders'], onSuccess: onChanged },
  );
  const options = [...(library.data?.items ?? []), ...(group.data?.items ?? [])].map((folder) => ({
    value: folder.id,
    label: folder.name,
  }));
  if (document.folderId && !options.some((option) => option.value === document.folderId)) {
    options.unshift({ value: document.folderId, label: t('folders.folder') });
  }
  return (
    <div className="folder-chooser">
      <SelectField
        label={t('folders.folder')}
        name="folderId"
        value={document.folderId ?? ''}
        disabled={move.pending}
        onChange={(event) => void move.run(event.target.value)}
        options={[{ value: '', label: t('folders.none') }, ...options]}
      />
      <ErrorNotice error={move.error} />
    </div>
  );
}
