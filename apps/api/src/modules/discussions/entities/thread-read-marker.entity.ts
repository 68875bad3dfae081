import { bigintAsNumber } from '@lcc/database';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** How far a member has read one thread (its replies' seqs); like room markers, it only moves forward. */
@Entity('thread_read_markers')
@Index('uq_thread_read_markers_member_root', ['memberId', 'threadRootId'], { unique: true })
export class ThreadReadMarker {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'uuid' })
  threadRootId: string;

  @Column({ type: 'uuid' })
  roomId: string;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  lastReadSeq: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
