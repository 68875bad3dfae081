import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trimString } from '../../../common/validation/transforms.js';

/** `POST /api/members/:id/reject`: the reason is stored and e-mailed to the applicant as written. */
export class RejectMemberDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'The network admits organisations of the member states.' })
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  reason: string;
}
