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
import { Member } from '../../../members/entities/member.entity.js';

/**
 * A single sign-on identity of a member: the provider's issuer and its stable subject (`sub`). Nothing else of the
 * provider's account is kept; the member's profile is the portal's own.
 */
@Entity('member_identities')
@Index('uq_member_identities_issuer_subject', ['issuer', 'subject'], { unique: true })
@Index('idx_member_identities_member', ['memberId'])
export class MemberIdentity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_member_identities' })
  id: string;

  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ foreignKeyConstraintName: 'FK_member_identities_member' })
  member: Relation<Member>;

  @Column({ type: 'varchar', length: 500 })
  issuer: string;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @Column({ type: 'timestamptz' })
  lastUsedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
