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
import { ChangeKind, DataQuality, RecordVisibility } from '@lcc/contracts';
import { numericAsNumber } from '@lcc/database';
import { City } from '../../cities/entities/city.entity.js';
import { Indicator } from './indicator.entity.js';

/**
 * A period change as a source published it (e.g. "DMC per capita 1990–2005: +7.0 % a year"), kept beside the
 * series because reports often give no series at all.
 */
@Entity('reported_changes')
@Index('idx_reported_changes_indicator_country', ['indicatorId', 'country'])
export class ReportedChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn()
  indicator: Relation<Indicator>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  cityId: string | null;

  @ManyToOne(() => City, { onDelete: 'CASCADE' })
  @JoinColumn()
  city: Relation<City> | null;

  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'smallint' })
  startYear: number;

  @Column({ type: 'smallint' })
  endYear: number;

  @Column({ type: 'varchar', length: 16 })
  kind: ChangeKind;

  @Column({ type: 'numeric', transformer: numericAsNumber })
  valuePercent: number;

  @Column({ type: 'varchar', length: 500 })
  source: string;

  @Column({ type: 'varchar', length: 16 })
  quality: DataQuality;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 16, default: RecordVisibility.Public })
  visibility: RecordVisibility;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
