import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NetworkRole } from '@lcc/contracts';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import { CreateInvitationDto } from './dto/create-invitation.dto.js';
import { InvitationListItemDto, InvitationPageDto, InvitationResponseDto } from './dto/invitation.response.js';
import { ListInvitationsQueryDto } from './dto/list-invitations-query.dto.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @ApiErrors(404, 409)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOperation({ summary: 'Invites someone by e-mail, in the language chosen for them.' })
  @ApiCreatedResponse({ type: InvitationResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateInvitationDto) {
    return this.invitations.create(actor, dto);
  }

  @Get()
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOperation({ summary: 'Lists every invitation with its state, newest first.' })
  @ApiOkResponse({ type: InvitationPageDto })
  list(@Query() query: ListInvitationsQueryDto) {
    return this.invitations.list(query);
  }

  @Post(':id/resend')
  @HttpCode(200)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOperation({ summary: 'Sends a pending or expired invitation again with a new link; the old link stops working.' })
  @ApiOkResponse({ type: InvitationResponseDto })
  resend(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.invitations.resend(actor, id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOperation({ summary: 'Withdraws an invitation that has not been used.' })
  @ApiOkResponse({ type: InvitationListItemDto })
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.invitations.revoke(actor, id);
  }
}
