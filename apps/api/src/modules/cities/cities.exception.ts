import { CityErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { CityErrorCode };

export const CityException = featureException<CityErrorCode>('CityException', {
  [CityErrorCode.CITY_NOT_FOUND]: [404, 'City not found'],
  [CityErrorCode.CITY_NAME_TAKEN]: [409, 'This country already has a city with this English name'],
  [CityErrorCode.CITY_EDIT_FORBIDDEN]: [403, "Only coordinators and the city's focal points can change its records"],
  [CityErrorCode.CITY_MEMBER_NOT_FOUND]: [400, 'Focal points and organisations must be active members'],
});
