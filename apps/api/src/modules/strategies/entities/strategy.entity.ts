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
import { RecordVisibility, StrategyStatus, StrategyType } from '@lcc/contracts';
import { City } from '../../cities/entities/city.entity.js';

/** A city's LCC strategy or plan; targets and actions hang off it, documents are linked by id. */
@Entity('strategies')
@Index('idx_strategies_city_title_id', ['cityId', 'title', 'id'])
export class Strategy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cityId: string;

  @ManyToOne(() => City, { onDelete: 'CASCADE' })
  @JoinColumn()
  city: Relation<City>;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  type: StrategyType;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  description: string | null;

  @Column({ type: 'smallint', nullable: true })
  adoptionYear: number | null;

  @Column({ type: 'smallint', nullable: true })
  periodStart: number | null;

  @Column({ type: 'smallint', nullable: true })
  periodEnd: number | null;

  @Column({ type: 'varchar', length: 16, default: StrategyStatus.Adopted })
  status: StrategyStatus;

  @Column({ type: 'varchar', length: 16, default: RecordVisibility.Network })
  visibility: RecordVisibility;

  /** Linked documents (each keeps its own visibility). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  documentIds: string[];

  /** The discussion room, opened through the discussions module. */
  @Column({ type: 'uuid', nullable: true })
  roomId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
