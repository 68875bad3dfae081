import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { MailFrequency } from '@lcc/contracts';
import { Member } from '../../members/entities/member.entity.js';

/**
 * A member's e-mail choices for notifications. A member without a row has the defaults of the column defaults
 * (`DEFAULT_PREFERENCES`); a row is written at the first change.
 */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', unique: true })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn()
  member: Relation<Member>;

  @Column({ type: 'varchar', length: 16, default: MailFrequency.Immediately })
  mentions: MailFrequency;

  @Column({ type: 'varchar', length: 16, default: MailFrequency.Daily })
  directMessages: MailFrequency;

  @Column({ type: 'varchar', length: 16, default: MailFrequency.Immediately })
  meetings: MailFrequency;

  @Column({ type: 'varchar', length: 16, default: MailFrequency.Daily })
  groupRequests: MailFrequency;

  @Column({ type: 'varchar', length: 16, default: MailFrequency.Daily })
  documents: MailFrequency;

  /** Local hour (0–23, in the member's time zone) of the daily digest. */
  @Column({ type: 'smallint', default: 8 })
  digestHour: number;

  /** `HH:MM` in the member's zone; immediate mail waits from start to end (over midnight when start > end). */
  @Column({ type: 'varchar', length: 5, nullable: true })
  quietHoursStart: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  quietHoursEnd: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
