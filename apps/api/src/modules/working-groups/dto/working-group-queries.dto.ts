import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { GroupMembershipStatus, GroupRole, ThematicArea } from '@lcc/contracts';
import { PageQueryDto } from '../../../common/pagination/cursor.js';
import { queryBoolean } from '../../../common/validation/transforms.js';

export class ListWorkingGroupsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ThematicArea, enumName: 'ThematicArea' })
  @IsOptional()
  @IsEnum(ThematicArea)
  thematicArea?: ThematicArea;

  @ApiPropertyOptional({ description: 'Only groups I belong to (or asked to join)' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ description: 'Only groups where join requests wait for my decision (I lead it, or staff)' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  awaiting?: boolean;

  @ApiPropertyOptional({ description: 'true: archived groups only; otherwise groups in use only' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  archived?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class ListGroupMembersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: GroupMembershipStatus,
    enumName: 'GroupMembershipStatus',
    description: 'pending: leads only',
  })
  @IsOptional()
  @IsEnum(GroupMembershipStatus)
  status?: GroupMembershipStatus;
}

export class AddGroupMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  memberId: string;

  @ApiPropertyOptional({ enum: GroupRole, enumName: 'GroupRole', default: GroupRole.Member })
  @IsOptional()
  @IsEnum(GroupRole)
  role?: GroupRole;
}

export class ChangeGroupRoleDto {
  @ApiProperty({ enum: GroupRole, enumName: 'GroupRole' })
  @IsEnum(GroupRole)
  role: GroupRole;
}

export class GroupMemberParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  memberId: string;
}
