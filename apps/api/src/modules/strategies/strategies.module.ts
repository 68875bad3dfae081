import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitiesModule } from '../cities/cities.module.js';
import { LinkedRecordsModule } from '../linked-records/linked-records.module.js';
import { StrategyAction } from './entities/strategy-action.entity.js';
import { StrategyTarget } from './entities/strategy-target.entity.js';
import { Strategy } from './entities/strategy.entity.js';
import { CityStrategiesController, StrategiesController } from './strategies.controller.js';
import { StrategiesService } from './strategies.service.js';

/** Cities' strategies and plans with their targets and actions, linked documents and one discussion room each. */
@Module({
  imports: [TypeOrmModule.forFeature([Strategy, StrategyTarget, StrategyAction]), CitiesModule, LinkedRecordsModule],
  controllers: [CityStrategiesController, StrategiesController],
  providers: [StrategiesService],
  exports: [StrategiesService],
})
export class StrategiesModule {}
