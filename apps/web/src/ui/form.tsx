import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * The message the API gave for a field (its `details`), or nothing. A detail with a `code` the portal knows
 * (`errorCode.*` in common) reads in the reader's language; others as the API worded them.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const detail = error.fieldDetail(field);
  if (!detail) return undefined;
  return detail.code ? i18n.t(`common:errorCode.${detail.code}`, { defaultValue: detail.message }) : detail.message;
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function Field({ label, error, hint, ...input }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  error?: string;
  options: { value: string; label: string }[];
}

export function SelectField({ label, error, options, ...select }: SelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

export function TextArea({
  label,
  error,
  ...area
}: { label: string; error?: string } & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...area}
      />
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

/**
 * A form-level error. Field messages appear beside their fields, so a validation failure only points at them here;
 * failures on the server's side or of the network read in the reader's language.
 */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = !(error instanceof ApiError)
    ? String(error)
    : error.code === 'VALIDATION_FAILED' && error.details.length > 0
      ? t('errors.validation')
      : error.status === 0
        ? t('errors.network')
        : error.status === 429
          ? t('errors.rateLimited')
          : error.status >= 500
            ? t('errors.server')
            : t(`errorCode.${error.code}`, { defaultValue: error.message });
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}
