import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TimeZoneOption {
  value: string;
  /** `UTC+09:00 · Asia/Tokyo`: the offset now, then the zone as people read it. */
  label: string;
  /** What a search matches: the zone with spaces for underscores, and its offset, lower case. */
  haystack: string;
}

/** The offset a zone has now, as `UTC+09:00` (`UTC` for zero). */
function offsetOf(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return part?.replace(/^GMT/, 'UTC') || 'UTC';
}

function optionOf(zone: string, at: Date): TimeZoneOption {
  const offset = offsetOf(zone, at);
  const name = zone.replace(/_/g, ' ');
  return {
    value: zone,
    label: zone === 'UTC' ? 'UTC' : `${offset} · ${name}`,
    haystack: `${name} ${offset}`.toLowerCase(),
  };
}

let allZones: TimeZoneOption[] | undefined;

/**
 * Every IANA zone the browser knows, UTC first (browsers list only canonical zones, and UTC is not among them),
 * then by name. Built once: about 420 formatters.
 */
export function timeZoneOptions(): TimeZoneOption[] {
  if (!allZones) {
    const now = new Date();
    const zones = Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC');
    allZones = ['UTC', ...zones].map((zone) => optionOf(zone, now));
  }
  return allZones;
}

/** The options a search leaves, always with the current value (an alias such as `Asia/Calcutta` included). */
export function filterTimeZones(zones: TimeZoneOption[], query: string, current: string): TimeZoneOption[] {
  const terms = query.toLowerCase().replace(/_/g, ' ').split(/\s+/).filter(Boolean);
  const found = zones.filter((zone) => terms.every((term) => zone.haystack.includes(term)));
  if (!current || found.some((zone) => zone.value === current)) return found;
  const known = zones.find((zone) => zone.value === current);
  return [known ?? optionOf(current, new Date()), ...found];
}

/**
 * A time-zone picker over the full IANA list with a search box. It never changes the value by itself: the stored
 * zone stays offered (and selected) whatever the search or the browser's list, so saving a form keeps it.
 */
export function TimeZoneField({
  label,
  value,
  onChange,
  error,
  name = 'timeZone',
}: {
  label: string;
  value: string;
  onChange(zone: string): void;
  error?: string;
  name?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const options = useMemo(() => filterTimeZones(timeZoneOptions(), query, value), [query, value]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t('timeZoneSearch')}
        aria-label={t('timeZoneSearch')}
        aria-controls={id}
      />
      <select
        id={id}
        name={name}
        value={value}
        size={query ? Math.min(Math.max(options.length, 2), 8) : undefined}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
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
