import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentResponse } from '@lcc/contracts';
import { ApiError, api } from '../../../api/client';
import { ErrorNotice } from '../../../ui/states';
import { useApiMutation } from '../../../ui/use-api';
import { DocumentFields, placeError, readMetadata, splitTags } from '../DocumentFields';

/** The document's details as a form; saving refetches every list the document is in. */
export function EditDocumentForm({
  document,
  onDone,
}: {
  document: DocumentResponse;
  onDone(changed?: DocumentResponse): void;
}) {
  const { t } = useTranslation('documents');
  const save = useApiMutation(
    (metadata: ReturnType<typeof readMetadata>) =>
      api<DocumentResponse>(`/documents/${document.id}`, {
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
          workingGroupIds: metadata.workingGroupIds ? metadata.workingGroupIds.split(',') : [],
        },
      }),
    { invalidates: ['/documents'], onSuccess: onDone },
  );
  const busy = save.pending;
  const error = save.error && placeError(save.error, t);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save.run(readMetadata(new FormData(event.currentTarget)));
  }

  const formError = error instanceof ApiError && error.details.length === 0 ? error : undefined;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="document-edit">
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
            workingGroupIds: document.workingGroupIds.join(','),
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
