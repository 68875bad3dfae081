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
import { ActionStatus, GpcSector } from '@lcc/contracts';
import { numericAsNumber } from '@lcc/database';
import { Strategy } from './strategy.entity.js';

/** A mitigation action of a strategy. */
@Entity('strategy_actions')
export class StrategyAction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  strategyId: string;

  @ManyToOne(() => Strategy, { onDelete: 'CASCADE' })
  @JoinColumn()
  strategy: Relation<Strategy>;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** Null: cross-cutting. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  sector: GpcSector | null;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16, default: ActionStatus.Planned })
  status: ActionStatus;

  @Column({ type: 'varchar', length: 300, nullable: true })
  responsibleBody: string | null;

  @Column({ type: 'smallint', nullable: true })
  startYear: number | null;

  @Column({ type: 'smallint', nullable: true })
  endYear: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericAsNumber })
  cost: number | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  costCurrency: string | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericAsNumber })
  expectedReduction: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
