import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { ListNotificationsQueryDto, NotificationPageDto, NotificationResponseDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "List the caller's notifications" })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQueryDto) {
    return this.notifications.list(actor, query);
  }

  @Post('read-all')
  @ApiOperation({ summary: "Mark all of the caller's notifications as read" })
  @HttpCode(200)
  @ApiOkResponse({ description: '{ updated: number }' })
  readAll(@CurrentActor() actor: Actor) {
    return this.notifications.readAll(actor);
  }

  @Post(':id/read')
  @ApiOperation({ summary: 'Mark one notification as read' })
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationResponseDto })
  read(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.read(actor, id);
  }
}
