import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentResponse, WorkingGroupResponse } from '@lcc/contracts';
import { useSession } from '../../../api/session';
import { useFormat } from '../../../ui/format';
import { useApi } from '../../../ui/use-api';
import { useDocumentOptions } from '../document-options';
import { isFormerMember, personName } from '../../../ui/person-name';

/** What the document is: kind, language, place, year, visibility, group, tags, who filed it and when, its file. */
export function DocumentFacts({ document }: { document: DocumentResponse }) {
  const { t } = useTranslation('documents');
  const { state } = useSession();
  const format = useFormat();
  const options = useDocumentOptions();
  const member = state.member;
  const group = useApi<WorkingGroupResponse>(
    member && document.workingGroupId ? `/working-groups/${document.workingGroupId}` : null,
  );
  const place = [document.city, document.country ? format.country(document.country) : null].filter(Boolean).join(', ');
  const latest = document.latestVersion;
  return (
    <>
      {document.description && <p className="document-description">{document.description}</p>}
      <dl className="document-facts">
        <dt>{t('fields.kind')}</dt>
        <dd>{options.kindLabel(document.kind)}</dd>
        <dt>{t('fields.language')}</dt>
        <dd>{options.languageLabel(document.language)}</dd>
        {place && (
          <>
            <dt>{t('document.place')}</dt>
            <dd>{place}</dd>
          </>
        )}
        {document.year !== null && (
          <>
            <dt>{t('fields.year')}</dt>
            <dd>{document.year}</dd>
          </>
        )}
        <dt>{t('fields.visibility')}</dt>
        <dd>{options.visibilityLabel(document.visibility)}</dd>
        {document.workingGroupId && member && (
          <>
            <dt>{t('fields.workingGroup')}</dt>
            <dd>
              <Link to={`/groups/${document.workingGroupId}`}>{group.data?.name ?? t('fields.workingGroup')}</Link>
            </dd>
          </>
        )}
        {document.workingGroupIds.length > 1 && member && (
          <>
            <dt>{t('fields.alsoSharedWith')}</dt>
            <dd>
              <ul className="row document-groups">
                {document.workingGroupIds.slice(1).map((id) => (
                  <li key={id}>
                    <GroupLink id={id} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {document.tags.length > 0 && (
          <>
            <dt>{t('fields.tags')}</dt>
            <dd>
              <ul className="row document-tags">
                {document.tags.map((tag) => (
                  <li key={tag}>
                    <Link className="tag" to={`${member ? '/documents' : '/library'}?tag=${encodeURIComponent(tag)}`}>
                      {tag}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('document.uploadedBy')}</dt>
        <dd>
          {member && !isFormerMember(document.uploadedBy) ? (
            <Link to={`/members/${document.uploadedBy.id}`}>{document.uploadedBy.displayName}</Link>
          ) : (
            personName(t, document.uploadedBy)
          )}
        </dd>
        <dt>{t('document.created')}</dt>
        <dd>
          <time dateTime={document.createdAt}>{format.dateTime(document.createdAt)}</time>
        </dd>
        <dt>{t('document.updated')}</dt>
        <dd>
          <time dateTime={document.updatedAt}>{format.dateTime(document.updatedAt)}</time>
        </dd>
        <dt>{t('document.file')}</dt>
        <dd>{t('document.fileLine', { name: latest.fileName, size: format.bytes(latest.size) })}</dd>
        <dt>{t('document.downloadCount')}</dt>
        <dd>{format.number(document.downloadCount)}</dd>
      </dl>
    </>
  );
}

/** A group the document is shared with, by name (a group the reader may not see keeps a neutral label). */
function GroupLink({ id }: { id: string }) {
  const { t } = useTranslation('documents');
  const group = useApi<WorkingGroupResponse>(`/working-groups/${id}`);
  if (group.error) return <span>{t('fields.workingGroup')}</span>;
  return <Link to={`/groups/${id}`}>{group.data?.name ?? t('fields.workingGroup')}</Link>;
}
