import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { ListNotificationsQueryDto, NotificationPageDto, NotificationResponseDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQueryDto) {
    return this.notifications.list(actor, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ updated: number }' })
  readAll(@CurrentActor() actor: Actor) {
    return this.notifications.readAll(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationResponseDto })
  read(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.read(actor, id);
  }
}
