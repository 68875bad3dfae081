import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import { DataExportsService } from './data-exports.service.js';
import { DataExportResponseDto } from './dto/data-export.response.js';

/** "Download my data": the caller's own requests only (anyone else's answer 404). */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('data-exports')
export class DataExportsController {
  constructor(private readonly exports: DataExportsService) {}

  @Get()
  @ApiOperation({ summary: "List the caller's data export requests, newest first" })
  @ApiOkResponse({ type: [DataExportResponseDto] })
  list(@CurrentActor() actor: Actor) {
    return this.exports.list(actor);
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for an archive of all your data; it is prepared in the background' })
  @ApiErrors(409)
  @ApiAcceptedResponse({ type: DataExportResponseDto, description: 'Accepted: status `requested`' })
  request(@CurrentActor() actor: Actor) {
    return this.exports.request(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get one of your data export requests (poll it until it is ready)' })
  @ApiOkResponse({ type: DataExportResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.exports.get(actor, id);
  }

  @Get(':id/download')
  @ApiOperation({ summary: 'Download your prepared data export (a ZIP archive)' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The ZIP archive' })
  async download(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const file = await this.exports.download(actor, id);
    return new StreamableFile(file.stream, {
      type: 'application/zip',
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.size,
    });
  }
}
