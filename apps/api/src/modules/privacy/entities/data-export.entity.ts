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
import { DataExportStatus } from '@lcc/contracts';
import { Member } from '../../members/entities/member.entity.js';

/**
 * A "download my data" request: `requested` until a worker claims and builds the ZIP archive (`ready`, with its
 * storage key and an expiry) or gives up (`failed`). Expired archives are deleted with their row.
 */
@Entity('data_exports')
/** At most one request being prepared per member (partial unique index, made by the migration). */
@Index('uq_data_exports_member_requested', { synchronize: false })
@Index('idx_data_exports_status_expires_at', ['status', 'expiresAt'])
export class DataExport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn()
  member: Relation<Member>;

  @Column({ type: 'varchar', length: 16, default: DataExportStatus.Requested })
  status: DataExportStatus;

  /** How many times a worker started on it (a crashed worker's claim is taken again, up to a limit). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** When a worker claimed it (null while waiting). */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  /** The archive's key in the file store, once ready. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  storageKey: string | null;

  @Column({ type: 'bigint', nullable: true })
  size: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
