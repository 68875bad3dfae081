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
import { CityMemberRole } from '@lcc/contracts';
import { Member } from '../../members/entities/member.entity.js';
import { City } from './city.entity.js';

/** A member linked to a city: a focal point (edits the city's records) or a member organisation. */
@Entity('city_members')
@Index('uq_city_members_city_member_role', ['cityId', 'memberId', 'role'], { unique: true })
export class CityMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cityId: string;

  @ManyToOne(() => City, { onDelete: 'CASCADE' })
  @JoinColumn()
  city: Relation<City>;

  @Index()
  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn()
  member: Relation<Member>;

  @Column({ type: 'varchar', length: 16 })
  role: CityMemberRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
