import { ComparisonBasis } from '@lcc/contracts';

/** What a comparison shows; it lives in the address so a comparison can be shared. */
export interface Selection {
  indicator: string;
  cityIds: string[];
  countries: string[];
  basis: ComparisonBasis;
  fromYear: string;
  toYear: string;
}

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

export function readSelection(params: URLSearchParams): Selection {
  const basis = params.get('basis');
  return {
    indicator: params.get('indicator') ?? '',
    cityIds: list(params.get('cityIds')),
    countries: list(params.get('countries')),
    basis: Object.values(ComparisonBasis).includes(basis as ComparisonBasis)
      ? (basis as ComparisonBasis)
      : ComparisonBasis.Raw,
    fromYear: params.get('fromYear') ?? '',
    toYear: params.get('toYear') ?? '',
  };
}

export const DIVISOR: Record<ComparisonBasis, string | null> = {
  [ComparisonBasis.Raw]: null,
  [ComparisonBasis.PerCapita]: 'population',
  [ComparisonBasis.PerGdp]: 'gdp',
};

/** The export selections behind a comparison: its cities, and its countries' country-level values. */
export function exportQueries(selection: Selection) {
  const divisor = DIVISOR[selection.basis];
  const indicator = [selection.indicator, ...(divisor && divisor !== selection.indicator ? [divisor] : [])].join(',');
  const years = { fromYear: selection.fromYear, toYear: selection.toYear };
  return [
    ...(selection.cityIds.length
      ? [{ indicator, cityIds: selection.cityIds.join(','), subjectType: 'city', ...years }]
      : []),
    ...(selection.countries.length
      ? [{ indicator, countries: selection.countries.join(','), subjectType: 'country', ...years }]
      : []),
  ];
}

/** The address of a selection (the inverse of `readSelection`; defaults are left out). */
export function selectionParams(next: Selection): URLSearchParams {
  const query = new URLSearchParams();
  if (next.indicator) query.set('indicator', next.indicator);
  if (next.cityIds.length) query.set('cityIds', next.cityIds.join(','));
  if (next.countries.length) query.set('countries', next.countries.join(','));
  if (next.basis !== ComparisonBasis.Raw) query.set('basis', next.basis);
  if (next.fromYear) query.set('fromYear', next.fromYear);
  if (next.toYear) query.set('toYear', next.toYear);
  return query;
}
