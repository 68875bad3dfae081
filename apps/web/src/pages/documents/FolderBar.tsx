import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentFolderResponse, Page } from '@lcc/contracts';
import { api } from '../../api/client';
import { Field, fieldError } from '../../ui/form';
import { ErrorNotice } from '../../ui/states';
import { useApi, useApiMutation } from '../../ui/use-api';

/** The folders of the library, or of one working group when `workingGroupId` is given (by name). */
export function useFolders(workingGroupId: string | null | undefined, enabled = true) {
  const path = workingGroupId
    ? `/document-folders?workingGroupId=${workingGroupId}&limit=100`
    : '/document-folders?limit=100';
  return useApi<Page<DocumentFolderResponse>>(enabled ? path : null);
}

/**
 * Under the library's filters: a new folder where the reader is looking (the library, or the chosen group), and
 * renaming or deleting the chosen folder for its creator, the group's leads and coordinators.
 */
export function FolderBar({
  workingGroupId,
  folder,
  onChosen,
}: {
  workingGroupId: string | null;
  folder: DocumentFolderResponse | undefined;
  onChosen(folderId: string): void;
}) {
  const { t } = useTranslation('documents');
  const [name, setName] = useState('');
  const [newName, setNewName] = useState<string>();
  const create = useApiMutation(
    (folderName: string) =>
      api<DocumentFolderResponse>('/document-folders', {
        method: 'POST',
        body: workingGroupId ? { name: folderName, workingGroupId } : { name: folderName },
      }),
    {
      invalidates: ['/document-folders'],
      onSuccess: (created) => {
        setName('');
        onChosen(created.id);
      },
    },
  );
  const rename = useApiMutation(
    (folderName: string) =>
      api<DocumentFolderResponse>(`/document-folders/${folder!.id}`, { method: 'PATCH', body: { name: folderName } }),
    { invalidates: ['/document-folders'], onSuccess: () => setNewName(undefined) },
  );
  const remove = useApiMutation(() => api(`/document-folders/${folder!.id}`, { method: 'DELETE' }), {
    invalidates: ['/document-folders', '/documents'],
    onSuccess: () => onChosen(''),
  });

  function submitNew(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void create.run(name.trim());
  }
  function submitRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void rename.run((newName ?? '').trim());
  }

  return (
    <div className="folder-bar">
      <form className="row" onSubmit={submitNew} noValidate>
        <Field
          label={t('folders.newFolder')}
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          error={fieldError(create.error, 'name')}
        />
        <button type="submit" className="secondary" disabled={create.pending || !name.trim()}>
          {t('folders.create')}
        </button>
      </form>
      {folder?.canEdit && (
        <form className="row" onSubmit={submitRename} noValidate>
          <Field
            label={t('folders.rename')}
            value={newName ?? folder.name}
            maxLength={200}
            onChange={(event) => setNewName(event.target.value)}
            error={fieldError(rename.error, 'name')}
          />
          <button type="submit" className="secondary" disabled={rename.pending}>
            {t('folders.saveName')}
          </button>
          <button type="button" className="danger" disabled={remove.pending} onClick={() => void remove.run()}>
            {t('folders.delete')}
          </button>
        </form>
      )}
      <ErrorNotice error={remove.error} />
    </div>
  );
}
