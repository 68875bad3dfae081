import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentResponse } from '@lcc/contracts';
import { useFormat } from '../../ui/format';
import { useDocumentOptions } from './document-options';
import { Snippet } from './Snippet';
import { personName } from '../../ui/person-name';

/** One document in the library: title, what it is, where from, its tags and, for a search, the matching text. */
export function DocumentCard({
  document,
  groupName,
  onTag,
}: {
  document: DocumentResponse;
  groupName?: string;
  onTag(tag: string): void;
}) {
  const { t } = useTranslation('documents');
  const format = useFormat();
  const options = useDocumentOptions();
  const place = [document.city, document.country ? format.country(document.country) : null].filter(Boolean).join(', ');
  return (
    <article className="document-card" aria-labelledby={`document-${document.id}`}>
      <h2 id={`document-${document.id}`} className="document-title">
        <Link to={`/documents/${document.id}`}>{document.title}</Link>
      </h2>
      <p className="row document-meta">
        <span className="tag">{options.kindLabel(document.kind)}</span>
        <span>{options.languageLabel(document.language)}</span>
        {place && <span>{place}</span>}
        {document.year !== null && <span>{document.year}</span>}
        <span className="muted">{options.visibilityLabel(document.visibility)}</span>
        {groupName && <span className="muted">{groupName}</span>}
      </p>
      {document.snippet && <Snippet html={document.snippet} />}
      {!document.snippet && document.description && <p className="document-description">{document.description}</p>}
      <p className="muted document-byline">
        {t('card.byline', {
          name: personName(t, document.uploadedBy),
          date: format.date(document.createdAt),
          size: format.bytes(document.latestVersion.size),
        })}
        {document.versionCount > 1 && ` · ${t('card.versions', { count: document.versionCount })}`}
      </p>
      {document.tags.length > 0 && (
        <ul className="row document-tags" aria-label={t('fields.tags')}>
          {document.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                className="tag tag-button"
                onClick={() => onTag(tag)}
                aria-label={t('card.filterByTag', { tag })}
              >
                {tag}
              </button>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
