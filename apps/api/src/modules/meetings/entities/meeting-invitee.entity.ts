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
import { RsvpResponse } from '@lcc/contracts';
import { Member } from '../../members/entities/member.entity.js';
import { Meeting } from './meeting.entity.js';

/** One invitee of a meeting and their answer. */
@Entity('meeting_invitees')
@Index('uq_meeting_invitees_meeting_member', ['meetingId', 'memberId'], { unique: true })
export class MeetingInvitee {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn()
  meeting: Relation<Meeting>;

  @Index()
  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn()
  member: Relation<Member>;

  /**
   * Invited by name (an extra invitee), not as a member of the meeting's group: such an invitation stands on its
   * own, while the others end with the group membership that brought them.
   */
  @Column({ type: 'boolean', default: false })
  byName: boolean;

  @Column({ type: 'varchar', length: 16, default: RsvpResponse.NeedsAction })
  response: RsvpResponse;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
