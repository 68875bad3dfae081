import './search.css';
import { type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type {
  CityResponse,
  DocumentResponse,
  MemberResponse,
  MessageSearchHit,
  Page,
  RoomResponse,
  SearchResponse,
} from '@lcc/contracts';
import { withQuery } from '../../api/client';
import { useMember } from '../../api/session';
import { useFormat } from '../../ui/format';
import { Field, SelectField } from '../../ui/form';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useApi, usePages } from '../../ui/use-api';
import { messageLink } from '../discussions/message-link';
import { PeoplePicker } from '../discussions/PeoplePicker';
import { roomTitle } from '../discussions/room-title';
import { Snippet } from '../documents/Snippet';

const KINDS = ['messages', 'documents', 'members', 'cities'] as const;
type Kind = (typeof KINDS)[number];
type Tab = Kind | 'all';

/** Results of each kind on the overview; a kind's own tab pages on. */
const OVERVIEW_LIMIT = 5;
const PAGE_LIMIT = 20;

function isTab(value: string | null): value is Tab {
  return value === 'all' || KINDS.includes(value as Kind);
}

/** A day from a date field as the instant it starts in the browser's zone; `next` gives the day after's start. */
function dayStart(day: string, next = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const start = new Date(`${day}T00:00:00`);
  if (next) start.setDate(start.getDate() + 1);
  return Number.isNaN(start.getTime()) ? undefined : start.toISOString();
}

