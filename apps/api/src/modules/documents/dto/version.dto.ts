import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Trimmed; multipart sends every value as text, so an empty note means "no note". */
const toNote = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  return value.trim() === '' ? undefined : value.trim();
};

/** The fields of `POST /api/documents/:id/versions` before `file`, and the body of a version restore. */
export class VersionNoteDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'What changed in this version' })
  @IsOptional()
  @Transform(toNote)
  @IsString()
  @MaxLength(1000)
  note?: string;
}
