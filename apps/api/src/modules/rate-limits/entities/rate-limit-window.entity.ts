import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Attempts counted for one key (e.g. `login-account:someone@example.org`) in one fixed time window. */
@Entity('rate_limit_windows')
@Index('uq_rate_limit_windows_key_window', ['key', 'windowStart'], { unique: true })
export class RateLimitWindow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300 })
  key: string;

  @Index()
  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'int' })
  hits: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
