import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NetworkRole } from '@lcc/contracts';
import { AllowPasswordChangePending } from '../../common/decorators/allow-password-change-pending.decorator.js';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { ChangeRoleDto } from './dto/change-role.dto.js';
import { ListMembersQueryDto } from './dto/list-members-query.dto.js';
import { MemberPageDto, MemberResponseDto } from './dto/member.response.js';
import { UpdateMeDto } from './dto/update-me.dto.js';
import { MembersService } from './members.service.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get('me')
  @AllowPasswordChangePending()
  @ApiOkResponse({ type: MemberResponseDto })
  me(@CurrentActor() actor: Actor) {
    return this.members.me(actor);
  }

  @Patch('me')
  @ApiOkResponse({ type: MemberResponseDto })
  updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto) {
    return this.members.updateMe(actor, dto);
  }

  @Get()
  @ApiOkResponse({ type: MemberPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListMembersQueryDto) {
    return this.members.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: MemberResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.get(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOkResponse({ type: MemberResponseDto })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.approve(actor, id);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOkResponse({ type: MemberResponseDto })
  suspend(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.suspend(actor, id);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOkResponse({ type: MemberResponseDto })
  reinstate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.reinstate(actor, id);
  }

  @Patch(':id/role')
  @Roles(NetworkRole.Admin)
  @ApiOkResponse({ type: MemberResponseDto })
  changeRole(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeRoleDto) {
    return this.members.changeRole(actor, id, dto.role);
  }
}
