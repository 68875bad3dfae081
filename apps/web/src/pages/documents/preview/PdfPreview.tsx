import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { currentAccessToken, refreshSession } from '../../../api/client';
import { downloadUrl } from '../download';

type PdfJs = typeof import('pdfjs-dist');

/**
 * PDF.js and its worker load only here, on the first PDF shown (the portal's first page stays small). The worker is
 * a file of the portal's own origin (the Content-Security-Policy allows workers from 'self' only).
 */
let pdfjs: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([library, worker]) => {
      library.GlobalWorkerOptions.workerSrc = worker.default;
      return library;
    },
  );
  return pdfjs;
}

/** Opens the file by Range requests against the download route, with the member's token (renewed once on 401). */
async function openPdf(library: PdfJs, url: string): Promise<PDFDocumentProxy> {
  const open = () => {
    const token = currentAccessToken();
    return library.getDocument({
      url,
      httpHeaders: token ? { Authorization: `Bearer ${token}` } : {},
      rangeChunkSize: 256 * 1024,
      disableAutoFetch: true,
      disableStream: true,
      // No eval and no WebAssembly: the portal's Content-Security-Policy allows neither.
      isEvalSupported: false,
      useWasm: false,
    }).promise;
  };
  try {
    return await open();
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401 && currentAccessToken() && (await refreshSession())) return open();
    throw error;
  }
}

/** One page at a time on a canvas, with the previous and next page. */
export default function PdfPreview({ documentId, version }: { documentId: string; version: number }) {
  const { t } = useTranslation('documents');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy>();
  const [page, setPage] = useState(1);
  const [state, setState] = useState<'loading' | 'shown' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | undefined;
    setState('loading');
    loadPdfJs()
      .then((library) => openPdf(library, downloadUrl(documentId, version)))
      .then((document) => {
        opened = document;
        if (cancelled) void document.destroy();
        else {
          setPage(1);
          setPdf(document);
        }
      })
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [documentId, version]);

  useEffect(() => {
    if (!pdf || !canvas.current) return;
    let task: RenderTask | undefined;
    let cancelled = false;
    const target = canvas.current;
    setState('loading');
    void pdf
      .getPage(page)
      .then((pdfPage) => {
        if (cancelled) return;
        const width = Math.min(target.parentElement?.clientWidth ?? 800, 900);
        const unscaled = pdfPage.getViewport({ scale: 1 });
        const ratio = window.devicePixelRatio || 1;
        const viewport = pdfPage.getViewport({ scale: (width / unscaled.width) * ratio });
        target.width = Math.floor(viewport.width);
        target.height = Math.floor(viewport.height);
        target.style.width = `${Math.floor(viewport.width / ratio)}px`;
        task = pdfPage.render({ canvas: target, viewport });
        return task.promise;
      })
      .then(() => !cancelled && setState('shown'))
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, page]);

  if (state === 'failed') return <p className="muted">{t('preview.failed')}</p>;
  return (
    <div className="pdf-preview" aria-busy={state === 'loading'}>
      {pdf && pdf.numPages > 1 && (
        <div className="row" role="group" aria-label={t('preview.pages')}>
          <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('preview.previous')}
          </button>
          <span>{t('preview.pageOf', { page, count: pdf.numPages })}</span>
          <button type="button" className="secondary" disabled={page >= pdf.numPages} onClick={() => setPage(page + 1)}>
            {t('preview.next')}
          </button>
        </div>
      )}
      {state === 'loading' && <p className="muted">{t('common:loading')}</p>}
      <canvas
        ref={canvas}
        className="pdf-page"
        data-page={page}
        data-rendered={state === 'shown' ? 'true' : undefined}
        aria-label={t('preview.pageOf', { page, count: pdf?.numPages ?? 1 })}
        role="img"
      />
    </div>
  );
}
