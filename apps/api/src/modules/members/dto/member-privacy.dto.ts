import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsOptional } from 'class-validator';
import { ContactField, DirectoryVisibility } from '@lcc/contracts';

/** The privacy choices a member may change with `PATCH /api/members/me` (see docs/privacy.md). */
export class MemberPrivacyFieldsDto {
  @ApiPropertyOptional({
    enum: DirectoryVisibility,
    enumName: 'DirectoryVisibility',
    description: 'Who finds you in the directory, search and people pickers (staff always do)',
  })
  @IsOptional()
  @IsEnum(DirectoryVisibility)
  directoryVisibility?: DirectoryVisibility;

  @ApiPropertyOptional({
    enum: ContactField,
    enumName: 'ContactField',
    isArray: true,
    description: 'The contact fields shown to those who may see your profile',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsEnum(ContactField, { each: true })
  shownContactFields?: ContactField[];
}
