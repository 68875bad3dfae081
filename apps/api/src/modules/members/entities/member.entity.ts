import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ContactField, DirectoryVisibility, Language, MemberStatus, MemberType, NetworkRole } from '@lcc/contracts';

/** A person in the network: their profile, network role and account status. */
@Entity('members')
@Index('idx_members_search_text_trgm', { synchronize: false })
@Index('idx_members_display_name_id', ['displayName', 'id'])
export class Member {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Unique whatever the letter case (citext). */
  @Column({ type: 'citext', unique: true })
  email: string;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'varchar', length: 32 })
  memberType: MemberType;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organization: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  city: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  expertise: string[];

  @Column({ type: 'varchar', length: 8, default: Language.En })
  language: Language;

  /** IANA time zone name. */
  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timeZone: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  bio: string | null;

  @Column({ type: 'varchar', length: 16, default: NetworkRole.Member })
  role: NetworkRole;

  @Index()
  @Column({ type: 'varchar', length: 16, default: MemberStatus.Pending })
  status: MemberStatus;

  /** Set for generated first passwords: every route but a password change answers 403 until it is changed. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  /**
   * Lower-cased, NFKC-normalised name, organisation, city and expertise, for substring search in any script.
   * Computed in the application so it does not depend on the database's collation.
   */
  @Column({ type: 'text', default: '' })
  searchText: string;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  /** Why the registration was turned down (status `rejected`); told to the applicant by e-mail. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  rejectionReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  rejectedAt: Date | null;

  /** When the member proved the address is theirs (a confirmation link, or registering from an invitation). */
  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  /** Who finds the member in the directory, search and pickers (`member-visibility.ts`). */
  @Column({ type: 'varchar', length: 16, default: DirectoryVisibility.Network })
  directoryVisibility: DirectoryVisibility;

  /** The contact fields shown to those who may see the profile (staff and the member see every field). */
  @Column({ type: 'text', array: true, default: () => "'{organization,city}'" })
  shownContactFields: ContactField[];

  /** When the account was deleted (status `deleted`): the row stays, without personal data, so that messages and
   * documents keep an author ("Former member") and audit entries their subject. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
