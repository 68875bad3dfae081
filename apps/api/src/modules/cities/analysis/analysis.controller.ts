import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../common/decorators/public.decorator.js';
import { type Actor, CurrentActor } from '../../../common/http/actor.js';
import { ChangeQueryDto, CompareQueryDto } from '../dto/analysis.dto.js';
import {
  ChangeResponseDto,
  ComparisonResponseDto,
  SectorSharesResponseDto,
  StrategyProgressResponseDto,
} from '../dto/city.response.js';
import { AnalysisService } from './analysis.service.js';

/** Read-only analysis over what the caller may read (anonymous visitors: public records only). */
@ApiTags('analysis')
@ApiBearerAuth()
@Public()
@Controller('analysis')
export class AnalysisController {
  constructor(private readonly analysis: AnalysisService) {}

  @Get('compare')
  @ApiOkResponse({ type: ComparisonResponseDto })
  compare(@CurrentActor() actor: Actor | undefined, @Query() query: CompareQueryDto) {
    return this.analysis.compare(actor ?? null, query);
  }

  @Get('change')
  @ApiOkResponse({ type: ChangeResponseDto })
  change(@CurrentActor() actor: Actor | undefined, @Query() query: ChangeQueryDto) {
    return this.analysis.change(actor ?? null, query);
  }

  @Get('strategies/:id/progress')
  @ApiOkResponse({ type: StrategyProgressResponseDto })
  progress(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.analysis.progress(actor ?? null, id);
  }

  @Get('inventories/:id/sector-shares')
  @ApiOkResponse({ type: SectorSharesResponseDto })
  sectorShares(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.analysis.sectorShares(actor ?? null, id);
  }
}
