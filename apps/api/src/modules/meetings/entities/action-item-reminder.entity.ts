import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Member } from '../../members/entities/member.entity.js';
import { Meeting } from './meeting.entity.js';

/**
 * The morning an open action item falls due, in its owner's time zone; `sentAt` is set by the one job run that
 * claims it. Rewritten with the meeting's action items (an item done, reassigned or moved gets a new one).
 */
@Entity('action_item_reminders')
@Index('uq_action_item_reminders_item', ['meetingId', 'itemId'], { unique: true })
@Index('idx_action_item_reminders_due', ['dueAt'], { where: '"sent_at" IS NULL' })
export class ActionItemReminder {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_action_item_reminders' })
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ foreignKeyConstraintName: 'FK_action_item_reminders_meeting' })
  meeting: Relation<Meeting>;

  @Column({ type: 'uuid' })
  itemId: string;

  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ foreignKeyConstraintName: 'FK_action_item_reminders_member' })
  member: Relation<Member>;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
