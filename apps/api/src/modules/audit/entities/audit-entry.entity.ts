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
import { AuditAction } from '@lcc/contracts';
import type { Member } from '../../members/entities/member.entity.js';

/** One administrative action: who did what to which record, and when. Rows are never updated. */
@Entity('audit_entries')
@Index('idx_audit_entries_created_at_id', ['createdAt', 'id'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  action: AuditAction;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  // Named, not imported: members records through AuditService, so audit must not load members (no cycle).
  @ManyToOne('Member', { onDelete: 'SET NULL' })
  @JoinColumn()
  actor: Relation<Member> | null;

  @Column({ type: 'varchar', length: 32 })
  targetType: string;

  @Index()
  @Column({ type: 'uuid' })
  targetId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
