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
import { Member } from '../../members/entities/member.entity.js';
import { DocumentVersion } from './document-version.entity.js';
import { Document } from './document.entity.js';

/** One download: who (null when anonymous), when, which version. */
@Entity('document_downloads')
@Index('idx_document_downloads_document_created', ['documentId', 'createdAt', 'id'])
export class DocumentDownload {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn()
  document: Relation<Document>;

  @Index()
  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => DocumentVersion, { onDelete: 'CASCADE' })
  @JoinColumn()
  version: Relation<DocumentVersion>;

  @Column({ type: 'int' })
  versionNumber: number;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  memberId: string | null;

  @ManyToOne(() => Member, { onDelete: 'SET NULL' })
  @JoinColumn()
  member: Relation<Member> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
