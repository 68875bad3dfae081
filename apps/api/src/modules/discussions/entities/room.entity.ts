import { bigintAsNumber } from '@lcc/database';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RoomKind, RoomVisibility } from '@lcc/contracts';

/**
 * A discussion room. `lastSeq` is the room's message counter: each insert takes the next value in its own
 * transaction (`UPDATE rooms SET last_seq = last_seq + 1 ... RETURNING`), which also serialises senders, so seqs are
 * gapless and strictly increasing.
 */
@Entity('rooms')
@Index('idx_rooms_last_message_at', ['lastMessageAt'])
export class Room {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: RoomKind;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  topic: string | null;

  @Column({ type: 'varchar', length: 16, default: RoomVisibility.Private })
  visibility: RoomVisibility;

  /** The group of a `group` room (one room per group). */
  @Index({ unique: true, where: '"working_group_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  workingGroupId: string | null;

  /** The meeting of a `meeting` room (at most one per meeting). */
  @Index({ unique: true, where: '"meeting_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  /** Name and topic folded for substring search in any script (`fold`), for the room directory. */
  @Column({ type: 'text', default: '' })
  searchText: string;

  @Column({
    type: 'bigint',
    default: 0,
    transformer: bigintAsNumber,
  })
  lastSeq: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastMessageAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
