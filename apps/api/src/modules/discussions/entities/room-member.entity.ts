import { bigintAsNumber } from '@lcc/database';
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
import { RoomNotifyLevel } from '@lcc/contracts';
import { Member } from '../../members/entities/member.entity.js';
import { Room } from './room.entity.js';

/** A member's place in a room: moderator or not, and how far they have read. */
@Entity('room_members')
@Index('uq_room_members_room_member', ['roomId', 'memberId'], { unique: true })
export class RoomMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roomId: string;

  @ManyToOne(() => Room, { onDelete: 'CASCADE' })
  @JoinColumn()
  room: Relation<Room>;

  @Index()
  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn()
  member: Relation<Member>;

  @Column({ type: 'boolean', default: false })
  moderator: boolean;

  /** Highest seq this member has read; only moves forward. */
  @Column({
    type: 'bigint',
    default: 0,
    transformer: bigintAsNumber,
  })
  lastReadSeq: number;

  /** What the member hears of the room: unread badges and mention notifications follow it. */
  @Column({ type: 'varchar', length: 16, default: RoomNotifyLevel.All })
  notifyLevel: RoomNotifyLevel;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
