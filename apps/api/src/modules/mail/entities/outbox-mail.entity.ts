import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** An iCalendar part: sent as a `text/calendar` alternative with its METHOD, and as an `.ics` attachment. */
export interface OutboxCalendar {
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  filename: string;
  content: string;
}

/**
 * One e-mail in the outbox. Written in the transaction of the change that causes it, delivered later by
 * `MailDeliveryService`; `attempts` doubles as the fencing token of the current claim.
 */
@Entity('mail_outbox')
@Index('idx_mail_outbox_due', ['status', 'nextAttemptAt'])
@Index('idx_mail_outbox_created', ['createdAt', 'id'])
export class OutboxMail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What the message is (invitation, password_reset, meeting_request...), for the administration page. */
  @Column({ type: 'varchar', length: 48 })
  kind: string;

  @Column({ type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  toName: string | null;

  @Column({ type: 'varchar', length: 8 })
  language: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  /** Extra headers the templates chose (List-Unsubscribe...); values are single lines. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  headers: Record<string, string>;

  @Column({ type: 'jsonb', nullable: true })
  calendar: OutboxCalendar | null;

  /** Fixed at enqueue time, so a re-delivery after a crash carries the same Message-ID and reads as a duplicate. */
  @Column({ type: 'varchar', length: 255, unique: true })
  messageId: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** While `sending`: the claim ends here; another instance may take the row over only after it. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** The last refusal or error (SMTP reply or connection error), never credentials. */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
