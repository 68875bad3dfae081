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
import { MeetingStatus } from '@lcc/contracts';
import { Member } from '../../members/entities/member.entity.js';
import { WorkingGroup } from '../../working-groups/entities/working-group.entity.js';

export interface AgendaItem {
  title: string;
  presenter: string | null;
  durationMinutes: number | null;
}

export interface ActionItem {
  id: string;
  text: string;
  ownerId: string | null;
  dueDate: string | null;
  done: boolean;
}

/**
 * A meeting of a working group. Start and end are instants (UTC); `timeZone` is the organiser's zone, used for the
 * calendar's VTIMEZONE. `sequence` is the iCalendar SEQUENCE, bumped on every change clients must notice.
 */
@Entity('meetings')
@Index('idx_meetings_starts_at_id', ['startsAt', 'id'])
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  workingGroupId: string;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn()
  workingGroup: Relation<WorkingGroup>;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 8000, nullable: true })
  description: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  agenda: AgendaItem[];

  @Column({ type: 'varchar', length: 16, default: MeetingStatus.Scheduled })
  status: MeetingStatus;

  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Column({ type: 'uuid', nullable: true })
  organizerId: string | null;

  @ManyToOne(() => Member, { onDelete: 'SET NULL' })
  @JoinColumn()
  organizer: Relation<Member> | null;

  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  /** GIN-indexed (`jsonb_path_ops`) so that a member's items are found by containment across meetings. */
  @Index('idx_meetings_action_items', { synchronize: false })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  actionItems: ActionItem[];

  /** Linked documents (minutes, presentations); each keeps its own visibility. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  documentIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
