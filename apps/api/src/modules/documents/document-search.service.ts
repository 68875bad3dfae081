import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DocumentFacetCount, DocumentPage } from '@lcc/contracts';
import { decodeCursor, toPage } from '../../common/pagination/cursor.js';
import {
  canEditExpression,
  type DocumentRow,
  documentColumns,
  documentJoins,
  groupFoldersExpression,
  inFolderSql,
  toDocumentResponse,
  visibleClause,
} from './document-sql.js';
import type { ListDocumentsQueryDto } from './dto/document-queries.dto.js';
import { cleanSnippet, MATCH_END, MATCH_START, toTsQuery } from '../../common/search/segmentation.js';
import type { Viewer } from '../../common/http/actor.js';
import { SqlParams } from '../../common/sql/sql-params.js';

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * How many matches a search ranks from each source: the newest this many matches of the whole text, and the newest
 * this many whose title, tags or description match. Ranking every match read every long text that has a common
 * word (most of them); a search pages through these candidates, best first.
 */
export const DOCUMENT_SEARCH_CANDIDATES = 100;

/** What the portal-wide search narrows documents to, beside the list's own filters: `from` inclusive, `to` exclusive. */
export interface DocumentSearchNarrowing {
  uploadedById?: string;
  from?: string;
  to?: string;
}

/**
 * `GET /api/documents`: filters, keyset pages and, with `q`, PostgreSQL full-text search (ts_rank order among the
 * bounded candidates, ts_headline snippets for the page) over what the viewer may open. Without `q`, newest first.
 */
