import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DocumentKind,
  DocumentLanguage,
  DocumentVisibility,
  ExtractionStatus,
  type DocumentDownloadResponse,
  type DocumentGroupFolder,
  type DocumentPersonRef,
  type DocumentResponse,
  type DocumentTextResponse,
  type DocumentVersionResponse,
} from '@lcc/contracts';

export class DocumentPersonRefDto implements DocumentPersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class DocumentVersionResponseDto implements DocumentVersionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ minimum: 1 }) number: number;
  @ApiProperty() fileName: string;
  @ApiProperty() mimeType: string;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'SHA-256, hex; the ETag of the download' }) sha256: string;
  @ApiProperty({ enum: ExtractionStatus, enumName: 'ExtractionStatus' }) extractionStatus: ExtractionStatus;
  @ApiProperty({ type: String, nullable: true, description: "What changed, in the uploader's words" })
  note: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'A restored version: the number whose bytes it holds' })
  restoredFromNumber: number | null;
  @ApiProperty({ type: DocumentPersonRefDto }) uploadedBy: DocumentPersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DocumentGroupFolderDto implements DocumentGroupFolder {
  @ApiProperty({ format: 'uuid' }) workingGroupId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) folderId: string | null;
}

export class DocumentResponseDto implements DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: DocumentKind, enumName: 'DocumentKind' }) kind: DocumentKind;
  @ApiProperty({ enum: DocumentLanguage, enumName: 'DocumentLanguage' }) language: DocumentLanguage;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: Number, nullable: true }) year: number | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The first of workingGroupIds' })
  workingGroupId: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every group it is filed under (shared with)' })
  workingGroupIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The library folder it is kept in' })
  folderId: string | null;
  @ApiProperty({
    type: [DocumentGroupFolderDto],
    description: 'Its folder in each of its groups whose insides the viewer sees, in the groups’ order',
  })
  groupFolders: DocumentGroupFolderDto[];
  @ApiProperty({ enum: DocumentVisibility, enumName: 'DocumentVisibility' }) visibility: DocumentVisibility;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For visibility room: whose readers' })
  roomId: string | null;
  @ApiProperty({ type: DocumentPersonRefDto }) uploadedBy: DocumentPersonRefDto;
  @ApiProperty({ type: DocumentVersionResponseDto }) latestVersion: DocumentVersionResponseDto;
  @ApiProperty() versionCount: number;
  @ApiProperty() downloadCount: number;
  @ApiProperty() canEdit: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({ description: 'Search results only' }) rank?: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Search results only; matches in <b>' })
  snippet?: string | null;
}

export class DocumentFacetCountDto {
  @ApiProperty() value: string;
  @ApiProperty() count: number;
}

export class DocumentFacetsDto {
  @ApiProperty({ type: [DocumentFacetCountDto] }) kind: DocumentFacetCountDto[];
  @ApiProperty({ type: [DocumentFacetCountDto] }) language: DocumentFacetCountDto[];
  @ApiProperty({ type: [DocumentFacetCountDto] }) country: DocumentFacetCountDto[];
  @ApiProperty({ type: [DocumentFacetCountDto] }) year: DocumentFacetCountDto[];
  @ApiProperty({ type: [DocumentFacetCountDto] }) tag: DocumentFacetCountDto[];
}

export class DocumentPageDto {
  @ApiProperty({ type: [DocumentResponseDto] }) items: DocumentResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiPropertyOptional({ type: DocumentFacetsDto }) facets?: DocumentFacetsDto;
}

export class DocumentVersionPageDto {
  @ApiProperty({ type: [DocumentVersionResponseDto] }) items: DocumentVersionResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class DocumentDownloadResponseDto implements DocumentDownloadResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ type: DocumentPersonRefDto, nullable: true }) member: DocumentPersonRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DocumentDownloadPageDto {
  @ApiProperty({ type: [DocumentDownloadResponseDto] }) items: DocumentDownloadResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class DocumentTextResponseDto implements DocumentTextResponse {
  @ApiProperty({ minimum: 1 }) number: number;
  @ApiProperty({ enum: ExtractionStatus, enumName: 'ExtractionStatus' }) extractionStatus: ExtractionStatus;
  @ApiProperty({ type: String, nullable: true, description: 'The text read from the file; null until it is read' })
  text: string | null;
}
