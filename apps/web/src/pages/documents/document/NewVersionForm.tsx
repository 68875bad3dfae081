import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentResponse, DocumentVersionResponse } from '@lcc/contracts';
import { ApiError } from '../../../api/client';
import { TextArea } from '../../../ui/form';
import { ErrorNotice } from '../../../ui/states';
import { FileDrop } from '../FileDrop';
import { UploadProgress, fileErrorOf, isCancelled, useUpload } from '../upload-state';

/** A new file for the document; the upload reports progress and can be cancelled. */
export function NewVersionForm({ document, onUploaded }: { document: DocumentResponse; onUploaded(): void }) {
  const { t } = useTranslation('documents');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const [fileMissing, setFileMissing] = useState(false);
  const [note, setNote] = useState('');
  const transfer = useUpload<DocumentVersionResponse>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(undefined);
    setError(undefined);
    if (!file) {
      setFileMissing(true);
      return;
    }
    const element = event.currentTarget;
    const form = new FormData();
    // Fields before the file: the server reads them first.
    if (note.trim()) form.append('note', note.trim());
    form.append('file', file, file.name);
    try {
      const version = await transfer.start(`/documents/${document.id}/versions`, form);
      setFile(null);
      setNote('');
      element.reset();
      setStatus(t('versions.uploaded', { number: version.number }));
      onUploaded();
    } catch (failure) {
      if (isCancelled(failure)) setStatus(t('upload.cancelled'));
      else setError(failure);
    }
  }

  const fileError = fileMissing ? t('file.required') : fileErrorOf(error, t);
  return (
    <section className="card" aria-labelledby="document-new-version">
      <h2 id="document-new-version">{t('versions.newTitle')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FileDrop
          label={t('versions.fileLabel')}
          file={file}
          disabled={transfer.busy}
          error={fileError}
          onFile={(chosen) => {
            setFile(chosen);
            setFileMissing(false);
            setError(undefined);
            setStatus(undefined);
          }}
        />
        <TextArea
          label={t('versions.noteLabel')}
          value={note}
          maxLength={1000}
          rows={2}
          disabled={transfer.busy}
          error={error instanceof ApiError ? error.fieldMessage('note') : undefined}
          onChange={(event) => setNote(event.target.value)}
        />
        <ErrorNotice error={error instanceof ApiError && !fileError ? error : undefined} />
        {status && (
          <p className="muted" role="status">
            {status}
          </p>
        )}
        {transfer.progress !== null ? (
          <UploadProgress progress={transfer.progress} onCancel={transfer.cancel} />
        ) : (
          <button type="submit">{t('versions.submit')}</button>
        )}
      </form>
    </section>
  );
}