/** The portal-wide search: messages, documents, members and cities, with filters for messages and documents. */
export default function SearchPage() {
  // Both catalogues at once: results name rooms and people in the words of discussions.
  const { t } = useTranslation(['search', 'discussions']);
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const tab: Tab = isTab(params.get('tab')) ? (params.get('tab') as Tab) : 'all';
  const filters = {
    roomId: params.get('roomId') ?? '',
    authorId: params.get('authorId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  // Filters narrow messages (and documents, except the room); members and cities have none.
  const narrowed = tab === 'messages' || tab === 'documents';
  const query = {
    q,
    ...(tab === 'messages' && filters.roomId ? { roomId: filters.roomId } : {}),
    ...(narrowed && filters.authorId ? { authorId: filters.authorId } : {}),
    ...(narrowed && dayStart(filters.from) ? { from: dayStart(filters.from) } : {}),
    ...(narrowed && dayStart(filters.to, true) ? { to: dayStart(filters.to, true) } : {}),
  };

  const change = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change({ q: String(new FormData(event.currentTarget).get('q') ?? '').trim() });
  }

  return (
    <div className="search-page">
      <h1>{q ? t('titleFor', { q }) : t('title')}</h1>
      <form className="card filters search-form" role="search" onSubmit={submit} key={q}>
        <Field label={t('query')} name="q" type="search" defaultValue={q} placeholder={t('hint')} autoFocus={!q} />
        <button type="submit">{t('common:search')}</button>
      </form>
      <nav aria-label={t('kinds')}>
        <ul className="search-tabs">
          {(['all', ...KINDS] as Tab[]).map((kind) => (
            <li key={kind}>
              <Link
                to={`?${new URLSearchParams({ ...Object.fromEntries(params), tab: kind }).toString()}`}
                aria-current={tab === kind ? 'page' : undefined}
              >
                {t(`kind.${kind}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {narrowed && <Filters tab={tab} filters={filters} onChange={change} />}
      {!q ? (
        <p className="muted">{t('prompt')}</p>
      ) : tab === 'all' ? (
        <Overview q={q} />
      ) : (
        <KindResults key={tab} kind={tab} query={query} />
      )}
    </div>
  );
}

function Filters({
  tab,
  filters,
  onChange,
}: {
  tab: Tab;
  filters: { roomId: string; authorId: string; from: string; to: string };
  onChange: (changes: Record<string, string | null>) => void;
}) {
  const { t } = useTranslation('search');
  const me = useMember();
  const rooms = useApi<Page<RoomResponse>>(tab === 'messages' ? '/rooms?limit=100' : null);
  const author = useApi<MemberResponse>(filters.authorId ? `/members/${filters.authorId}` : null);
  const roomOptions = [
    { value: '', label: t('anyRoom') },
    ...(rooms.data?.items ?? []).map((room) => ({ value: room.id, label: roomTitle(room, me.id, t) })),
  ];
  return (
    <fieldset className="card filters search-filters">
      <legend>{t('filters')}</legend>
      {tab === 'messages' && (
        <SelectField
          label={t('room')}
          value={filters.roomId}
          options={roomOptions}
          onChange={(event) => onChange({ roomId: event.target.value })}
        />
      )}
      <div className="field">
        <PeoplePicker
          label={tab === 'messages' ? t('author') : t('uploader')}
          chosen={filters.authorId && author.data ? [author.data] : []}
          exclude={[]}
          onChange={(chosen) => onChange({ authorId: chosen.at(-1)?.id ?? null })}
        />
      </div>
      <Field
        label={t('from')}
        type="date"
        value={filters.from}
        max={filters.to || undefined}
        onChange={(event) => onChange({ from: event.target.value })}
      />
      <Field
        label={t('to')}
        type="date"
        value={filters.to}
        min={filters.from || undefined}
        onChange={(event) => onChange({ to: event.target.value })}
      />
      {(filters.roomId || filters.authorId || filters.from || filters.to) && (
        <button
          type="button"
          className="secondary"
          onClick={() => onChange({ roomId: null, authorId: null, from: null, to: null })}
        >
          {t('clearFilters')}
        </button>
      )}
    </fieldset>
  );
}

/** The first few of every kind, each with a link to its own tab. */
function Overview({ q }: { q: string }) {
  const { t } = useTranslation('search');
  const [params] = useSearchParams();
  const found = useApi<SearchResponse>(withQuery('/search', { q, limit: OVERVIEW_LIMIT }));
  if (found.error) return <ErrorNotice error={found.error} />;
  if (!found.data) return <Loading />;
  const data = found.data;
  if (KINDS.every((kind) => data[kind].length === 0)) return <Empty>{t('nothing')}</Empty>;
  const tabLink = (kind: Kind) => `?${new URLSearchParams({ ...Object.fromEntries(params), tab: kind }).toString()}`;
  return (
    <>
      {KINDS.filter((kind) => data[kind].length > 0).map((kind) => (
        <section key={kind} className="card search-section" aria-labelledby={`found-${kind}`}>
          <div className="spread">
            <h2 id={`found-${kind}`}>{t(`kind.${kind}`)}</h2>
            {data[kind].length >= OVERVIEW_LIMIT && <Link to={tabLink(kind)}>{t(`seeAll.${kind}`)}</Link>}
          </div>
          <ResultList kind={kind} items={data[kind]} />
        </section>
      ))}
    </>
  );
}

/** One kind, page after page. */
function KindResults({ kind, query }: { kind: Kind; query: Record<string, string | undefined> }) {
  const { t } = useTranslation('search');
  const pages = usePages<SearchResponse[Kind][number], SearchResponse>(
    '/search',
    { ...query, scope: kind, limit: PAGE_LIMIT },
    { items: (page) => page[kind] },
  );
  if (pages.error) return <ErrorNotice error={pages.error} />;
  if (!pages.data) return <Loading />;
  if (pages.data.length === 0) return <Empty>{t('nothing')}</Empty>;
  return (
    <section className="card search-section" aria-label={t(`kind.${kind}`)}>
      <ResultList kind={kind} items={pages.data} />
      {pages.hasMore && (
        <button type="button" className="secondary" disabled={pages.loadingMore} onClick={pages.loadMore}>
          {t('common:more')}
        </button>
      )}
    </section>
  );
}

function ResultList({ kind, items }: { kind: Kind; items: SearchResponse[Kind][number][] }) {
  const rows: ReactNode[] = items.map((item) => {
    switch (kind) {
      case 'messages':
        return <MessageHit key={(item as MessageSearchHit).messageId} hit={item as MessageSearchHit} />;
      case 'documents':
        return <DocumentHit key={(item as DocumentResponse).id} document={item as DocumentResponse} />;
      case 'members':
        return <MemberHit key={(item as MemberResponse).id} member={item as MemberResponse} />;
      case 'cities':
        return <CityHit key={(item as CityResponse).id} city={item as CityResponse} />;
    }
  });
  return <ul className={`list search-results ${kind}`}>{rows}</ul>;
}

function MessageHit({ hit }: { hit: MessageSearchHit }) {
  const { t } = useTranslation('search');
  const format = useFormat();
  const room = hit.roomName ?? (hit.roomKind === 'direct' ? t('directRoom') : t('discussions:untitledRoom'));
  return (
    <li className="search-hit">
      <Link to={messageLink(hit.roomId, hit.seq)} className="hit-title">
        {t('messageIn', { room })}
      </Link>
      <span className="muted">
        {hit.author?.displayName ?? t('discussions:formerMember')} ·{' '}
        <time dateTime={hit.createdAt}>{format.dateTime(hit.createdAt)}</time>
      </span>
      <Snippet html={hit.snippet} />
    </li>
  );
}

function DocumentHit({ document }: { document: DocumentResponse }) {
  const { t } = useTranslation('search');
  const format = useFormat();
  return (
    <li className="search-hit">
      <Link to={`/documents/${document.id}`} className="hit-title">
        {document.title}
      </Link>
      <span className="muted">
        {t('uploadedBy', { name: document.uploadedBy.displayName })} ·{' '}
        <time dateTime={document.createdAt}>{format.date(document.createdAt)}</time>
      </span>
      {document.snippet && <Snippet html={document.snippet} />}
    </li>
  );
}

function MemberHit({ member }: { member: MemberResponse }) {
  const format = useFormat();
  const where = [member.organization, member.city, member.country ? format.country(member.country) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="search-hit">
      <Link to={`/members/${member.id}`} className="hit-title">
        {member.displayName}
      </Link>
      {where && <span className="muted">{where}</span>}
    </li>
  );
}

function CityHit({ city }: { city: CityResponse }) {
  const format = useFormat();
  return (
    <li className="search-hit">
      <Link to={`/cities/${city.id}`} className="hit-title">
        {city.nameEn}
        {city.nameLocal && city.nameLocal !== city.nameEn ? ` (${city.nameLocal})` : ''}
      </Link>
      <span className="muted">{format.country(city.country)}</span>
    </li>
  );
}
