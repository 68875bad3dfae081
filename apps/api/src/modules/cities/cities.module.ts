import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { MembersModule } from '../members/members.module.js';
import { CitiesController } from './cities.controller.js';
import { CitiesService } from './cities.service.js';
import { CityMember } from './entities/city-member.entity.js';
import { City } from './entities/city.entity.js';

/**
 * City profiles and their members (focal points, organisations), and the access rule every city record follows.
 * Strategies, inventories, indicators and analysis build on it through `CitiesService`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([City, CityMember]), AuditModule, MembersModule],
  controllers: [CitiesController],
  providers: [CitiesService],
  exports: [CitiesService],
})
export class CitiesModule {}
