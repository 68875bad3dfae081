import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { type NotificationResponse, NotificationType } from '@lcc/contracts';
import { PageQueryDto } from '../../../common/pagination/cursor.js';
import { queryBoolean } from '../../../common/validation/transforms.js';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class NotificationResponseDto implements NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NotificationType, enumName: 'NotificationType' }) type: NotificationType;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) data: Record<string, string>;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationResponseDto] }) items: NotificationResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Unread notifications in all' }) unreadCount: number;
}
