import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitiesModule } from '../cities/cities.module.js';
import { IndicatorValue } from './entities/indicator-value.entity.js';
import { Indicator } from './entities/indicator.entity.js';
import { ReportedChange } from './entities/reported-change.entity.js';
import { IndicatorImportService } from './indicator-import.service.js';
import { IndicatorValuesController } from './indicator-values.controller.js';
import { IndicatorValuesService } from './indicator-values.service.js';
import { IndicatorsController } from './indicators.controller.js';
import { IndicatorsService } from './indicators.service.js';
import { ReportedChangesController } from './reported-changes.controller.js';
import { ReportedChangesService } from './reported-changes.service.js';

/**
 * Indicator definitions and their series for cities and countries: single writes, CSV import and export, and the
 * period changes sources report.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Indicator, IndicatorValue, ReportedChange]), CitiesModule],
  controllers: [IndicatorsController, IndicatorValuesController, ReportedChangesController],
  providers: [IndicatorsService, IndicatorValuesService, IndicatorImportService, ReportedChangesService],
  exports: [IndicatorsService, IndicatorValuesService, ReportedChangesService],
})
export class IndicatorsModule {}
