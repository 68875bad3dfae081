import { useTranslation } from 'react-i18next';
import type { DocumentResponse, WorkingGroupResponse } from '@lcc/contracts';
import { api } from '../../../api/client';
import { SelectField } from '../../../ui/form';
import { ErrorNotice } from '../../../ui/states';
import { useApi, useApiMutation } from '../../../ui/use-api';
import { useFolders } from '../FolderBar';

/**
 * Where the document is kept: its folder of the library, and its folder in each working group it is shared with
 * whose insides the reader sees (`groupFolders`). Those who may edit it choose each one; others read them.
 */
export function FolderChooser({
  document,
  onChanged,
}: {
  document: DocumentResponse;
  onChanged(changed: DocumentResponse): void;
}) {
  const { t } = useTranslation('documents');
  return (
    <section className="card folder-chooser" aria-labelledby="document-folders">
      <h2 id="document-folders">{t('folders.places')}</h2>
      <FolderPlace document={document} workingGroupId={null} folderId={document.folderId} onChanged={onChanged} />
      {document.groupFolders.map((place) => (
        <FolderPlace
          key={place.workingGroupId}
          document={document}
          workingGroupId={place.workingGroupId}
          folderId={place.folderId}
          onChanged={onChanged}
        />
      ))}
    </section>
  );
}

/** One place: the library (`workingGroupId` null) or one group, with that place's folders. */
function FolderPlace({
  document,
  workingGroupId,
  folderId,
  onChanged,
}: {
  document: DocumentResponse;
  workingGroupId: string | null;
  folderId: string | null;
  onChanged(changed: DocumentResponse): void;
}) {
  const { t } = useTranslation('documents');
  const folders = useFolders(workingGroupId);
  const group = useApi<WorkingGroupResponse>(workingGroupId ? `/working-groups/${workingGroupId}` : null);
  const move = useApiMutation(
    (chosen: string) =>
      api<DocumentResponse>(`/documents/${document.id}/folder`, {
        method: 'PUT',
        body: chosen ? { folderId: chosen } : { folderId: null, ...(workingGroupId ? { workingGroupId } : {}) },
      }),
    { invalidates: ['/documents', '/document-folders'], onSuccess: onChanged },
  );
  const where = workingGroupId
    ? t('folders.inGroup', { group: group.data?.name ?? t('fields.workingGroup') })
    : t('folders.inLibrary');
  const options = (folders.data?.items ?? []).map((folder) => ({ value: folder.id, label: folder.name }));
  if (folderId && !options.some((option) => option.value === folderId)) {
    options.unshift({ value: folderId, label: t('folders.folder') });
  }
  if (!document.canEdit || document.deletedAt) {
    return (
      <p className="folder-place">
        <span className="muted">{where}:</span>{' '}
        {folderId ? (options.find((option) => option.value === folderId)?.label ?? '') : t('folders.none')}
      </p>
    );
  }
  return (
    <div className="folder-place">
      <SelectField
        label={where}
        name={workingGroupId ? `folderId-${workingGroupId}` : 'folderId'}
        value={folderId ?? ''}
        disabled={move.pending}
        onChange={(event) => void move.run(event.target.value)}
        options={[{ value: '', label: t('folders.none') }, ...options]}
      />
      <ErrorNotice error={move.error} />
    </div>
  );
}
