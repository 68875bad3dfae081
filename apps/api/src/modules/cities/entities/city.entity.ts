import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RecordVisibility } from '@lcc/contracts';
import { numericAsNumber } from '@lcc/database';

/** A city of the network: names in English and local script, place, and who speaks for it. */
@Entity('cities')
@Index('uq_cities_country_name_en', ['country', 'nameEn'], { unique: true })
@Index('idx_cities_name_en_id', ['nameEn', 'id'])
export class City {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  nameEn: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nameLocal: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'numeric', nullable: true, transformer: numericAsNumber })
  areaKm2: number | null;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericAsNumber })
  latitude: number | null;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericAsNumber })
  longitude: number | null;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16, default: RecordVisibility.Network })
  visibility: RecordVisibility;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
