import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { DeletedMessages } from '@lcc/contracts';

/** `POST /api/members/:id/deletion` (admins): what becomes of the member's messages. */
export class DeleteMemberDto {
  @ApiPropertyOptional({
    enum: DeletedMessages,
    enumName: 'DeletedMessages',
    default: DeletedMessages.Keep,
    description: 'Keep the messages signed "Former member", or remove them',
  })
  @IsOptional()
  @IsEnum(DeletedMessages)
  messages: DeletedMessages = DeletedMessages.Keep;
}

/** `POST /api/members/me/deletion`: the member confirms with their password. */
export class DeleteAccountDto extends DeleteMemberDto {
  @ApiProperty({ description: 'The current password, to confirm', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  password: string;
}
