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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
