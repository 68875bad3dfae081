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
import { WorkingGroup } from '../../working-groups/entities/working-group.entity.js';

/**
 * A folder (collection) of documents, in the library (no group) or inside one working group. Flat: folders hold
 * documents, not folders. Deleting one leaves its documents outside any folder.
 */
@Entity('document_folders')
export class DocumentFolder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The group it belongs to; null for a folder of the library. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  workingGroupId: string | null;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn()
  workingGroup: Relation<WorkingGroup> | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT' })
  @JoinColumn()
  createdBy: Relation<Member>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
