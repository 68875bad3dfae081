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
import { CriterionAspect } from '@lcc/contracts';
import { SchemeCategory } from './scheme-category.entity.js';

/** One criterion of a scheme's standard for a product category, in the order the standard lists them. */
@Entity('eco_label_criteria')
@Index('uq_eco_label_criteria_position', ['schemeCategoryId', 'position'], { unique: true })
export class EcoLabelCriterion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  schemeCategoryId: string;

  @ManyToOne(() => SchemeCategory, { onDelete: 'CASCADE' })
  @JoinColumn()
  schemeCategory: Relation<SchemeCategory>;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 32 })
  aspect: CriterionAspect;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  requirement: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
