import { ApiProperty } from '@nestjs/swagger';
import { type DataExportResponse, DataExportStatus } from '@lcc/contracts';

/** OpenAPI description of `DataExportResponse` (libs/contracts). */
export class DataExportResponseDto implements DataExportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DataExportStatus, enumName: 'DataExportStatus' }) status: DataExportStatus;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The archive is deleted then' })
  expiresAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Bytes of the ZIP archive' }) size: number | null;
}
