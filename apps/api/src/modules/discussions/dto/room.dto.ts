import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
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
import { RoomKind, RoomVisibility } from '@lcc/contracts';
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
