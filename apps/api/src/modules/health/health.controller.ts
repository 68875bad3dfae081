import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipRateLimit } from '../../common/decorators/skip-rate-limit.decorator.js';
import { Public } from '../../common/decorators/public.decorator.js';

@ApiTags('health')
@Controller('health')
@Public()
@SkipRateLimit()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  /** Readiness: answers 200 only while the database answers. */
  @Get()
  @ApiOperation({ summary: 'Report readiness, including the database' })
  @HealthCheck()
  ready() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
  }

  /** Liveness: the process serves HTTP; touches no database. */
  @Get('live')
  @ApiOperation({ summary: 'Report liveness without touching the database' })
  live() {
    return { status: 'ok' };
  }
}
