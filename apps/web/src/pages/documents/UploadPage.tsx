import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DocumentKind, DocumentLanguage, DocumentVisibility, NetworkRole, type DocumentResponse } from '@lcc/contracts';
import { ApiError } from '../../api/client';
import { useMember } from '../../api/session';
import { ErrorNotice } from '../../ui/states';
import { DocumentFields, placeError, readMetadata, type DocumentDefaults } from './DocumentFields';
import { FileDrop } from './FileDrop';
import { UploadProgress, fileErrorOf, isCancelled, useUpload } from './upload-state';

/** A title from a file name: "ub_heating-plan_2030.pdf" → "ub heating plan 2030". */
function titleFromFileName(name: string): string {
  return name
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
}

export default function UploadPage() {
  const { t, i18n } = useTranslation('documents');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>();
  const [fileMissing, setFileMissing] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const transfer = useUpload<DocumentResponse>();
  const member = useMember();

  const uiLanguage = i18n.language.split('-')[0];
  const groupId = params.get('workingGroupId') ?? '';
  const defaults: DocumentDefaults = {
    title: '',
    description: '',
    kind: DocumentKind.Report,
    language: (Object.values(DocumentLanguage) as string[]).includes(uiLanguage) ? uiLanguage : DocumentLanguage.Other,
    country: '',
    city: '',
    year: '',
    tags: '',
    visibility: groupId ? DocumentVisibility.Group : DocumentVisibility.Network,
    workingGroupId: groupId,
    workingGroupIds: groupId,
  };

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setError(undefined);
    setFileMissing(false);
    setCancelled(false);
    const title = formRef.current?.elements.namedItem('title');
    if (chosen && title instanceof HTMLInputElement && !title.value.trim()) {
      title.value = titleFromFileName(chosen.name);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCancelled(false);
    if (!file) {
      setFileMissing(true);
      return;
    }
    const metadata = readMetadata(new FormData(event.currentTarget));
    // The API reads the metadata fields before the file: they must come first.
    const form = new FormData();
    for (const [name, value] of Object.entries(metadata)) if (value) form.append(name, value);
    form.append('file', file, file.name);
    setError(undefined);
    try {
      const created = await transfer.start('/documents', form);
      navigate(`/documents/${created.id}`);
    } catch (failure) {
      if (isCancelled(failure)) setCancelled(true);
      else setError(placeError(failure, t));
    }
  }

  if (member.role === NetworkRole.Observer) {
    return (
      <section className="document-upload">
        <p>
          <Link to="/documents">{t('backToLibrary')}</Link>
        </p>
        <h1>{t('upload.title')}</h1>
        <p className="card">{t('upload.observer')}</p>
      </section>
    );
  }

  const fileError = fileMissing ? t('file.required') : fileErrorOf(error, t);
  const formLevelError = error instanceof ApiError && !fileError && error.details.length === 0 ? error : undefined;
  return (
    <section className="document-upload">
      <p>
        <Link to="/documents">{t('backToLibrary')}</Link>
      </p>
      <h1>{t('upload.title')}</h1>
      <form
        ref={formRef}
        className="card"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-busy={transfer.busy || undefined}
      >
        <FileDrop label={t('file.label')} file={file} disabled={transfer.busy} error={fileError} onFile={chooseFile} />
        <fieldset disabled={transfer.busy} className="document-fieldset">
          <legend>{t('upload.details')}</legend>
          <DocumentFields defaults={defaults} error={error} />
        </fieldset>
        {error instanceof ApiError && error.details.length > 0 && !fileError && (
          <p className="error" role="alert">
            {t('upload.checkFields')}
          </p>
        )}
        <ErrorNotice error={formLevelError} />
        {cancelled && (
          <p className="muted" role="status">
            {t('upload.cancelled')}
          </p>
        )}
        {transfer.progress !== null ? (
          <UploadProgress progress={transfer.progress} onCancel={transfer.cancel} />
        ) : (
          <button type="submit">{t('upload.submit')}</button>
        )}
      </form>
    </section>
  );
}
