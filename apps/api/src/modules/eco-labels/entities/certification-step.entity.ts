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
import { EcoLabelScheme } from './eco-label-scheme.entity.js';

/** One step of a scheme's certification procedure (application, testing, audit, contract...). */
@Entity('eco_label_certification_steps')
@Index('uq_eco_label_certification_steps_position', ['schemeId', 'position'], { unique: true })
export class CertificationStep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  schemeId: string;

  @ManyToOne(() => EcoLabelScheme, { onDelete: 'CASCADE' })
  @JoinColumn()
  scheme: Relation<EcoLabelScheme>;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  @Column({ type: 'smallint', nullable: true })
  durationDays: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
