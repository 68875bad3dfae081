import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { PollStatus } from '@lcc/contracts';
import { PollOption } from './poll-option.entity.js';

/** A scheduling poll: candidate slots a group votes on; closing it on one slot creates the meeting. */
@Entity('polls')
export class Poll {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  workingGroupId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The organiser's zone, used for the meeting the poll creates. */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 16, default: PollStatus.Open })
  status: PollStatus;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  /** When answers stop being taken; the organiser still closes the poll on a slot. */
  @Index('idx_polls_reminder_due', { synchronize: false })
  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  /** Set by the one job run that reminded those who had not answered, a day before the deadline. */
  @Column({ type: 'timestamptz', nullable: true })
  reminderSentAt: Date | null;

  @OneToMany(() => PollOption, (option) => option.poll)
  options: Relation<PollOption>[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
