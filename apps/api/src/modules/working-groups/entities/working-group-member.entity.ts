import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { GroupMembershipStatus, GroupRole } from '@lcc/contracts';
import { Member } from '../../members/entities/member.entity.js';
import { WorkingGroup } from './working-group.entity.js';

/** A member's place in a working group: pending (a request to a private group) or active, with a group role. */
@Entity('working_group_members')
@Index('uq_working_group_members_group_member', ['workingGroupId', 'memberId'], { unique: true })
export class WorkingGroupMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  workingGroupId: string;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn()
  workingGroup: Relation<WorkingGroup>;

  @Index()
  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn()
  member: Relation<Member>;

  @Column({ type: 'varchar', length: 16, default: GroupRole.Member })
  role: GroupRole;

  @Column({ type: 'varchar', length: 16 })
  status: GroupMembershipStatus;

  @Column({ type: 'timestamptz', nullable: true })
  joinedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
