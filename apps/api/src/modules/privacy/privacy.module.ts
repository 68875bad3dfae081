import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module.js';
import { DataExportsController } from './data-exports.controller.js';
import { DataExportsService } from './data-exports.service.js';
import { DataExport } from './entities/data-export.entity.js';

/** Members' control over their data: "download my data" (the directory choices and deletion live in members). */
@Module({
  imports: [TypeOrmModule.forFeature([DataExport]), DocumentsModule],
  controllers: [DataExportsController],
  providers: [DataExportsService],
})
export class PrivacyModule {}
