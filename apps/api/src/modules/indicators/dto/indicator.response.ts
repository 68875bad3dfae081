import { ApiProperty } from '@nestjs/swagger';
import {
  ChangeKind,
  DataQuality,
  type ImportResultResponse,
  type IndicatorResponse,
  IndicatorSubject,
  type IndicatorValueResponse,
  RecordVisibility,
  type ReportedChangeResponse,
  type SubjectRef,
} from '@lcc/contracts';
import { country, nullableString, quality, visibility } from '../../cities/dto/city.response.js';

export class IndicatorResponseDto implements IndicatorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty(nullableString) description: string | null;
  @ApiProperty({ enum: IndicatorSubject, enumName: 'IndicatorSubject', isArray: true }) subjects: IndicatorSubject[];
  @ApiProperty() builtIn: boolean;
}

export class IndicatorPageDto {
  @ApiProperty({ type: [IndicatorResponseDto] }) items: IndicatorResponseDto[];
  @ApiProperty(nullableString) nextCursor: string | null;
}

export class SubjectRefDto implements SubjectRef {
  @ApiProperty({ enum: IndicatorSubject, enumName: 'IndicatorSubject' }) type: IndicatorSubject;
  @ApiProperty(country) country: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cityId: string | null;
  @ApiProperty() name: string;
}

export class IndicatorValueResponseDto implements IndicatorValueResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() indicator: string;
  @ApiProperty() unit: string;
  @ApiProperty({ type: SubjectRefDto }) subject: SubjectRefDto;
  @ApiProperty() year: number;
  @ApiProperty() value: number;
  @ApiProperty() source: string;
  @ApiProperty(quality) quality: DataQuality;
  @ApiProperty(visibility) visibility: RecordVisibility;
}

export class IndicatorValuePageDto {
  @ApiProperty({ type: [IndicatorValueResponseDto] }) items: IndicatorValueResponseDto[];
  @ApiProperty(nullableString) nextCursor: string | null;
}

export class ReportedChangeResponseDto implements ReportedChangeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() indicator: string;
  @ApiProperty({ type: SubjectRefDto }) subject: SubjectRefDto;
  @ApiProperty() startYear: number;
  @ApiProperty() endYear: number;
  @ApiProperty({ enum: ChangeKind, enumName: 'ChangeKind' }) kind: ChangeKind;
  @ApiProperty() valuePercent: number;
  @ApiProperty() source: string;
  @ApiProperty(quality) quality: DataQuality;
  @ApiProperty(nullableString) notes: string | null;
  @ApiProperty(visibility) visibility: RecordVisibility;
}

export class ReportedChangePageDto {
  @ApiProperty({ type: [ReportedChangeResponseDto] }) items: ReportedChangeResponseDto[];
  @ApiProperty(nullableString) nextCursor: string | null;
}

export class ImportResultResponseDto implements ImportResultResponse {
  @ApiProperty() rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() dryRun: boolean;
}
