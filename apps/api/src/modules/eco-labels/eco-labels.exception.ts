import { EcoLabelErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { EcoLabelErrorCode };

export const EcoLabelException = featureException<EcoLabelErrorCode>('EcoLabelException', {
  [EcoLabelErrorCode.SCHEME_NOT_FOUND]: [404, 'Eco-label scheme not found'],
  [EcoLabelErrorCode.SCHEME_NAME_TAKEN]: [409, 'Another scheme already uses this name'],
  [EcoLabelErrorCode.CATEGORY_NOT_FOUND]: [404, 'Product category not found'],
  [EcoLabelErrorCode.CATEGORY_CODE_TAKEN]: [409, 'Another product category already uses this code'],
  [EcoLabelErrorCode.SCHEME_CATEGORY_NOT_FOUND]: [404, 'The scheme has no criteria for this product category'],
  [EcoLabelErrorCode.RECOGNITION_NOT_FOUND]: [404, 'Mutual-recognition agreement not found'],
  [EcoLabelErrorCode.RECOGNITION_EXISTS]: [409, 'These two schemes already have an agreement'],
  [EcoLabelErrorCode.SAME_SCHEME]: [400, 'An agreement needs two different schemes'],
});
