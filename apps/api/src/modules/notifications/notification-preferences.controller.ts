import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/decorators/public.decorator.js';
import { preferredMediaType } from '../../common/http/accepts.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import {
  NotificationPreferencesResponseDto,
  UnsubscribeResponseDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification-preferences.dto.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { UnsubscribePageService } from './unsubscribe-page.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('members/me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOperation({ summary: "The caller's e-mail choices for notifications" })
  @ApiOkResponse({ type: NotificationPreferencesResponseDto })
  get(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor);
  }

  @Put()
  @ApiOperation({ summary: "Change the caller's e-mail choices for notifications (fields left out stay)" })
  @ApiOkResponse({ type: NotificationPreferencesResponseDto })
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateNotificationPreferencesDto) {
    return this.preferences.update(actor, dto);
  }
}

/** The links in notification e-mail: no session, the signed token in the path is the credential (RFC 8058). */
@ApiTags('notifications')
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly preferences: NotificationPreferencesService,
    private readonly pages: UnsubscribePageService,
  ) {}

  @Get(':token')
  @Public()
  @ApiOperation({ summary: 'Show the confirmation page of an unsubscribe link (changes nothing)' })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page with a button that posts to the same link' })
  page(@Param('token') token: string) {
    return this.pages.confirm(token);
  }

  @Post(':token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'One-click unsubscribe: set the kind the link names to never' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ type: UnsubscribeResponseDto })
  async unsubscribe(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const result = await this.preferences.unsubscribe(token);
    // A mail client's one-click POST reads JSON; the confirmation form of the page above shows a page again.
    if (preferredMediaType(request.headers.accept, ['application/json', 'text/html']) === 'text/html') {
      response.type('text/html; charset=utf-8').header('Cache-Control', 'no-store');
      return this.pages.done(token);
    }
    return result;
  }
}
