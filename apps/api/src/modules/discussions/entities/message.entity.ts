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
import { Member } from '../../members/entities/member.entity.js';
import { Room } from './room.entity.js';

/**
 * A message. `(roomId, seq)` is unique and gapless; `(roomId, authorId, clientId)` makes a resend return the
 * original. A deleted message keeps its row and seq as a tombstone (body emptied).
 */
@Entity('messages')
@Index('uq_messages_room_seq', ['roomId', 'seq'], { unique: true })
@Index('uq_messages_room_author_client', ['roomId', 'authorId', 'clientId'], { unique: true })
@Index('idx_messages_thread', ['threadRootId', 'seq'])
@Index('idx_messages_author_thread', ['authorId', 'threadRootId'])
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roomId: string;

  @ManyToOne(() => Room, { onDelete: 'CASCADE' })
  @JoinColumn()
  room: Relation<Room>;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  seq: number;

  @Column({ type: 'uuid' })
  clientId: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => Member, { onDelete: 'SET NULL' })
  @JoinColumn()
  author: Relation<Member> | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  threadRootId: string | null;

  @Column({ type: 'int', default: 0 })
  replyCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastReplyAt: Date | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  mentionIds: string[];

  /** Documents attached (the sender could open each when sending; readers see titles only where they may too). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  attachmentIds: string[];

  /** Words of the body (segmented in the application, so CJK works) for full-text search. */
  @Index('idx_messages_search_vector', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false })
  searchVector: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  pinnedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  pinnedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  /** Live messages newest first (partial: `WHERE deleted_at IS NULL`): where search takes its candidates. */
  @Index('idx_messages_created_at_live', { synchronize: false })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
