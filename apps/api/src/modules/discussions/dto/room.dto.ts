import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { RoomKind, RoomNotifyLevel, RoomVisibility } from '@lcc/contracts';
import { PageQueryDto } from '../../../common/pagination/cursor.js';
import { trimString } from '../../../common/validation/transforms.js';
import { IsSingleLineName } from '../../../common/validation/single-line-text.js';

export class CreateRoomDto {
  @ApiProperty({
    enum: [RoomKind.Topic, RoomKind.Direct],
    description: 'Group and meeting rooms are made by their features',
  })
  @IsIn([RoomKind.Topic, RoomKind.Direct], { message: 'kind must be topic or direct' })
  kind: RoomKind.Topic | RoomKind.Direct;

  @ApiPropertyOptional({ maxLength: 200, description: 'Required for topic rooms' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  @IsSingleLineName()
  name?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  topic?: string;

  @ApiPropertyOptional({ enum: RoomVisibility, enumName: 'RoomVisibility', description: 'Topic rooms only' })
  @IsOptional()
  @IsIn(Object.values(RoomVisibility))
  visibility?: RoomVisibility;

  @ApiPropertyOptional({ type: [String], maxItems: 200, description: 'Invited members (direct: 1 to 19 others)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds?: string[];
}

export class ListRoomsQueryDto extends PageQueryDto {}

export class RoomDirectoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Part of a room name or topic, in any script' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class AddRoomMembersDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 100, description: 'Active members to add' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds: string[];
}

export class RoomMemberParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  memberId: string;
}

export class RoomNotifyLevelDto {
  @ApiProperty({ enum: RoomNotifyLevel, enumName: 'RoomNotifyLevel' })
  @IsIn(Object.values(RoomNotifyLevel))
  notifyLevel: RoomNotifyLevel;
}

export class UpdateRoomDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Not for group rooms (they carry the group name)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsSingleLineName()
  name?: string;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  topic?: string;

  @ApiPropertyOptional({ description: 'Archived rooms keep their history but take no new messages' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}
