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
import { Language, NetworkRole } from '@lcc/contracts';
import { Member } from '../../members/entities/member.entity.js';

/** An invitation to join the network: single use, expiring, its token stored only as a SHA-256 hash. */
@Entity('invitations')
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'citext' })
  email: string;

  @Column({ type: 'varchar', length: 16 })
  role: NetworkRole;

  /** The working group the invitee joins on registration (honoured once working groups exist). */
  @Column({ type: 'uuid', nullable: true })
  workingGroupId: string | null;

  @Column({ type: 'char', length: 64, unique: true })
  tokenHash: string;

  /** The language of the invitation e-mail; it becomes the invitee's interface language. */
  @Column({ type: 'varchar', length: 8, default: Language.En })
  language: Language;

  /** Set when a coordinator withdrew the invitation: its link no longer registers anyone. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @ManyToOne(() => Member, { onDelete: 'SET NULL' })
  @JoinColumn()
  invitedBy: Relation<Member> | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedMemberId: string | null;

  @ManyToOne(() => Member, { onDelete: 'SET NULL' })
  @JoinColumn()
  acceptedMember: Relation<Member> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
