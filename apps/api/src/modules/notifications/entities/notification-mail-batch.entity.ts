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
import { Member } from '../../members/entities/member.entity.js';

/** `digest`: the member's next daily summary; `held`: immediate mail waiting for the end of quiet hours. */
export type NotificationMailBatchReason = 'digest' | 'held';

/**
 * Notification e-mail that waits: one row per member, reason and due time collects the notifications to send
 * then. The job claims due rows with `FOR UPDATE SKIP LOCKED` and deletes them in the transaction that writes their
 * mail to the outbox, so each batch is sent exactly once.
 */
@Entity('notification_mail_batches')
@Index('idx_notification_mail_batches_slot', ['memberId', 'reason', 'dueAt'], { unique: true })
@Index('idx_notification_mail_batches_due', ['dueAt'])
export class NotificationMailBatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn()
  member: Relation<Member>;

  @Column({ type: 'varchar', length: 8 })
  reason: NotificationMailBatchReason;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  /** Notifications deleted meanwhile (their member's account removed) are skipped at send time. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  notificationIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
