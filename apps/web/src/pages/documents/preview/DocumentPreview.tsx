import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExtractionStatus, type DocumentResponse, type DocumentTextResponse } from '@lcc/contracts';
import { fetchFile } from '../../../api/client';
import { ErrorNotice, Loading } from '../../../ui/states';
import { useApi } from '../../../ui/use-api';

// PDF.js is large: it loads with this chunk, only when a PDF is shown.
const PdfPreview = lazy(() => import('./PdfPreview'));

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * The latest version in the page: PDF pages drawn by PDF.js in the reader's browser, images as they are, and for
 * other files the text the server read from them (office files are never parsed in the browser).
 */
export function DocumentPreview({ document }: { document: DocumentResponse }) {
  const { t } = useTranslation('documents');
  const version = document.latestVersion;
  const type = version.mimeType.split(';')[0]!.trim();
  let body;
  if (type === 'application/pdf') {
    body = (
      <Suspense fallback={<Loading />}>
        <PdfPreview documentId={document.id} version={version.number} />
      </Suspense>
    );
  } else if (IMAGE_TYPES.has(type)) {
    body = <ImagePreview documentId={document.id} version={version.number} alt={document.title} />;
  } else {
    body = <TextPreview document={document} />;
  }
  return (
    <section className="card document-preview" aria-labelledby="document-preview">
      <h2 id="document-preview">{t('preview.title', { number: version.number })}</h2>
      {body}
    </section>
  );
}

/** The image's bytes fetched with the member's token, shown from a blob: address (a plain link cannot send it). */
function ImagePreview({ documentId, version, alt }: { documentId: string; version: number; alt: string }) {
  const { t } = useTranslation('documents');
  const [source, setSource] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let url: string | undefined;
    let cancelled = false;
    fetchFile(`/documents/${documentId}/download`, { version })
      .then((response) => response.blob())
      .then((blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setSource(url);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [documentId, version]);
  if (failed) return <p className="muted">{t('preview.failed')}</p>;
  if (!source) return <Loading />;
  return <img className="document-image" src={source} alt={alt} />;
}

/** The text read from the file, once it has been read (the page hears `document.updated` when it is). */
function TextPreview({ document }: { document: DocumentResponse }) {
  const { t } = useTranslation('documents');
  const version = document.latestVersion;
  const done = version.extractionStatus === ExtractionStatus.Done;
  const text = useApi<DocumentTextResponse>(done ? `/documents/${document.id}/text?version=${version.number}` : null);
  if (version.extractionStatus === ExtractionStatus.Pending) {
    return (
      <p className="muted" role="status">
        {t('preview.reading')}
      </p>
    );
  }
  if (!done) return <p className="muted">{t('preview.none')}</p>;
  if (text.error) return <ErrorNotice error={text.error} />;
  if (!text.data) return <Loading />;
  if (!text.data.text?.trim()) return <p className="muted">{t('preview.none')}</p>;
  return (
    <div className="document-text" tabIndex={0} role="region" aria-label={t('preview.textLabel')}>
      {text.data.text}
    </div>
  );
}
