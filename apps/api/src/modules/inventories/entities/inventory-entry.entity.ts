import {
  Check,
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
import { DataQuality, EmissionScope, GpcSector, GreenhouseGas, NotationKey } from '@lcc/contracts';
import { numericAsNumber } from '@lcc/database';
import { EmissionInventory } from './emission-inventory.entity.js';

/** One cell of an inventory: a value in tCO2e or a notation key, with its source and quality. */
@Entity('inventory_entries')
@Index('uq_inventory_entries_cell', ['inventoryId', 'sector', 'scope', 'gas'], { unique: true })
@Check('chk_inventory_entries_value_or_key', '("value" IS NULL) <> ("notation_key" IS NULL)')
export class InventoryEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  inventoryId: string;

  @ManyToOne(() => EmissionInventory, { onDelete: 'CASCADE' })
  @JoinColumn()
  inventory: Relation<EmissionInventory>;

  @Column({ type: 'varchar', length: 32 })
  sector: GpcSector;

  @Column({ type: 'varchar', length: 16 })
  scope: EmissionScope;

  @Column({ type: 'varchar', length: 16, default: GreenhouseGas.Co2e })
  gas: GreenhouseGas;

  @Column({ type: 'numeric', nullable: true, transformer: numericAsNumber })
  value: number | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  notationKey: NotationKey | null;

  @Column({ type: 'varchar', length: 16 })
  quality: DataQuality;

  @Column({ type: 'varchar', length: 500 })
  source: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
