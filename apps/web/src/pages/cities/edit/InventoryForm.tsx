import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DataQuality,
  EmissionScope,
  GpcSector,
  GreenhouseGas,
  NotationKey,
  RecordVisibility,
  type InventoryResponse,
} from '@lcc/contracts';
import { api } from '../../../api/client';
import { otherDetails } from '../../../ui/field-messages';
import { Field, FormError, SelectField, TextArea } from '../../../ui/form';
import { useApiMutation } from '../../../ui/use-api';
import { FormButtons, VisibilityField } from './CityForm';
import { asText, toNumber, toText, useChecks, useProblems, type Problems } from './form-kit';

interface EntryDraft {
  key: number;
  sector: GpcSector;
  scope: EmissionScope;
  gas: GreenhouseGas;
  value: string;
  notationKey: NotationKey | '';
  quality: DataQuality;
  source: string;
}

let nextKey = 0;

function entryDraft(from?: Partial<EntryDraft>): EntryDraft {
  nextKey += 1;
  return {
    key: nextKey,
    sector: GpcSector.StationaryEnergy,
    scope: EmissionScope.Scope1,
    gas: GreenhouseGas.Co2e,
    value: '',
    notationKey: '',
    quality: DataQuality.SelfReported,
    source: '',
    ...from,
  };
}

/**
 * A whole inventory: a new year (`POST /cities/:id/inventories`) or the same year replaced with all its entries
 * (`PUT /inventories/:id`). Each row is one sector × scope × gas with a value or a notation key.
 */
