import { bigintAsNumber } from '@lcc/database';
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
import { ExtractionStatus } from '@lcc/contracts';
import { Member } from '../../members/entities/member.entity.js';
import { Document } from './document.entity.js';

/** One uploaded file of a document. The bytes are the blob named by `sha256` (stored once however often used). */
@Entity('document_versions')
@Index('uq_document_versions_document_number', ['documentId', 'number'], { unique: true })
@Index('idx_document_versions_pending', ['createdAt'], { where: `"extraction_status" = 'pending'` })
export class DocumentVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn()
  document: Relation<Document>;

  @Column({ type: 'int' })
  number: number;

  /** The original name, for display and Content-Disposition only: never a path. */
  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 127 })
  mimeType: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size: number;

  @Index()
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Index()
  @Column({ type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT' })
  @JoinColumn()
  uploadedBy: Relation<Member>;

  /** What changed, in the uploader's words (optional). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  /** Set when this version brought back an older one's bytes: that version's number. */
  @Column({ type: 'int', nullable: true })
  restoredFromNumber: number | null;

  @Column({ type: 'varchar', length: 16, default: ExtractionStatus.Pending })
  extractionStatus: ExtractionStatus;

  @Column({ type: 'text', nullable: true, select: false })
  extractedText: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  extractionError: string | null;

  /** Parses started for this version, counted before each one starts (a parse that kills the process still counts). */
  @Column({ type: 'int', default: 0 })
  extractionAttempts: number;

  /** When the current attempt was claimed; a pending version claimed long ago was left by a process that died. */
  @Column({ type: 'timestamptz', nullable: true })
  extractionStartedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
