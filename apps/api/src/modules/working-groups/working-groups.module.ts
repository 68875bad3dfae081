import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { MembersModule } from '../members/members.module.js';
import { WorkingGroupMember } from './entities/working-group-member.entity.js';
import { WorkingGroup } from './entities/working-group.entity.js';
import { GroupMembershipService } from './group-membership.service.js';
import { WorkingGroupsController } from './working-groups.controller.js';
import { WorkingGroupsService } from './working-groups.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([WorkingGroup, WorkingGroupMember]), MembersModule, AuditModule],
  controllers: [WorkingGroupsController],
  providers: [WorkingGroupsService, GroupMembershipService],
  exports: [WorkingGroupsService],
})
export class WorkingGroupsModule {}
