import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GroupMembershipStatus, NetworkRole } from '@lcc/contracts';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import { CreateWorkingGroupDto, UpdateWorkingGroupDto } from './dto/create-working-group.dto.js';
import {
  AddGroupMemberDto,
  ChangeGroupRoleDto,
  GroupMemberParamsDto,
  ListGroupMembersQueryDto,
  ListWorkingGroupsQueryDto,
} from './dto/working-group-queries.dto.js';
import {
  GroupMemberPageDto,
  GroupMemberResponseDto,
  JoinResponseDto,
  WorkingGroupPageDto,
  WorkingGroupResponseDto,
} from './dto/working-group.response.js';
import { GroupMembershipService } from './group-membership.service.js';
import { WorkingGroupsService } from './working-groups.service.js';

@ApiTags('working-groups')
@ApiBearerAuth()
@Controller('working-groups')
export class WorkingGroupsController {
  constructor(
    private readonly groups: WorkingGroupsService,
    private readonly membership: GroupMembershipService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List working groups' })
  @ApiOkResponse({ type: WorkingGroupPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListWorkingGroupsQueryDto) {
    return this.groups.list(actor, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a working group' })
  @ApiErrors(409)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiCreatedResponse({ type: WorkingGroupResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateWorkingGroupDto) {
    return this.groups.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a working group' })
  @ApiOkResponse({ type: WorkingGroupResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.groups.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a working group' })
  @ApiErrors(409)
  @ApiOkResponse({ type: WorkingGroupResponseDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateWorkingGroupDto) {
    return this.groups.update(actor, id, dto);
  }

  @Post(':id/archive')
  @ApiOperation({ summary: 'Archive a working group (kept and readable to its members, closed to anything new)' })
  @HttpCode(200)
  @ApiOkResponse({ type: WorkingGroupResponseDto })
  archive(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.groups.setArchived(actor, id, true);
  }

  @Post(':id/unarchive')
  @ApiOperation({ summary: 'Bring a working group back from the archive' })
  @HttpCode(200)
  @ApiOkResponse({ type: WorkingGroupResponseDto })
  unarchive(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.groups.setArchived(actor, id, false);
  }

  @Post(':id/join')
  @ApiOperation({ summary: 'Join a working group, or ask to join a private one' })
  @ApiErrors(409)
  @ApiOkResponse({ type: JoinResponseDto, description: 'Joined a public group' })
  @ApiAcceptedResponse({ type: JoinResponseDto, description: 'Asked to join a private group: pending' })
  async join(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const result = await this.membership.join(actor, id);
    response.code(result.status === GroupMembershipStatus.Pending ? 202 : 200);
    return result;
  }

  @Post(':id/leave')
  @ApiOperation({ summary: 'Leave a working group' })
  @ApiErrors(409)
  @HttpCode(204)
  @ApiNoContentResponse()
  leave(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.membership.leave(actor, id);
  }

  @Get(':id/members')
  @ApiOperation({ summary: "List a working group's members" })
  @ApiOkResponse({ type: GroupMemberPageDto })
  members(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListGroupMembersQueryDto,
  ) {
    return this.membership.list(actor, id, query);
  }

  @Post(':id/members')
  @ApiOperation({ summary: 'Add a member to a working group' })
  @ApiErrors(409)
  @ApiCreatedResponse({ type: GroupMemberResponseDto })
  add(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddGroupMemberDto) {
    return this.membership.add(actor, id, dto.memberId, dto.role);
  }

  @Post(':id/members/:memberId/approve')
  @ApiOperation({ summary: 'Approve a request to join a working group' })
  @ApiErrors(409)
  @HttpCode(200)
  @ApiOkResponse({ type: GroupMemberResponseDto })
  approve(@CurrentActor() actor: Actor, @Param() params: GroupMemberParamsDto) {
    return this.membership.approve(actor, params.id, params.memberId);
  }

  @Patch(':id/members/:memberId')
  @ApiOperation({ summary: "Change a member's role in a working group" })
  @ApiErrors(409)
  @ApiOkResponse({ type: GroupMemberResponseDto })
  changeRole(@CurrentActor() actor: Actor, @Param() params: GroupMemberParamsDto, @Body() dto: ChangeGroupRoleDto) {
    return this.membership.changeRole(actor, params.id, params.memberId, dto.role);
  }

  @Delete(':id/members/:memberId')
  @ApiOperation({ summary: 'Remove a member from a working group' })
  @ApiErrors(409)
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param() params: GroupMemberParamsDto) {
    return this.membership.removeByManager(actor, params.id, params.memberId);
  }
}
