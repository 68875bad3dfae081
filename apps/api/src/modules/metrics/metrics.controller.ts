import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipRateLimit } from '../../common/decorators/skip-rate-limit.decorator.js';
import { Public } from '../../common/decorators/public.decorator.js';
import { MetricsTokenGuard } from './metrics-token.guard.js';
import { MetricsService } from './metrics.service.js';

/**
 * `/metrics` (outside `/api`): for the Prometheus scraper on the internal network, not routed by the proxy, and
 * only with the bearer token `METRICS_TOKEN` (404 while none is configured).
 */
@ApiExcludeController()
@Controller('metrics')
@Public()
@SkipRateLimit()
@UseGuards(MetricsTokenGuard)
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
