import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** One single-use recovery code of a member's second factor; only its SHA-256 is kept. */
@Entity('member_recovery_codes')
@Index('idx_member_recovery_codes_member', ['memberId'])
export class MemberRecoveryCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  memberId: string;

  // Named, not imported (see MemberSecondFactor).
  @ManyToOne('Member', { onDelete: 'CASCADE' })
  @JoinColumn()
  member?: unknown;

  @Column({ type: 'char', length: 64 })
  codeHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
