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
import { RecognitionStatus } from '@lcc/contracts';
import { EcoLabelScheme } from './eco-label-scheme.entity.js';

/**
 * A mutual-recognition agreement between two schemes. The pair is stored in id order (`schemeAId < schemeBId`), so
 * one pair has one row.
 */
@Entity('eco_label_recognitions')
@Index('uq_eco_label_recognitions_pair', ['schemeAId', 'schemeBId'], { unique: true })
export class MutualRecognition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  schemeAId: string;

  @ManyToOne(() => EcoLabelScheme, { onDelete: 'CASCADE' })
  @JoinColumn()
  schemeA: Relation<EcoLabelScheme>;

  @Index()
  @Column({ type: 'uuid' })
  schemeBId: string;

  @ManyToOne(() => EcoLabelScheme, { onDelete: 'CASCADE' })
  @JoinColumn()
  schemeB: Relation<EcoLabelScheme>;

  @Column({ type: 'smallint', nullable: true })
  signedYear: number | null;

  @Column({ type: 'varchar', length: 16, default: RecognitionStatus.Active })
  status: RecognitionStatus;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  categoryIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
