import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RecordVisibility } from '@lcc/contracts';

/** A national Type I eco-labelling scheme (ISO 14024). */
@Entity('eco_label_schemes')
@Index('idx_eco_label_schemes_name_id', ['name', 'id'])
export class EcoLabelScheme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  localName: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 300 })
  operator: string;

  @Column({ type: 'smallint', nullable: true })
  establishedYear: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  website: string | null;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16, default: RecordVisibility.Public })
  visibility: RecordVisibility;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  documentIds: string[];

  @Column({ type: 'uuid', nullable: true })
  roomId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
