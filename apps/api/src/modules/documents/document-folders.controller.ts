import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { DocumentFoldersService } from './document-folders.service.js';
import { DocumentsService } from './documents.service.js';
import { MoveDocumentDto } from './dto/folder.dto.js';
import {
  CreateFolderDto,
  DocumentFolderPageDto,
  DocumentFolderResponseDto,
  ListFoldersQueryDto,
  UpdateFolderDto,
} from './dto/folder.dto.js';
import { DocumentResponseDto } from './dto/document.response.js';

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentFoldersController {
  constructor(
    private readonly folders: DocumentFoldersService,
    private readonly documents: DocumentsService,
  ) {}

  @Get('document-folders')
  @ApiOperation({ summary: "List the library's folders, or a working group's" })
  @ApiOkResponse({ type: DocumentFolderPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListFoldersQueryDto) {
    return this.folders.list(actor, query);
  }

  @Post('document-folders')
  @ApiOperation({ summary: 'Create a folder in the library or in a working group' })
  @ApiCreatedResponse({ type: DocumentFolderResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateFolderDto) {
    return this.folders.create(actor, dto);
  }

  @Get('document-folders/:id')
  @ApiOperation({ summary: 'Get a folder' })
  @ApiOkResponse({ type: DocumentFolderResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.folders.get(actor, id);
  }

  @Patch('document-folders/:id')
  @ApiOperation({ summary: 'Rename a folder' })
  @ApiOkResponse({ type: DocumentFolderResponseDto })
  rename(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateFolderDto) {
    return this.folders.rename(actor, id, dto);
  }

  @Delete('document-folders/:id')
  @ApiOperation({ summary: 'Delete a folder (its documents stay, outside any folder)' })
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.folders.remove(actor, id);
  }

  @Put('documents/:id/folder')
  @ApiOperation({
    summary: 'Keep a document in a folder of the library or of one of its groups, or take it out (folderId null)',
  })
  @ApiOkResponse({ type: DocumentResponseDto })
  async move(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MoveDocumentDto) {
    await this.folders.move(actor, id, dto);
    return this.documents.get(actor, id);
  }
}
