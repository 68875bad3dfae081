import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/decorators/public.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { AnalysisService } from './analysis.service.js';
import { ChangeQueryDto, CompareQueryDto } from './dto/analysis.dto.js';
import {
  ChangeResponseDto,
  ComparisonResponseDto,
  SectorSharesResponseDto,
  StrategyProgressResponseDto,
} from './dto/analysis.response.js';

/** Read-only analysis over what the caller may read (anonymous visitors: public records only). */
@ApiTags('analysis')
@ApiBearerAuth()
@Public()
@Controller('analysis')
export class AnalysisController {
  constructor(private readonly analysis: AnalysisService) {}

  @Get('compare')
  @ApiOperation({ summary: 'Compare one indicator across cities and countries.' })
  @ApiOkResponse({ type: ComparisonResponseDto })
  compare(@CurrentActor() actor: Actor | undefined, @Query() query: CompareQueryDto) {
    return this.analysis.compare(actor ?? null, query);
  }

  @Get('change')
  @ApiOperation({ summary: "Compute the change of one subject's series between two years." })
  @ApiOkResponse({ type: ChangeResponseDto })
  change(@CurrentActor() actor: Actor | undefined, @Query() query: ChangeQueryDto) {
    return this.analysis.change(actor ?? null, query);
  }

  @Get('strategies/:id/progress')
  @ApiOperation({ summary: "Assess whether each of a strategy's targets is on track." })
  @ApiOkResponse({ type: StrategyProgressResponseDto })
  progress(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.analysis.progress(actor ?? null, id);
  }

  @Get('inventories/:id/sector-shares')
  @ApiOperation({ summary: "Show the share each GPC sector takes of an inventory's total." })
  @ApiOkResponse({ type: SectorSharesResponseDto })
  sectorShares(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.analysis.sectorShares(actor ?? null, id);
  }
}