export function InventoryForm({
  cityId,
  inventory,
  onDone,
}: {
  cityId: string;
  inventory?: InventoryResponse;
  onDone(): void;
}) {
  const { t } = useTranslation('cities');
  const checks = useChecks();
  const [draft, setDraft] = useState({
    year: asText(inventory?.year),
    methodology: asText(inventory?.methodology),
    notes: asText(inventory?.notes),
    visibility: inventory?.visibility ?? RecordVisibility.Public,
  });
  const [entries, setEntries] = useState<EntryDraft[]>(() =>
    inventory
      ? inventory.entries.map((entry) =>
          entryDraft({ ...entry, value: asText(entry.value), notationKey: entry.notationKey ?? '' }),
        )
      : [entryDraft()],
  );
  const save = useApiMutation(
    () => {
      const body = {
        year: toNumber(draft.year),
        methodology: toText(draft.methodology),
        notes: toText(draft.notes),
        visibility: draft.visibility,
        entries: entries.map((entry) => ({
          sector: entry.sector,
          scope: entry.scope,
          gas: entry.gas,
          value: entry.notationKey ? null : toNumber(entry.value),
          notationKey: entry.notationKey || null,
          quality: entry.quality,
          source: entry.source.trim(),
        })),
      };
      return inventory
        ? api<InventoryResponse>(`/inventories/${inventory.id}`, { method: 'PUT', body })
        : api<InventoryResponse>(`/cities/${cityId}/inventories`, { method: 'POST', body });
    },
    { invalidates: [`/cities/${cityId}/inventories`, '/inventories', '/analysis'], onSuccess: onDone },
  );
  const problems = useProblems(save.error);
  const set = (field: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });
  const setEntry = (key: number, change: Partial<EntryDraft>) =>
    setEntries((list) => list.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)));
  const headingId = `inventory-form-${inventory?.id ?? 'new'}`;
  const entryFields = ['sector', 'scope', 'gas', 'value', 'notationKey', 'quality', 'source'];
  const shownField = (field: string) =>
    ['year', 'methodology', 'notes', 'visibility'].includes(field) ||
    entryFields.some((name) => /^entries\[\d+\]\./.test(field) && field.endsWith(`.${name}`));
  const unplaced = otherDetails(save.error, shownField);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {
      year: checks.required(draft.year) ?? checks.year(draft.year),
      methodology: checks.maxLength(draft.methodology, 200),
      notes: checks.maxLength(draft.notes, 4000),
    };
    const cells = new Set<string>();
    entries.forEach((entry, index) => {
      const cell = `${entry.sector}|${entry.scope}|${entry.gas}`;
      found[`entries[${index}].value`] =
        checks.number(entry.value) ??
        (!entry.notationKey && !entry.value.trim()
          ? t('edit.valueOrKey')
          : entry.notationKey && entry.value.trim()
            ? t('edit.valueOrKey')
            : cells.has(cell)
              ? t('edit.duplicateCell')
              : undefined);
      found[`entries[${index}].source`] = checks.required(entry.source) ?? checks.maxLength(entry.source, 500);
      cells.add(cell);
    });
    if (problems.check(found)) void save.run();
  }

  return (
    <form className="card edit-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>
        {inventory ? t('edit.editInventoryTitle', { year: inventory.year }) : t('edit.addInventory')}
      </h3>
      <div className="filters">
        <Field
          label={t('inventory.year')}
          inputMode="numeric"
          className="narrow"
          value={draft.year}
          onChange={set('year')}
          error={problems.text('year')}
        />
        <Field
          label={t('edit.methodology')}
          value={draft.methodology}
          onChange={set('methodology')}
          error={problems.text('methodology')}
        />
        <VisibilityField value={draft.visibility} onChange={(visibility) => setDraft({ ...draft, visibility })} />
      </div>
      <fieldset className="entries">
        <legend>{t('edit.entries')}</legend>
        <ol className="entry-list">
          {entries.map((entry, index) => {
            const row = index + 1;
            const prefix = `entries[${index}]`;
            return (
              <li key={entry.key} className="entry-row" aria-label={t('edit.entryRow', { row })}>
                <SelectField
                  label={t('edit.sector')}
                  value={entry.sector}
                  onChange={(event) => setEntry(entry.key, { sector: event.target.value as GpcSector })}
                  options={Object.values(GpcSector).map((value) => ({ value, label: t(`sector.${value}`) }))}
                />
                <SelectField
                  label={t('edit.scope')}
                  value={entry.scope}
                  onChange={(event) => setEntry(entry.key, { scope: event.target.value as EmissionScope })}
                  options={Object.values(EmissionScope).map((value) => ({ value, label: t(`scope.${value}`) }))}
                />
                <SelectField
                  label={t('edit.gas')}
                  value={entry.gas}
                  onChange={(event) => setEntry(entry.key, { gas: event.target.value as GreenhouseGas })}
                  options={Object.values(GreenhouseGas).map((value) => ({ value, label: t(`gas.${value}`) }))}
                />
                <Field
                  label={t('edit.entryValue')}
                  inputMode="decimal"
                  value={entry.value}
                  disabled={entry.notationKey !== ''}
                  onChange={(event) => setEntry(entry.key, { value: event.target.value })}
                  error={problems.text(`${prefix}.value`) ?? problems.text(`${prefix}.notationKey`)}
                />
                <SelectField
                  label={t('edit.notationKey')}
                  value={entry.notationKey}
                  onChange={(event) => {
                    const key = event.target.value as NotationKey | '';
                    setEntry(entry.key, key ? { notationKey: key, value: '' } : { notationKey: key });
                  }}
                  options={[
                    { value: '', label: t('edit.noNotationKey') },
                    ...Object.values(NotationKey).map((value) => ({
                      value,
                      label: `${value} — ${t(`notationKey.${value}`)}`,
                    })),
                  ]}
                />
                <SelectField
                  label={t('edit.quality')}
                  value={entry.quality}
                  onChange={(event) => setEntry(entry.key, { quality: event.target.value as DataQuality })}
                  options={Object.values(DataQuality).map((value) => ({ value, label: t(`quality.${value}`) }))}
                />
                <Field
                  label={t('edit.source')}
                  value={entry.source}
                  onChange={(event) => setEntry(entry.key, { source: event.target.value })}
                  error={problems.text(`${prefix}.source`)}
                />
                <button
                  type="button"
                  className="secondary"
                  disabled={entries.length === 1}
                  onClick={() => setEntries((list) => list.filter((item) => item.key !== entry.key))}
                >
                  {t('edit.removeEntry', { row })}
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setEntries((list) => [...list, entryDraft({ quality: list.at(-1)?.quality, source: list.at(-1)?.source })])
          }
        >
          {t('edit.addEntry')}
        </button>
      </fieldset>
      <TextArea
        label={t('edit.notes')}
        rows={2}
        value={draft.notes}
        onChange={set('notes')}
        error={problems.text('notes')}
      />
      {unplaced.length > 0 && (
        <ul className="field-error">
          {unplaced.map((detail) => (
            <li key={`${detail.field}:${detail.text}`}>
              {/^entries\[(\d+)\]/.test(detail.field)
                ? t('edit.entryProblem', { row: Number(/\d+/.exec(detail.field)![0]) + 1, text: detail.text })
                : detail.text}
            </li>
          ))}
        </ul>
      )}
      <FormError error={save.error} />
      <FormButtons pending={save.pending} onCancel={onDone} />
    </form>
  );
}
