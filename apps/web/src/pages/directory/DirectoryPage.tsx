import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { MEMBER_STATES, type MemberResponse } from '@lcc/contracts';
import { useFormat } from '../../ui/format';
import { Field, SelectField } from '../../ui/form';
import { useMemberOptions } from '../../ui/options';
import { Async, Empty } from '../../ui/states';
import { usePages } from '../../ui/use-api';

export default function DirectoryPage() {
  const { t } = useTranslation('directory');
  const format = useFormat();
  const options = useMemberOptions();
  const [params, setParams] = useSearchParams();
  const filters = {
    q: params.get('q') ?? '',
    country: params.get('country') ?? '',
    memberType: params.get('memberType') ?? '',
    expertise: params.get('expertise') ?? '',
  };
  const members = usePages<MemberResponse>('/members', { ...filters, limit: 30 });
  const [expanded, setExpanded] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const [key, value] of form.entries()) if (String(value).trim()) next.set(key, String(value).trim());
    setParams(next);
  }

  const countries = [
    { value: '', label: t('common:any') },
    ...MEMBER_STATES.map((code) => ({ value: code, label: format.country(code) })),
    ...(expanded ? options.countries.filter((option) => !MEMBER_STATES.includes(option.value as never)) : []),
  ];

  return (
    <>
      <h1>{t('title')}</h1>
      <form className="card filters" role="search" onSubmit={submit}>
        <Field label={t('search')} name="q" type="search" defaultValue={filters.q} placeholder={t('searchHint')} />
        <SelectField
          label={t('country')}
          name="country"
          defaultValue={filters.country}
          options={countries}
          onFocus={() => setExpanded(true)}
        />
        <SelectField
          label={t('memberType')}
          name="memberType"
          defaultValue={filters.memberType}
          options={[{ value: '', label: t('common:any') }, ...options.memberTypes]}
        />
        <Field label={t('expertise')} name="expertise" defaultValue={filters.expertise} />
        <button type="submit">{t('common:search')}</button>
      </form>
      <Async state={members}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{t('noMembers')}</Empty>
          ) : (
            <>
              <ul className="grid list" aria-label={t('results')}>
                {items.map((member) => (
                  <li key={member.id} className="card">
                    <Link to={`/members/${member.id}`}>
                      <strong>{member.displayName}</strong>
                    </Link>
                    <div>{member.organization}</div>
                    <div className="muted">
                      {[member.city, format.country(member.country)].filter(Boolean).join(', ')} ·{' '}
                      {t(`common:memberType.${member.memberType}`)}
                    </div>
                    <div className="row">
                      {member.expertise.map((topic) => (
                        <span key={topic} className="tag">
                          {topic}
                        </span>
                      ))}
                    </div>
                  </li>
                ))}
              </ul>
              {members.hasMore && (
                <button type="button" className="secondary" onClick={members.loadMore} disabled={members.loadingMore}>
                  {t('common:more')}
                </button>
              )}
            </>
          )
        }
      </Async>
    </>
  );
}
