import { InventoryErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { InventoryErrorCode };

export const InventoryException = featureException<InventoryErrorCode>('InventoryException', {
  [InventoryErrorCode.INVENTORY_NOT_FOUND]: [404, 'Emission inventory not found'],
  [InventoryErrorCode.INVENTORY_YEAR_TAKEN]: [409, 'This city already has an inventory for this year'],
});
