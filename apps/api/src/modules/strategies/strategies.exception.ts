import { StrategyErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { StrategyErrorCode };

export const StrategyException = featureException<StrategyErrorCode>('StrategyException', {
  [StrategyErrorCode.STRATEGY_NOT_FOUND]: [404, 'Strategy not found'],
  [StrategyErrorCode.TARGET_NOT_FOUND]: [404, 'Target not found'],
  [StrategyErrorCode.ACTION_NOT_FOUND]: [404, 'Action not found'],
});
