import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { DiscussionsModule } from '../discussions/discussions.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { MembersModule } from '../members/members.module.js';
import { AnalysisController } from './analysis/analysis.controller.js';
import { AnalysisService } from './analysis/analysis.service.js';
import { CitiesController } from './cities.controller.js';
import { CitiesService } from './cities.service.js';
import { CityMember } from './entities/city-member.entity.js';
import { City } from './entities/city.entity.js';
import { EmissionInventory } from './entities/emission-inventory.entity.js';
import { IndicatorValue } from './entities/indicator-value.entity.js';
import { Indicator } from './entities/indicator.entity.js';
import { InventoryEntry } from './entities/inventory-entry.entity.js';
import { ReportedChange } from './entities/reported-change.entity.js';
import { StrategyAction } from './entities/strategy-action.entity.js';
import { StrategyTarget } from './entities/strategy-target.entity.js';
import { Strategy } from './entities/strategy.entity.js';
import { IndicatorImportService } from './indicator-import.service.js';
import { IndicatorValuesService } from './indicator-values.service.js';
import { IndicatorsController, IndicatorValuesController, ReportedChangesController } from './indicators.controller.js';
import { IndicatorsService } from './indicators.service.js';
import { InventoriesService } from './inventories.service.js';
import { StrategiesService } from './strategies.service.js';
import { InventoriesController, StrategiesController } from './strategies.controller.js';

/** The information platform's city side: cities, strategies, inventories, indicators, import/export, analysis. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      City,
      CityMember,
      Strategy,
      StrategyTarget,
      StrategyAction,
      EmissionInventory,
      InventoryEntry,
      Indicator,
      IndicatorValue,
      ReportedChange,
    ]),
    AuditModule,
    MembersModule,
    DocumentsModule,
    DiscussionsModule,
  ],
  controllers: [
    CitiesController,
    StrategiesController,
    InventoriesController,
    IndicatorsController,
    IndicatorValuesController,
    ReportedChangesController,
    AnalysisController,
  ],
  providers: [
    CitiesService,
    StrategiesService,
    InventoriesService,
    IndicatorsService,
    IndicatorValuesService,
    IndicatorImportService,
    AnalysisService,
  ],
  exports: [CitiesService, IndicatorsService, IndicatorValuesService, StrategiesService, InventoriesService],
})
export class CitiesModule {}
