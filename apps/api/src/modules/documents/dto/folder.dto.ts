import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { type DocumentFolderResponse } from '@lcc/contracts';
import { trimString } from '../../../common/validation/transforms.js';
import { IsSingleLineName } from '../../../common/validation/single-line-text.js';
import { PageQueryDto } from '../../../common/pagination/cursor.js';
import { DocumentPersonRefDto } from './document.response.js';

export class CreateFolderDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Heating strategies' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  @IsSingleLineName()
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The group it belongs to; absent for a folder of the library' })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;
}

/** A rename. */
export class UpdateFolderDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  @IsSingleLineName()
  name: string;
}

export class ListFoldersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "A group's folders; the library's when absent" })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;
}

export class DocumentFolderResponseDto implements DocumentFolderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) workingGroupId: string | null;
  @ApiProperty({ type: DocumentPersonRefDto }) createdBy: DocumentPersonRefDto;
  @ApiProperty() documentCount: number;
  @ApiProperty() canEdit: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DocumentFolderPageDto {
  @ApiProperty({ type: [DocumentFolderResponseDto] }) items: DocumentFolderResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/**
 * `PUT /api/documents/:id/folder`: the folder to keep it in (a library folder: its place in the library; a group's
 * folder: its place in that group), or null for none — in the library, or in the group named by `workingGroupId`.
 */
export class MoveDocumentDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  folderId: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The group whose folder is meant (with folderId null: take it out of that group’s folder)',
  })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;
}
