import { ApiProperty } from '@nestjs/swagger';
import {
  GroupMembershipStatus,
  type GroupMemberResponse,
  GroupRole,
  GroupVisibility,
  type JoinResponse,
  ThematicArea,
  type WorkingGroupResponse,
} from '@lcc/contracts';

export class GroupMembershipSummaryDto {
  @ApiProperty({ enum: GroupRole, enumName: 'GroupRole' }) role: GroupRole;
  @ApiProperty({ enum: GroupMembershipStatus, enumName: 'GroupMembershipStatus' }) status: GroupMembershipStatus;
}

export class WorkingGroupResponseDto implements WorkingGroupResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: ThematicArea, enumName: 'ThematicArea' }) thematicArea: ThematicArea;
  @ApiProperty({ enum: GroupVisibility, enumName: 'GroupVisibility' }) visibility: GroupVisibility;
  @ApiProperty() memberCount: number;
  @ApiProperty({ type: GroupMembershipSummaryDto, nullable: true }) myMembership: GroupMembershipSummaryDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) roomId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Waiting join requests; null unless the viewer decides on them (the group's leads, staff)",
  })
  pendingRequestCount: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WorkingGroupPageDto {
  @ApiProperty({ type: [WorkingGroupResponseDto] }) items: WorkingGroupResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class GroupMemberResponseDto implements GroupMemberResponse {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) organization: string | null;
  @ApiProperty() country: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ enum: GroupRole, enumName: 'GroupRole' }) role: GroupRole;
  @ApiProperty({ enum: GroupMembershipStatus, enumName: 'GroupMembershipStatus' }) status: GroupMembershipStatus;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) joinedAt: string | null;
}

export class GroupMemberPageDto {
  @ApiProperty({ type: [GroupMemberResponseDto] }) items: GroupMemberResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class JoinResponseDto implements JoinResponse {
  @ApiProperty({ enum: GroupMembershipStatus, enumName: 'GroupMembershipStatus' }) status: GroupMembershipStatus;
  @ApiProperty({ enum: GroupRole, enumName: 'GroupRole' }) role: GroupRole;
}
