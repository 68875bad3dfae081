import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitWindow } from './entities/rate-limit-window.entity.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RateLimitsService } from './rate-limits.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RateLimitWindow])],
  providers: [RateLimitsService, RateLimitGuard],
  exports: [RateLimitsService, RateLimitGuard],
})
export class RateLimitsModule {}
