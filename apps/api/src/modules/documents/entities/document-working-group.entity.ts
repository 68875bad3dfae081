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
import { WorkingGroup } from '../../working-groups/entities/working-group.entity.js';
import { DocumentFolder } from './document-folder.entity.js';
import { Document } from './document.entity.js';

/**
 * A working group a document is filed under (a document may be shared with several). Position 0 is the document's
 * first group, the one `documents.working_group_id` names too.
 */
@Entity('document_working_groups')
@Index('uq_document_working_groups_document_group', ['documentId', 'workingGroupId'], { unique: true })
export class DocumentWorkingGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn()
  document: Relation<Document>;

  @Index()
  @Column({ type: 'uuid' })
  workingGroupId: string;

  @ManyToOne(() => WorkingGroup, { onDelete: 'RESTRICT' })
  @JoinColumn()
  workingGroup: Relation<WorkingGroup>;

  @Column({ type: 'int', default: 0 })
  position: number;

  /** The folder of this group the document is kept in, or none. */
  @Index('idx_document_working_groups_folder_id')
  @Column({ type: 'uuid', nullable: true })
  folderId: string | null;

  @ManyToOne(() => DocumentFolder, { onDelete: 'SET NULL' })
  @JoinColumn({ foreignKeyConstraintName: 'fk_document_working_groups_folder' })
  folder: Relation<DocumentFolder> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