@Injectable()
export class DocumentSearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    viewer: Viewer,
    query: ListDocumentsQueryDto,
    narrow: DocumentSearchNarrowing = {},
  ): Promise<DocumentPage> {
    const p = new SqlParams();
    const conditions = [
      'd.deleted_at IS NULL',
      visibleClause('d', viewer, p),
      ...this.filters(query, p),
      ...this.narrowing(narrow, p),
    ];
    const tsQuery = query.q !== undefined ? toTsQuery(query.q) : null;
    if (query.q !== undefined && !tsQuery)
      return { items: [], nextCursor: null, ...(query.facets ? { facets: emptyFacets() } : {}) };
    const matchParam = tsQuery ? p.add(tsQuery) : null;
    const match = matchParam ? `to_tsquery('simple', ${matchParam})` : null;
    const facetConditions = match ? [...conditions, `d.search_vector @@ ${match}`] : [...conditions];
    const facetValues = [...p.values];

    const canEdit = canEditExpression('d', viewer, p);
    const groupFolders = groupFoldersExpression('d', viewer, p);
    const limit = query.limit + 1;
    let sql: string;
    if (match) {
      const pageConditions: string[] = [];
      if (query.cursor) {
        const [rank, id] = decodeCursor(query.cursor, ['real', 'uuid']);
        const r = p.add(String(rank));
        pageConditions.push(`(c.rank < ${r}::real OR (c.rank = ${r}::real AND c.id > ${p.add(id)}::uuid))`);
      }
      // Ranked: the newest matches and the newest title matches that the viewer may open (each bounded), not every
      // match; snippets only for the page's rows (ts_headline re-parses the text, costly on long documents).
      const visible = conditions.join(' AND ');
      const newest = (vector: string) =>
        `(SELECT d.id FROM documents d WHERE ${visible} AND d.${vector} @@ ${match}
           ORDER BY d.created_at DESC, d.id DESC LIMIT ${DOCUMENT_SEARCH_CANDIDATES})`;
      sql = `WITH candidates AS MATERIALIZED (
               SELECT d.id, ts_rank(d.search_vector, ${match}) AS rank
                 FROM (${newest('search_vector')} UNION ${newest('title_vector')}) found
                 JOIN documents d ON d.id = found.id),
             chosen AS (
               SELECT c.id, c.rank FROM candidates c
                ${pageConditions.length ? `WHERE ${pageConditions.join(' AND ')}` : ''}
                ORDER BY c.rank DESC, c.id ASC LIMIT ${p.add(limit)}),
             page AS (
               SELECT ${documentColumns('d', canEdit, groupFolders)}, c.rank::text AS rank_key, c.rank
                 FROM chosen c JOIN documents d ON d.id = c.id ${documentJoins('d')})
             SELECT page.*, ts_headline('simple', coalesce(s.search_text, ''), to_tsquery('simple', ${p.add(toTsQuery(query.q!, true))}),
                    ${p.add(HEADLINE_OPTIONS)}) AS snippet
               FROM page JOIN documents s ON s.id = page.id
              ORDER BY page.rank DESC, page.id ASC`;
    } else {
      if (query.cursor) {
        const [createdAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
        conditions.push(`(d.created_at, d.id) < (${p.add(createdAt)}::timestamptz, ${p.add(id)}::uuid)`);
      }
      sql = `SELECT ${documentColumns('d', canEdit, groupFolders)}
               FROM documents d ${documentJoins('d')}
              WHERE ${conditions.join(' AND ')}
              ORDER BY d.created_at DESC, d.id DESC LIMIT ${p.add(limit)}`;
    }
    const rows = (await this.dataSource.query(sql, p.values)) as (DocumentRow & { rank_key?: string })[];
    const page = toPage(
      rows,
      query.limit,
      (row) =>
        toDocumentResponse({
          ...row,
          snippet: row.snippet === undefined ? undefined : cleanSnippet(row.snippet ?? ''),
        }),
      (row) => (match ? [row.rank_key!, row.id] : [row.created_at.toISOString(), row.id]),
    );
    if (!query.facets) return page;
    return { ...page, facets: await this.facets(facetConditions, facetValues) };
  }

  private filters(query: ListDocumentsQueryDto, p: SqlParams): string[] {
    const out: string[] = [];
    if (query.kind) out.push(`d.kind = ${p.add(query.kind)}`);
    if (query.country) out.push(`d.country = ${p.add(query.country)}`);
    if (query.city) out.push(`lower(d.city) = lower(${p.add(query.city.trim())})`);
    if (query.language) out.push(`d.language = ${p.add(query.language)}`);
    if (query.workingGroupId) {
      // Found under each group it is shared with.
      out.push(`EXISTS (SELECT 1 FROM document_working_groups dg_filter
        WHERE dg_filter.document_id = d.id AND dg_filter.working_group_id = ${p.add(query.workingGroupId)})`);
    }
    if (query.folderId) out.push(inFolderSql('d', `${p.add(query.folderId)}::uuid`));
    if (query.tag) out.push(`d.tags @> ARRAY[${p.add(query.tag.normalize('NFKC').trim())}]::text[]`);
    if (query.year) out.push(`d.year = ${p.add(query.year)}`);
    return out;
  }

  private narrowing(narrow: DocumentSearchNarrowing, p: SqlParams): string[] {
    const out: string[] = [];
    if (narrow.uploadedById) out.push(`d.uploaded_by_id = ${p.add(narrow.uploadedById)}::uuid`);
    if (narrow.from) out.push(`d.created_at >= ${p.add(new Date(narrow.from))}::timestamptz`);
    if (narrow.to) out.push(`d.created_at < ${p.add(new Date(narrow.to))}::timestamptz`);
    return out;
  }

  /** Counts per kind, language, country, year and tag over every visible match (top 20 values each). */
  private async facets(conditions: string[], values: unknown[]): Promise<NonNullable<DocumentPage['facets']>> {
    const rows = (await this.dataSource.query(
      `WITH m AS (SELECT d.kind, d.language, d.country, d.year, d.tags FROM documents d WHERE ${conditions.join(' AND ')}),
            f AS (
              SELECT 'kind' AS facet, kind AS value, count(*)::int AS count FROM m GROUP BY kind
              UNION ALL SELECT 'language', language, count(*)::int FROM m GROUP BY language
              UNION ALL SELECT 'country', country, count(*)::int FROM m WHERE country IS NOT NULL GROUP BY country
              UNION ALL SELECT 'year', year::text, count(*)::int FROM m WHERE year IS NOT NULL GROUP BY year
              UNION ALL SELECT 'tag', t, count(*)::int FROM m, unnest(m.tags) t GROUP BY t)
       SELECT facet, value, count FROM (
         SELECT f.*, row_number() OVER (PARTITION BY facet ORDER BY count DESC, value) AS n FROM f) ranked
        WHERE n <= 20 ORDER BY facet, count DESC, value`,
      values,
    )) as { facet: keyof NonNullable<DocumentPage['facets']>; value: string; count: number }[];
    const facets = emptyFacets();
    for (const row of rows) facets[row.facet].push({ value: row.value, count: row.count });
    return facets;
  }
}

function emptyFacets(): Record<'kind' | 'language' | 'country' | 'year' | 'tag', DocumentFacetCount[]> {
  return { kind: [], language: [], country: [], year: [], tag: [] };
}
