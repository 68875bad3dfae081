import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GroupVisibility, ThematicArea } from '@lcc/contracts';

/** An expert group of the network (low-carbon cities, eco-tax reform, eco-labelling...). */
@Entity('working_groups')
@Index('idx_working_groups_name_id', ['name', 'id'])
export class WorkingGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 40 })
  thematicArea: ThematicArea;

  @Column({ type: 'varchar', length: 16, default: GroupVisibility.Public })
  visibility: GroupVisibility;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** Set while archived: kept and readable to its members, closed to new members, meetings and posts. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
