import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../../common/csv/spreadsheet-cells.js';

export type CsvCell = string | number | boolean | Date | null | undefined;

/**
 * A table as CSV (RFC 4180 quoting, a header row): text cells are neutralised against spreadsheet formulas, numbers
 * stay numbers, instants are ISO 8601 in UTC, empty cells are empty.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cell = (value: CsvCell): string | number =>
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'number'
          ? value
          : neutraliseFormula(String(value));
  return stringify(
    rows.map((row) => row.map(cell)),
    { header: true, columns: [...columns] },
  );
}
