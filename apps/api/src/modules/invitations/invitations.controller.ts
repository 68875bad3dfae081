import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NetworkRole } from '@lcc/contracts';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import { CreateInvitationDto } from './dto/create-invitation.dto.js';
import { InvitationResponseDto } from './dto/invitation.response.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @ApiOperation({ summary: 'Invite someone to the network by e-mail' })
  @ApiErrors(404, 409)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiCreatedResponse({ type: InvitationResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateInvitationDto) {
    return this.invitations.create(actor, dto);
  }
}
