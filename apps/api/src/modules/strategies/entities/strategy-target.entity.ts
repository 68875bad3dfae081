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
import { EmissionScope, GpcSector, GreenhouseGas, TargetType } from '@lcc/contracts';
import { numericAsNumber } from '@lcc/database';
import { Strategy } from './strategy.entity.js';

/** A mitigation target of a strategy (GCoM CRF target types). */
@Entity('strategy_targets')
export class StrategyTarget {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  strategyId: string;

  @ManyToOne(() => Strategy, { onDelete: 'CASCADE' })
  @JoinColumn()
  strategy: Relation<Strategy>;

  @Column({ type: 'varchar', length: 32 })
  type: TargetType;

  @Column({ type: 'varchar', length: 16, default: GreenhouseGas.Co2e })
  gas: GreenhouseGas;

  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  scopes: EmissionScope[];

  /** Empty: city-wide. */
  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  sectors: GpcSector[];

  @Column({ type: 'smallint', nullable: true })
  baseYear: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericAsNumber })
  baseValue: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericAsNumber })
  baselineValue: number | null;

  @Column({ type: 'smallint' })
  targetYear: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericAsNumber })
  reductionPercent: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericAsNumber })
  targetValue: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
