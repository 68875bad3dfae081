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
import { NotificationType } from '@lcc/contracts';
import { Member } from '../../members/entities/member.entity.js';

/** An in-app notification of one member. */
@Entity('notifications')
@Index('idx_notifications_member_created', ['memberId', 'createdAt', 'id'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn()
  member: Relation<Member>;

  @Column({ type: 'varchar', length: 40 })
  type: NotificationType;

  /** Parameters of the sentence (`NotificationParams` in the contract): ids and names, never a sentence. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, string>;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
