import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NetworkRole } from '@lcc/contracts';
import { Public } from '../../common/decorators/public.decorator.js';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import { PageQueryDto } from '../../common/pagination/cursor.js';
import { DocumentDownloadService } from './document-download.service.js';
import { DocumentSearchService } from './document-search.service.js';
import { DocumentVersionsService } from './document-versions.service.js';
import { DocumentsService } from './documents.service.js';
import { UpdateDocumentDto } from './dto/create-document.dto.js';
import { DownloadQueryDto, ListDocumentsQueryDto, VersionParamsDto } from './dto/document-queries.dto.js';
import { VersionNoteDto } from './dto/version.dto.js';
import {
  DocumentDownloadPageDto,
  DocumentPageDto,
  DocumentResponseDto,
  DocumentTextResponseDto,
  DocumentVersionPageDto,
  DocumentVersionResponseDto,
} from './dto/document.response.js';

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['title', 'kind', 'file'],
    properties: {
      title: { type: 'string' },
      description: { type: 'string' },
      kind: { type: 'string' },
      language: { type: 'string' },
      country: { type: 'string' },
      city: { type: 'string' },
      year: { type: 'integer' },
      tags: { type: 'string', description: 'comma-separated' },
      workingGroupId: { type: 'string', format: 'uuid' },
      visibility: { type: 'string', enum: ['public', 'network', 'group'] },
      file: { type: 'string', format: 'binary', description: 'last part, after the metadata fields' },
    },
  },
};

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly search: DocumentSearchService,
    private readonly downloads: DocumentDownloadService,
    private readonly versionsService: DocumentVersionsService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'List and search the documents the caller may open' })
  @ApiOkResponse({ type: DocumentPageDto, description: 'Anonymous visitors see public documents only' })
  list(@CurrentActor() actor: Actor | undefined, @Query() query: ListDocumentsQueryDto) {
    return this.search.list(actor ?? null, query);
  }

  @Post()
  @ApiOperation({ summary: 'Upload a document' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ type: DocumentResponseDto })
  upload(@CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    return this.documents.upload(actor, request);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: "Get a document's metadata" })
  @ApiOkResponse({ type: DocumentResponseDto })
  get(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.get(actor ?? null, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Update a document's metadata" })
  @ApiOkResponse({ type: DocumentResponseDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDocumentDto) {
    return this.documents.update(actor, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a document' })
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.remove(actor, id);
  }

  @Post(':id/restore')
  @ApiOperation({ summary: 'Restore a deleted document' })
  @ApiErrors(409)
  @HttpCode(200)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOkResponse({ type: DocumentResponseDto })
  restore(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.restore(actor, id);
  }

  @Post(':id/versions')
  @ApiOperation({ summary: 'Upload a new version of a document' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        note: { type: 'string', maxLength: 1000, description: 'What changed (before the file)' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiErrors(409)
  @ApiCreatedResponse({ type: DocumentVersionResponseDto })
  addVersion(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest) {
    return this.versionsService.addVersion(actor, id, request);
  }

  @Post(':id/versions/:number/restore')
  @ApiOperation({ summary: 'Restore an older version as the newest one' })
  @ApiErrors(409)
  @ApiCreatedResponse({ type: DocumentVersionResponseDto })
  restoreVersion(@CurrentActor() actor: Actor, @Param() params: VersionParamsDto, @Body() dto: VersionNoteDto) {
    return this.versionsService.restoreVersion(actor, params.id, params.number, dto);
  }

  @Public()
  @Get(':id/text')
  @ApiOperation({ summary: "Read the text extracted from a document's version" })
  @ApiOkResponse({ type: DocumentTextResponseDto })
  text(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DownloadQueryDto,
  ) {
    return this.versionsService.text(actor ?? null, id, query.version);
  }

  @Public()
  @Get(':id/versions')
  @ApiOperation({ summary: "List a document's versions" })
  @ApiOkResponse({ type: DocumentVersionPageDto })
  versions(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ) {
    return this.versionsService.versions(actor ?? null, id, query);
  }

  @Public()
  @Get(':id/download')
  @ApiOperation({ summary: "Download a document's file" })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file (206 for a Range, 304 when If-None-Match names the ETag)' })
  async download(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DownloadQueryDto,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ): Promise<void> {
    await this.downloads.send(actor ?? null, id, query.version, request, response);
  }

  @Get(':id/downloads')
  @ApiOperation({ summary: 'List who downloaded a document' })
  @ApiOkResponse({ type: DocumentDownloadPageDto })
  downloadLog(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto) {
    return this.documents.downloads(actor, id, query);
  }
}
