import { IsInt, Max, Min } from 'class-validator';

/** Years the information platform accepts (inventories, targets, series, schemes). */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

/** A whole year from 1900 to 2100. */
export function YearField(): PropertyDecorator {
  return (target, key) => {
    IsInt()(target, key);
    Min(YEAR_MIN)(target, key);
    Max(YEAR_MAX)(target, key);
  };
}

export const COUNTRY_MESSAGE = 'country must be an ISO 3166-1 alpha-2 code such as MN, CN, JP, KR, RU or KP';
