import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { GroupVisibility, ThematicArea } from '@lcc/contracts';
import { trimString } from '../../../common/validation/transforms.js';
import { IsSingleLineName } from '../../../common/validation/single-line-text.js';

export class CreateWorkingGroupDto {
  @ApiProperty({ minLength: 2, maxLength: 200, example: 'Expert Group on Low-Carbon Cities' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  @IsSingleLineName()
  name: string;

  @ApiPropertyOptional({
    description: 'URL name, unique; made from the name when absent',
    example: 'low-carbon-cities',
  })
  @IsOptional()
  @IsString()
  @Length(3, 100)
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug must be lower-case letters and digits joined by hyphens' })
  slug?: string;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiProperty({ enum: ThematicArea, enumName: 'ThematicArea' })
  @IsEnum(ThematicArea)
  thematicArea: ThematicArea;

  @ApiPropertyOptional({ enum: GroupVisibility, enumName: 'GroupVisibility', default: GroupVisibility.Public })
  @IsOptional()
  @IsEnum(GroupVisibility)
  visibility?: GroupVisibility;
}

export class UpdateWorkingGroupDto extends PartialType(CreateWorkingGroupDto) {}
