import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { NetworkRole } from '@lcc/contracts';

export class ChangeRoleDto {
  @ApiProperty({ enum: NetworkRole, enumName: 'NetworkRole' })
  @IsEnum(NetworkRole)
  role: NetworkRole;
}
