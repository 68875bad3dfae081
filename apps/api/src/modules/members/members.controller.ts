import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NetworkRole } from '@lcc/contracts';
import { AllowPasswordChangePending } from '../../common/decorators/allow-password-change-pending.decorator.js';
import { AuthRateLimited } from '../../common/decorators/auth-rate-limited.decorator.js';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { ChangeRoleDto } from './dto/change-role.dto.js';
import { DeleteAccountDto, DeleteMemberDto } from './dto/delete-account.dto.js';
import { ListMembersQueryDto } from './dto/list-members-query.dto.js';
import { MemberPageDto, MemberResponseDto } from './dto/member.response.js';
import { RejectMemberDto } from './dto/reject-member.dto.js';
import { UpdateMeDto } from './dto/update-me.dto.js';
import { MembersService } from './members.service.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly deletion: AccountDeletionService,
  ) {}

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

  @Post('me/deletion')
  @ApiOperation({
    summary:
      "Delete the caller's account (confirmed with the password); messages are kept as a former member's or removed",
  })
  @ApiErrors(409)
  @HttpCode(204)
  @AuthRateLimited('login')
  @ApiNoContentResponse({ description: 'Deleted; every session has ended' })
  async deleteMe(@CurrentActor() actor: Actor, @Body() dto: DeleteAccountDto): Promise<void> {
    await this.deletion.deleteOwn(actor, dto);
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

  @Post(':id/deletion')
  @ApiOperation({ summary: "Delete a member's account (admins); messages are kept as a former member's or removed" })
  @ApiErrors(409)
  @HttpCode(204)
  @Roles(NetworkRole.Admin)
  @ApiNoContentResponse({ description: 'Deleted; every session of the member has ended' })
  async deleteMember(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DeleteMemberDto,
  ): Promise<void> {
    await this.deletion.deleteByAdmin(actor, id, dto);
  }

  @Patch(':id/role')
  @ApiOperation({ summary: "Change a member's network role" })
  @Roles(NetworkRole.Admin)
  @ApiOkResponse({ type: MemberResponseDto })
  changeRole(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeRoleDto) {
    return this.members.changeRole(actor, id, dto.role);
  }
}
