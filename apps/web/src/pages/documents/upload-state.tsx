import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, upload, type UploadHandle } from '../../api/client';
import { usePercent } from './document-options';

/** One upload at a time with its progress (0…1, `null` when idle) and a cancel that aborts the request. */
export function useUpload<T>() {
  const [progress, setProgress] = useState<number | null>(null);
  const handle = useRef<UploadHandle<T> | null>(null);

  // Leaving the page aborts an upload still under way.
  useEffect(() => () => handle.current?.cancel(), []);

  const start = useCallback(async (path: string, form: FormData): Promise<T> => {
    setProgress(0);
    // Each progress event paints at once, so the bar never lags behind the bytes sent.
    const current = upload<T>(path, form, (fraction) => flushSync(() => setProgress(fraction)));
    handle.current = current;
    try {
      return await current.done;
    } finally {
      handle.current = null;
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => handle.current?.cancel(), []);
  return { progress, busy: progress !== null, start, cancel };
}

export function isCancelled(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'UPLOAD_CANCELLED';
}

/** Where a failed upload's message belongs: 413 and 415 are about the file. */
export function fileErrorOf(error: unknown, t: (key: string) => string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 413) return t('file.tooLarge');
  if (error.code === 'FILE_TYPE_MISMATCH') return t('file.mismatch');
  if (error.status === 415) return t('file.unsupported');
  return error.fieldMessage('file');
}

/** The progress bar with its percentage and a Cancel button. */
export function UploadProgress({ progress, onCancel }: { progress: number; onCancel(): void }) {
  const { t } = useTranslation('documents');
  const percent = usePercent();
  const sent = progress >= 1;
  return (
    <div className="upload-progress">
      <progress max={100} value={Math.round(progress * 100)} aria-label={t('upload.progressLabel')} />
      <div className="spread">
        <span role="status" aria-live="polite">
          {sent ? t('upload.processing') : t('upload.sent', { percent: percent(progress) })}
        </span>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('upload.cancel')}
        </button>
      </div>
    </div>
  );
}
