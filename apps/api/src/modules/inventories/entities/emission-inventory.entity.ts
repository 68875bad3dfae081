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
import { RecordVisibility } from '@lcc/contracts';
import { City } from '../../cities/entities/city.entity.js';

/** A city's GHG emission inventory of one year (entries by GPC sector, scope and gas). */
@Entity('emission_inventories')
@Index('uq_emission_inventories_city_year', ['cityId', 'year'], { unique: true })
export class EmissionInventory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cityId: string;

  @ManyToOne(() => City, { onDelete: 'CASCADE' })
  @JoinColumn()
  city: Relation<City>;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  methodology: string | null;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 16, default: RecordVisibility.Network })
  visibility: RecordVisibility;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
