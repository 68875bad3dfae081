import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GroupMembershipStatus, type Page, type WorkingGroupResponse } from '@lcc/contracts';
import { ApiError } from '../../api/client';
import { useApi } from '../../ui/use-api';
import { Field, SelectField, TextArea, fieldError } from '../../ui/form';
import { useDocumentOptions } from './document-options';

/** The metadata a document form starts with. */
export interface DocumentDefaults {
  title: string;
  description: string;
  kind: string;
  language: string;
  country: string;
  city: string;
  year: string;
  tags: string;
  visibility: string;
  workingGroupId: string;
  /** Every group it is filed under, comma-separated, the first one first (the same as `workingGroupId`). */
  workingGroupIds: string;
}

/** The metadata as typed: every value a trimmed string, empty when not given. */
export type DocumentMetadata = DocumentDefaults;

export function readMetadata(form: FormData): DocumentMetadata {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    title: text('title'),
    description: text('description'),
    kind: text('kind'),
    language: text('language'),
    country: text('country'),
    city: text('city'),
    year: text('year'),
    tags: text('tags'),
    visibility: text('visibility'),
    workingGroupId: text('workingGroupId'),
    workingGroupIds: [
      ...new Set([text('workingGroupId'), ...form.getAll('sharedGroupIds').map(String)].filter(Boolean)),
    ].join(','),
  };
}

/** Tags typed as "heating, Ulaanbaatar , ,energy" → ["heating", "Ulaanbaatar", "energy"]. */
export function splitTags(tags: string): string[] {
  return tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** Moves an error the API gives without field details onto the field it is about (the working group). */
export function placeError(error: unknown, t: (key: string) => string): unknown {
  if (error instanceof ApiError && error.code === 'NOT_A_GROUP_MEMBER') {
    return new ApiError(error.status, error.code, error.message, [
      { field: 'workingGroupId', message: t('fields.notGroupMember') },
    ]);
  }
  return error;
}

/** The working groups the member belongs to (where they may file documents). */
function useMyGroups() {
  const groups = useApi<Page<WorkingGroupResponse>>('/working-groups?mine=true&limit=100');
  const loaded = groups.data !== undefined || groups.error !== undefined;
  const mine = (groups.data?.items ?? []).filter(
    (group) => group.myMembership?.status === GroupMembershipStatus.Active,
  );
  return { loaded, mine };
}

/** Title, description, kind, language, country, city, year, tags, visibility and working group, with API errors. */
export function DocumentFields({
  defaults,
  error,
  autoFocus = false,
}: {
  defaults: DocumentDefaults;
  error: unknown;
  /** Puts the keyboard in the title (a form that has just opened in place). */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('documents');
  const options = useDocumentOptions();
  const groups = useMyGroups();
  // Controlled, so the chosen group shows once the list has arrived.
  const [groupId, setGroupId] = useState(defaults.workingGroupId);
  // The other groups it is shared with; the list offers the member's groups and those it is already in.
  const [shared, setShared] = useState(
    () => new Set(defaults.workingGroupIds.split(',').filter((id) => id && id !== defaults.workingGroupId)),
  );
  const groupOptions = groups.mine.map((group) => ({ value: group.id, label: group.name }));
  if (groups.loaded && groupId && !groupOptions.some((option) => option.value === groupId)) {
    groupOptions.unshift({ value: groupId, label: t('fields.currentGroup') });
  }
  const shareOptions = [
    ...groups.mine.map((group) => ({ value: group.id, label: group.name })),
    ...[...shared]
      .filter((id) => !groups.mine.some((group) => group.id === id))
      .map((id) => ({ value: id, label: t('fields.currentGroup') })),
  ].filter((option) => option.value !== groupId);
  return (
    <>
      <Field
        label={t('fields.title')}
        name="title"
        required
        autoFocus={autoFocus}
        maxLength={300}
        defaultValue={defaults.title}
        error={fieldError(error, 'title')}
      />
      <TextArea
        label={t('fields.description')}
        name="description"
        maxLength={4000}
        defaultValue={defaults.description}
        error={fieldError(error, 'description')}
      />
      <div className="document-fields-grid">
        <SelectField
          label={t('fields.kind')}
          name="kind"
          required
          defaultValue={defaults.kind}
          options={options.kinds}
          error={fieldError(error, 'kind')}
        />
        <SelectField
          label={t('fields.language')}
          name="language"
          defaultValue={defaults.language}
          options={options.languages}
          error={fieldError(error, 'language')}
        />
        <SelectField
          label={t('fields.country')}
          name="country"
          defaultValue={defaults.country}
          options={[{ value: '', label: t('fields.noCountry') }, ...options.countries]}
          error={fieldError(error, 'country')}
        />
        <Field
          label={t('fields.city')}
          name="city"
          maxLength={200}
          defaultValue={defaults.city}
          error={fieldError(error, 'city')}
        />
        <Field
          label={t('fields.year')}
          name="year"
          type="number"
          inputMode="numeric"
          min={1900}
          max={2100}
          defaultValue={defaults.year}
          error={fieldError(error, 'year')}
        />
        <SelectField
          label={t('fields.visibility')}
          name="visibility"
          defaultValue={defaults.visibility}
          // "Members of the room" is given by sending a file to a room; it stays offered on such a document only.
          options={options.visibilities.filter((option) => option.value !== 'room' || defaults.visibility === 'room')}
          error={fieldError(error, 'visibility')}
        />
        <SelectField
          label={t('fields.workingGroup')}
          name="workingGroupId"
          value={groupId}
          onChange={(event) => setGroupId(event.target.value)}
          options={[{ value: '', label: t('fields.noGroup') }, ...groupOptions]}
          error={fieldError(error, 'workingGroupId')}
        />
      </div>
      {groups.loaded && shareOptions.length > 0 && (
        <fieldset className="document-share">
          <legend>{t('fields.alsoShareWith')}</legend>
          <p className="muted">{t('fields.alsoShareWithHint')}</p>
          {shareOptions.map((option) => (
            <label key={option.value} className="choice">
              <input
                type="checkbox"
                name="sharedGroupIds"
                value={option.value}
                checked={shared.has(option.value)}
                onChange={(event) => {
                  const next = new Set(shared);
                  if (event.target.checked) next.add(option.value);
                  else next.delete(option.value);
                  setShared(next);
                }}
              />{' '}
              {option.label}
            </label>
          ))}
          {fieldError(error, 'workingGroupIds') && (
            <small className="field-error">{fieldError(error, 'workingGroupIds')}</small>
          )}
        </fieldset>
      )}
      <Field
        label={t('fields.tags')}
        name="tags"
        defaultValue={defaults.tags}
        hint={t('fields.tagsHint')}
        error={fieldError(error, 'tags')}
      />
    </>
  );
}
