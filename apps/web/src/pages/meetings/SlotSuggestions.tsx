import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotSuggestionResponse } from '@lcc/contracts';
import { withQuery } from '../../api/client';
import { Field, FormError, fieldError } from '../../ui/form';
import { useApi } from '../../ui/use-api';
import { LocalRange } from './local-times';
import { addDays, dateKey, zonedToInstant } from './zoned-time';

const MAX_DAYS = 14;

/**
 * Asks the API for the times that suit most of the group's members (working hours, working days, no public
 * holiday, each in their own zone) and offers them as candidates. Not a form of its own: it sits inside the poll's.
 */
export function SlotSuggestions({
  groupId,
  timeZone,
  onPick,
}: {
  groupId: string;
  timeZone: string;
  onPick(slot: { startsAt: string; endsAt: string }): void;
}) {
  const { t } = useTranslation('meetings');
  const [from, setFrom] = useState(() => addDays(dateKey(Date.now(), timeZone), 7));
  const [days, setDays] = useState('7');
  const [duration, setDuration] = useState('120');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  // A read, asked for with the button: the path holds the question, and asking the same again refetches.
  const [request, setRequest] = useState<string | null>(null);
  const result = useApi<SlotSuggestionResponse[]>(request);
  const { data: suggestions, error, loading: busy } = result;

  function suggest() {
    const start = zonedToInstant(from, '00:00', timeZone);
    const span = Math.min(MAX_DAYS, Math.max(1, Number(days) || 1));
    const end = zonedToInstant(addDays(from, span), '00:00', timeZone);
    const path = withQuery(`/working-groups/${groupId}/slot-suggestions`, {
      from: start?.toISOString(),
      to: end?.toISOString(),
      durationMinutes: duration,
      limit: 8,
    });
    setPicked(new Set());
    if (path === request) result.reload();
    else setRequest(path);
  }

  return (
    <section className="card" aria-labelledby="suggest-heading">
      <h2 id="suggest-heading">{t('suggest.title')}</h2>
      <p className="muted">{t('suggest.hint')}</p>
      <div className="filters">
        <Field
          label={t('suggest.from')}
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          error={fieldError(error, 'from')}
        />
        <Field
          label={t('suggest.days')}
          type="number"
          min={1}
          max={MAX_DAYS}
          inputMode="numeric"
          className="narrow"
          value={days}
          onChange={(event) => setDays(event.target.value)}
          error={fieldError(error, 'to')}
        />
        <Field
          label={t('suggest.duration')}
          type="number"
          min={15}
          max={720}
          step={15}
          inputMode="numeric"
          className="narrow"
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
          error={fieldError(error, 'durationMinutes')}
        />
        <button type="button" className="secondary" disabled={busy} onClick={suggest}>
          {t('suggest.submit')}
        </button>
      </div>
      <FormError error={error} />
      {suggestions &&
        (suggestions.length === 0 ? (
          <p className="empty">{t('suggest.none')}</p>
        ) : (
          <ul className="list" aria-live="polite">
            {suggestions.map((suggestion) => {
              const key = suggestion.startsAt;
              const total = suggestion.participantsOk + suggestion.conflicts;
              return (
                <li key={key} className="spread">
                  <span>
                    <LocalRange startsAt={suggestion.startsAt} endsAt={suggestion.endsAt} zone={timeZone} />{' '}
                    <span className={suggestion.conflicts === 0 ? 'tag ok' : 'tag flag'}>
                      {t('suggest.fits', { ok: suggestion.participantsOk, total })}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="secondary"
                    disabled={picked.has(key)}
                    onClick={() => {
                      onPick(suggestion);
                      setPicked((all) => new Set(all).add(key));
                    }}
                  >
                    {picked.has(key) ? t('suggest.added') : t('suggest.add')}
                    <span className="visually-hidden">
                      {' '}
                      <LocalRange startsAt={suggestion.startsAt} endsAt={suggestion.endsAt} zone={timeZone} />
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        ))}
    </section>
  );
}
