import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { LinkedRecordsModule } from '../linked-records/linked-records.module.js';
import { EcoLabelCatalogueService } from './eco-label-catalogue.service.js';
import { EcoLabelSchemesService } from './eco-label-schemes.service.js';
import { EcoLabelsController } from './eco-labels.controller.js';
import { CertificationStep } from './entities/certification-step.entity.js';
import { EcoLabelCriterion } from './entities/eco-label-criterion.entity.js';
import { EcoLabelScheme } from './entities/eco-label-scheme.entity.js';
import { MutualRecognition } from './entities/mutual-recognition.entity.js';
import { ProductCategory } from './entities/product-category.entity.js';
import { SchemeCategory } from './entities/scheme-category.entity.js';

/** The eco-label registry (Type I, ISO 14024): schemes, categories, criteria, procedures, mutual recognition. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      EcoLabelScheme,
      ProductCategory,
      SchemeCategory,
      EcoLabelCriterion,
      CertificationStep,
      MutualRecognition,
    ]),
    AuditModule,
    LinkedRecordsModule,
  ],
  controllers: [EcoLabelsController],
  providers: [EcoLabelSchemesService, EcoLabelCatalogueService],
  exports: [EcoLabelSchemesService, EcoLabelCatalogueService],
})
export class EcoLabelsModule {}
