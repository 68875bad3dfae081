import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { COUNTRY_CODES, MemberStatus, MemberType } from '@lcc/contracts';
import { PageQueryDto } from '../../../common/pagination/cursor.js';
import { trimString } from '../../../common/validation/transforms.js';

const LISTED_STATUSES = Object.values(MemberStatus).filter((status) => status !== MemberStatus.Deleted);

export class ListMembersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of a name, organisation, city or expertise, in any script' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: COUNTRY_CODES, enumName: 'Country' })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;

  @ApiPropertyOptional({ enum: MemberType, enumName: 'MemberType' })
  @IsOptional()
  @IsEnum(MemberType)
  memberType?: MemberType;

  @ApiPropertyOptional({ description: 'An expertise tag, matched exactly (case-insensitive)' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  expertise?: string;

  @ApiPropertyOptional({
    enum: LISTED_STATUSES,
    description: 'Coordinators and admins only; others always see active members. Deleted accounts are never listed.',
  })
  @IsOptional()
  @IsIn(LISTED_STATUSES)
  status?: MemberStatus;
}
