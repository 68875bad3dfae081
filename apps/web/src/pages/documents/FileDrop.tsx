import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import { ACCEPTED_EXTENSIONS } from './document-options';

interface FileDropProps {
  label: string;
  file: File | null;
  onFile(file: File | null): void;
  error?: string;
  disabled?: boolean;
}

/**
 * A file picker that also takes a dropped file. The real `<input type="file">` stays visible and labelled, so
 * keyboards and screen readers use it as usual; the surrounding area only adds drag and drop.
 */
export function FileDrop({ label, file, onFile, error, disabled }: FileDropProps) {
  const { t } = useTranslation('documents');
  const format = useFormat();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    const dropped = event.dataTransfer.files;
    if (dropped.length === 0) return;
    if (input.current) input.current.files = dropped;
    onFile(dropped[0]);
  }

  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div
      className={`field dropzone${dragging ? ' dragging' : ''}${error ? ' invalid' : ''}`}
      onDragEnter={(event) => {
        event.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragOver={(event) => event.preventDefault()}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={drop}
    >
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="muted">
        {t('file.dropHint')} {t('file.types', { types: ACCEPTED_EXTENSIONS.join(', ') })}
      </p>
      <input
        ref={input}
        id={id}
        name="file"
        type="file"
        accept={ACCEPTED_EXTENSIONS.join(',')}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(event) => onFile(event.target.files?.[0] ?? null)}
      />
      {file && (
        <p className="dropzone-file" aria-live="polite">
          {t('file.selected', { name: file.name, size: format.bytes(file.size) })}
        </p>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}
