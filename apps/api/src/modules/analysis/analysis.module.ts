import { Module } from '@nestjs/common';
import { CitiesModule } from '../cities/cities.module.js';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { InventoriesModule } from '../inventories/inventories.module.js';
import { StrategiesModule } from '../strategies/strategies.module.js';
import { AnalysisController } from './analysis.controller.js';
import { AnalysisService } from './analysis.service.js';

/** Read-only analysis of the city features: comparisons, growth, target progress, sector shares. */
@Module({
  imports: [CitiesModule, IndicatorsModule, StrategiesModule, InventoriesModule],
  controllers: [AnalysisController],
  providers: [AnalysisService],
})
export class AnalysisModule {}
