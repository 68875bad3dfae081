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
import { PollAnswer } from '@lcc/contracts';
import { Member } from '../../members/entities/member.entity.js';
import { PollOption } from './poll-option.entity.js';

/** A member's answer on one slot; voting again replaces it. */
@Entity('poll_votes')
@Index('uq_poll_votes_option_member', ['optionId', 'memberId'], { unique: true })
export class PollVote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  pollId: string;

  @Column({ type: 'uuid' })
  optionId: string;

  @ManyToOne(() => PollOption, { onDelete: 'CASCADE' })
  @JoinColumn()
  option: Relation<PollOption>;

  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn()
  member: Relation<Member>;

  @Column({ type: 'varchar', length: 16 })
  answer: PollAnswer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
