import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NetworkRole } from '@lcc/contracts';
import { AllowPasswordChangePending } from '../../common/decorators/allow-password-change-pending.decorator.js';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import { ChangeRoleDto } from './dto/change-role.dto.js';
import { ListMembersQueryDto } from './dto/list-members-query.dto.js';
import { MemberPageDto, MemberResponseDto } from './dto/member.response.js';
import { RejectMemberDto } from './dto/reject-member.dto.js';
import { UpdateMeDto } from './dto/update-me.dto.js';
import { MembersService } from './members.service.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get('me')
  @ApiOperation({ summary: "Get the caller's own profile" })
  @AllowPasswordChangePending()
  @ApiOkResponse({ type: MemberResponseDto })
  me(@CurrentActor() actor: Actor) {
    return this.members.me(actor);
  }

  @Patch('me')
  @ApiOperation({ summary: "Update the caller's own profile" })
  @ApiOkResponse({ type: MemberResponseDto })
  updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto) {
    return this.members.updateMe(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Search the member directory' })
  @ApiOkResponse({ type: MemberPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListMembersQueryDto) {
    return this.members.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: "Get a member's profile" })
  @ApiOkResponse({ type: MemberResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.get(actor, id);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'Approve a pending member' })
  @ApiErrors(409)
  @HttpCode(200)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOkResponse({ type: MemberResponseDto })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.approve(actor, id);
  }

  @Post(':id/reject')
  @ApiOperation({ summary: 'Reject a pending registration with a reason told to the applicant' })
  @ApiErrors(409)
  @HttpCode(200)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOkResponse({ type: MemberResponseDto })
  reject(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectMemberDto) {
    return this.members.reject(actor, id, dto.reason);
  }

  @Post(':id/suspend')
  @ApiOperation({ summary: 'Suspend a member' })
  @ApiErrors(409)
  @HttpCode(200)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOkResponse({ type: MemberResponseDto })
  suspend(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.suspend(actor, id);
  }

  @Post(':id/reinstate')
  @ApiOperation({ summary: 'Reinstate a suspended member' })
  @ApiErrors(409)
  @HttpCode(200)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOkResponse({ type: MemberResponseDto })
  reinstate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.reinstate(actor, id);
  }

  @Patch(':id/role')
  @ApiOperation({ summary: "Change a member's network role" })
  @Roles(NetworkRole.Admin)
  @ApiOkResponse({ type: MemberResponseDto })
  changeRole(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeRoleDto) {
    return this.members.changeRole(actor, id, dto.role);
  }
}
