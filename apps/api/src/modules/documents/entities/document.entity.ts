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
import { type DocumentKind, DocumentLanguage, DocumentVisibility } from '@lcc/contracts';
import { Member } from '../../members/entities/member.entity.js';
import { WorkingGroup } from '../../working-groups/entities/working-group.entity.js';
import { DocumentFolder } from './document-folder.entity.js';

/**
 * A shared document: metadata, visibility and the search index of its latest version. The bytes live in
 * `document_versions` → blob storage; a delete is soft (`deletedAt`) so a coordinator can restore it.
 */
@Entity('documents')
@Index('idx_documents_created_at_id', ['createdAt', 'id'])
export class Document {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind: DocumentKind;

  @Column({ type: 'varchar', length: 8, default: DocumentLanguage.Other })
  language: DocumentLanguage;

  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  city: string | null;

  @Column({ type: 'int', nullable: true })
  year: number | null;

  // GIN indexes are written by hand in the migration (the schema builder cannot express them).
  @Index('idx_documents_tags', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Index()
  @Column({ type: 'uuid', nullable: true })
  workingGroupId: string | null;

  @ManyToOne(() => WorkingGroup, { onDelete: 'RESTRICT' })
  @JoinColumn()
  workingGroup: Relation<WorkingGroup> | null;

  @Column({ type: 'varchar', length: 16 })
  visibility: DocumentVisibility;

  /**
   * For visibility `room`: the discussion room whose readers may open it. No foreign key: discussions imports
   * documents, and rooms are archived, never deleted.
   */
  @Index('idx_documents_room_id', { where: '"room_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  roomId: string | null;

  /** The library folder it is kept in, or none (a folder of each of its groups: `document_working_groups`). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  folderId: string | null;

  @ManyToOne(() => DocumentFolder, { onDelete: 'SET NULL' })
  @JoinColumn()
  folder: Relation<DocumentFolder> | null;

  @Index()
  @Column({ type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT' })
  @JoinColumn()
  uploadedBy: Relation<Member>;

  /** Number of the latest version (1-based); versions are numbered in the transaction that adds them. */
  @Column({ type: 'int', default: 1 })
  latestVersionNumber: number;

  @Column({ type: 'int', default: 0 })
  downloadCount: number;

  /** Weighted index: title (A), tags and description (B), the latest version's text (C); segmented in the app. */
  @Index('idx_documents_search_vector', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false })
  searchVector: string | null;

  /** The title (A), tags and description (B) words alone: search takes its candidates from both vectors. */
  @Index('idx_documents_title_vector', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false })
  titleVector: string | null;

  /** The latest version's text, CJK words spaced apart, for `ts_headline` snippets. */
  @Column({ type: 'text', nullable: true, select: false })
  searchText: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  deletedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
