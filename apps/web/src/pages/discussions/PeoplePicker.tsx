import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberResponse } from '@lcc/contracts';
import { usePages } from '../../ui/use-api';

/**
 * Finds members by name, organisation or city and keeps the chosen ones (for direct messages, adding people and the
 * search's author filter); choosing one clears the search for the next.
 */
export function PeoplePicker({
  label,
  chosen,
  onChange,
  exclude,
}: {
  label: string;
  chosen: MemberResponse[];
  onChange: (chosen: MemberResponse[]) => void;
  exclude: string[];
}) {
  const { t } = useTranslation('discussions');
  const [q, setQ] = useState('');
  const found = usePages<MemberResponse>(q.trim() ? '/members' : null, { q: q.trim(), limit: 8 });
  const candidates = (found.data ?? []).filter(
    (member) => !exclude.includes(member.id) && !chosen.some((c) => c.id === member.id),
  );
  return (
    <div className="people-picker">
      <label>
        {label}
        <input type="search" value={q} onChange={(event) => setQ(event.target.value)} autoComplete="off" />
      </label>
      {chosen.length > 0 && (
        <ul className="list-inline" aria-label={t('chosenPeople')}>
          {chosen.map((member) => (
            <li key={member.id} className="tag">
              {member.displayName}{' '}
              <button
                type="button"
                className="link"
                aria-label={t('unchoose', { name: member.displayName })}
                onClick={() => onChange(chosen.filter((c) => c.id !== member.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {q.trim() && (
        <ul className="list" aria-label={t('peopleFound')}>
          {candidates.map((member) => (
            <li key={member.id}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  onChange([...chosen, member]);
                  // The search is done: the list closes instead of saying that nobody else matched.
                  setQ('');
                }}
              >
                {member.displayName}
              </button>{' '}
              <span className="muted">{member.organization ?? ''}</span>
            </li>
          ))}
          {found.data && candidates.length === 0 && <li className="muted">{t('noPeopleFound')}</li>}
        </ul>
      )}
    </div>
  );
}
