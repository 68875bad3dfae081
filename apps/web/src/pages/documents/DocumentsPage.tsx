import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import {
  DocumentKind,
  DocumentLanguage,
  NetworkRole,
  type DocumentFacetCount,
  type DocumentPage,
  type Page,
  type WorkingGroupResponse,
} from '@lcc/contracts';
import { useSession } from '../../api/session';
import { SelectField } from '../../ui/form';
import { FolderBar, useFolders } from './FolderBar';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useApi, usePages } from '../../ui/use-api';
import { DocumentCard } from './DocumentCard';
import { useDocumentOptions } from './document-options';

const FILTERS = ['kind', 'country', 'language', 'year', 'tag', 'workingGroupId', 'folderId'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * The library: full-text search in any of the portal's languages, filters with facet counts and keyset
 * "load more". The search and filters live in the address, so a result list can be shared and Back works.
 * `publicOnly` is the anonymous visitor's view (the API returns public documents only to them).
 */
export default function DocumentsPage({ publicOnly = false }: { publicOnly?: boolean }) {
  const { t } = useTranslation('documents');
  const { state } = useSession();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const options = useDocumentOptions();
  const signedIn = state.status === 'signed_in';
  const query = params.get('q') ?? '';
  const key = params.toString();
  // The query layer waits for the session: a member reloading the page never gets the anonymous list. Facets are
  // counted for the first page only; while a new search loads, the old counts stay in the filters.
  const listing = usePages<DocumentPage['items'][number], DocumentPage>(
    '/documents',
    { ...Object.fromEntries(new URLSearchParams(key)), facets: true, limit: 20 },
    { more: { facets: undefined } },
  );

  const groups = useApi<Page<WorkingGroupResponse>>(signedIn ? '/working-groups?limit=100' : null);
  // The folders where the reader is looking: the chosen group's, or the library's.
  const folders = useFolders(params.get('workingGroupId'), signedIn);
  const folderId = params.get('folderId') ?? '';
  const folder = folders.data?.items.find((f) => f.id === folderId);

  if (publicOnly && signedIn) return <Navigate to={`/documents${location.search}`} replace />;

  function update(changes: Partial<Record<Filter | 'q', string>>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next);
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ q: String(new FormData(event.currentTarget).get('q') ?? '').trim() });
  }

  const facets = listing.first?.facets;
  const filtered = FILTERS.some((name) => params.get(name)) || query !== '';
  const total = facets?.kind.reduce((sum, facet) => sum + facet.count, 0);
  const items = listing.previous ? undefined : listing.data;

  /** Options for a filter: every known value, with its count while that filter is not chosen. */
  function choices(name: Filter, values: string[], label: (value: string) => string, counts?: DocumentFacetCount[]) {
    const selected = params.get(name) ?? '';
    const all = [
      ...new Set([...values, ...(counts ?? []).map((facet) => facet.value), ...(selected ? [selected] : [])]),
    ];
    const countOf = (value: string) => counts?.find((facet) => facet.value === value)?.count ?? 0;
    return [
      { value: '', label: t('filters.any') },
      ...all.map((value) => ({
        value,
        label:
          !selected && counts ? t('filters.withCount', { label: label(value), count: countOf(value) }) : label(value),
      })),
    ];
  }

  const groupName = (id: string) => groups.data?.items.find((group) => group.id === id)?.name;
  const mayUpload = signedIn && state.member.role !== NetworkRole.Observer;

  return (
    <section className="documents-library">
      <div className="spread">
        <h1>{publicOnly ? t('library.publicTitle') : t('library.title')}</h1>
        {mayUpload && (
          <Link className="button" to="/documents/upload">
            {t('library.upload')}
          </Link>
        )}
      </div>
      {publicOnly && (
        <aside className="card sign-in-prompt" aria-labelledby="library-members-only">
          <h2 id="library-members-only">{t('library.publicPromptTitle')}</h2>
          <p>{t('library.publicPrompt')}</p>
          <p className="row">
            <Link className="button" to="/sign-in" state={{ from: '/documents' }}>
              {t('common:signIn')}
            </Link>
            <Link className="button secondary" to="/register">
              {t('common:register')}
            </Link>
          </p>
        </aside>
      )}

      <div className="card document-search">
        <form role="search" className="row" onSubmit={search} key={`q-${query}`}>
          <label htmlFor="document-query" className="visually-hidden">
            {t('library.searchLabel')}
          </label>
          <input
            id="document-query"
            type="search"
            name="q"
            defaultValue={query}
            maxLength={200}
            placeholder={t('library.searchPlaceholder')}
            aria-describedby="document-query-hint"
          />
          <button type="submit">{t('common:search')}</button>
        </form>
        <p id="document-query-hint" className="muted">
          {t('library.searchHint')}
        </p>
        <fieldset className="filters document-fieldset">
          <legend className="visually-hidden">{t('filters.legend')}</legend>
          <SelectField
            label={t('fields.kind')}
            name="kind"
            value={params.get('kind') ?? ''}
            onChange={(event) => update({ kind: event.target.value })}
            options={choices('kind', Object.values(DocumentKind), options.kindLabel, facets?.kind)}
          />
          <SelectField
            label={t('fields.country')}
            name="country"
            value={params.get('country') ?? ''}
            onChange={(event) => update({ country: event.target.value })}
            options={choices(
              'country',
              [],
              (code) => options.countries.find((c) => c.value === code)?.label ?? code,
              facets?.country,
            )}
          />
          <SelectField
            label={t('fields.language')}
            name="language"
            value={params.get('language') ?? ''}
            onChange={(event) => update({ language: event.target.value })}
            options={choices('language', Object.values(DocumentLanguage), options.languageLabel, facets?.language)}
          />
          <SelectField
            label={t('fields.year')}
            name="year"
            value={params.get('year') ?? ''}
            onChange={(event) => update({ year: event.target.value })}
            options={choices(
              'year',
              [],
              String,
              facets?.year?.slice().sort((a, b) => Number(b.value) - Number(a.value)),
            )}
          />
          <SelectField
            label={t('fields.tag')}
            name="tag"
            value={params.get('tag') ?? ''}
            onChange={(event) => update({ tag: event.target.value })}
            options={choices('tag', [], String, facets?.tag)}
          />
          {signedIn && (
            <SelectField
              label={t('fields.workingGroup')}
              name="workingGroupId"
              value={params.get('workingGroupId') ?? ''}
              onChange={(event) => update({ workingGroupId: event.target.value, folderId: '' })}
              options={[
                { value: '', label: t('filters.any') },
                ...(groups.data?.items ?? []).map((group) => ({ value: group.id, label: group.name })),
                ...(params.get('workingGroupId') &&
                !groups.data?.items.some((g) => g.id === params.get('workingGroupId'))
                  ? [{ value: params.get('workingGroupId')!, label: t('fields.currentGroup') }]
                  : []),
              ]}
            />
          )}
          {signedIn && (
            <SelectField
              label={t('folders.folder')}
              name="folderId"
              value={folderId}
              onChange={(event) => update({ folderId: event.target.value })}
              options={[
                { value: '', label: t('filters.any') },
                ...(folders.data?.items ?? []).map((f) => ({
                  value: f.id,
                  label: t('folders.withCount', { name: f.name, count: f.documentCount }),
                })),
                ...(folderId && !folder ? [{ value: folderId, label: t('folders.folder') }] : []),
              ]}
            />
          )}
          {filtered && (
            <button type="button" className="secondary" onClick={() => setParams(new URLSearchParams())}>
              {t('filters.clear')}
            </button>
          )}
        </fieldset>
        {signedIn && (
          <FolderBar
            workingGroupId={params.get('workingGroupId')}
            folder={folder}
            onChosen={(id) => update({ folderId: id })}
          />
        )}
      </div>

      <div className="document-results" aria-busy={!items}>
        {listing.error && !items ? (
          <ErrorNotice error={listing.error} />
        ) : !items ? (
          <Loading />
        ) : items.length === 0 ? (
          <Empty>{filtered ? t('library.noMatches') : t('library.empty')}</Empty>
        ) : (
          <>
            {total !== undefined && (
              <p className="muted" role="status">
                {query ? t('library.matches', { count: total, query }) : t('library.count', { count: total })}
              </p>
            )}
            <ul className="list document-list">
              {items.map((document) => (
                <li key={document.id}>
                  <DocumentCard
                    document={document}
                    groupName={document.workingGroupId ? groupName(document.workingGroupId) : undefined}
                    onTag={(tag) => update({ tag })}
                  />
                </li>
              ))}
            </ul>
            <ErrorNotice error={listing.error} />
            {listing.hasMore && (
              <p>
                <button type="button" className="secondary" onClick={listing.loadMore} disabled={listing.loadingMore}>
                  {listing.loadingMore ? t('common:loading') : t('common:more')}
                </button>
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
