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
import { Meeting } from './meeting.entity.js';

/** A reminder due before a meeting (24 h and 1 h); `sentAt` is set by the one job run that claims it. */
@Entity('meeting_reminders')
@Index('uq_meeting_reminders_meeting_kind', ['meetingId', 'kind'], { unique: true })
@Index('idx_meeting_reminders_due', ['dueAt'], { where: '"sent_at" IS NULL' })
export class MeetingReminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn()
  meeting: Relation<Meeting>;

  @Column({ type: 'varchar', length: 8 })
  kind: string;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
