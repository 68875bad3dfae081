import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Language, NetworkRole } from '@lcc/contracts';
import { trimString } from '../../../common/validation/transforms.js';

export class CreateInvitationDto {
  @ApiProperty({ format: 'email' })
  @Transform(trimString)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ enum: NetworkRole, enumName: 'NetworkRole', default: NetworkRole.Member })
  @IsOptional()
  @IsEnum(NetworkRole)
  role?: NetworkRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'The working group the invitee joins on registration' })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;

  @ApiPropertyOptional({
    enum: Language,
    enumName: 'Language',
    default: Language.En,
    description: "The invitation e-mail's language; it becomes the invitee's interface language",
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;
}
