import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A member's TOTP authenticator (at most one). The secret is encrypted with a key derived from the JWT secret; it
 * counts for sign-in once `confirmedAt` is set by a first valid code.
 */
@Entity('member_second_factors')
export class MemberSecondFactor {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** One authenticator per member (the one-to-one's unique constraint). */
  @Column({ type: 'uuid' })
  memberId: string;

  // Named, not imported: a feature's sub-folder may not reach into another feature's entities (the FK is the schema's).
  @OneToOne('Member', { onDelete: 'CASCADE' })
  @JoinColumn()
  member?: unknown;

  /** `v1.` + base64url(iv ‖ tag ‖ AES-256-GCM ciphertext of the base32 secret). */
  @Column({ type: 'varchar', length: 200 })
  secretCiphertext: string;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** The TOTP time step (unix seconds / 30) of the last accepted code: no code of this step or earlier counts again. */
  @Column({ type: 'integer', nullable: true })
  lastUsedStep: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
