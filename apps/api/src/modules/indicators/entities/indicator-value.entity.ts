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
import { DataQuality, RecordVisibility } from '@lcc/contracts';
import { numericAsNumber } from '@lcc/database';
import { City } from '../../cities/entities/city.entity.js';
import { Indicator } from './indicator.entity.js';

/**
 * One value of an indicator series: of a city (`cityId` set; `country` is the city's) or of a country
 * (`cityId` null). One value per subject and year.
 */
@Entity('indicator_values')
@Index('uq_indicator_values_city_year', ['indicatorId', 'cityId', 'year'], {
  unique: true,
  where: '"city_id" IS NOT NULL',
})
@Index('uq_indicator_values_country_year', ['indicatorId', 'country', 'year'], {
  unique: true,
  where: '"city_id" IS NULL',
})
export class IndicatorValue {
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
  year: number;

  @Column({ type: 'numeric', transformer: numericAsNumber })
  value: number;

  @Column({ type: 'varchar', length: 500 })
  source: string;

  @Column({ type: 'varchar', length: 16 })
  quality: DataQuality;

  @Column({ type: 'varchar', length: 16, default: RecordVisibility.Network })
  visibility: RecordVisibility;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
