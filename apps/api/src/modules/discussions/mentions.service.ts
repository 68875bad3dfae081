import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { RoomNotifyLevel } from '@lcc/contracts';
import { RoomMember } from './entities/room-member.entity.js';

/** `@room` as a word of its own (not `@roomy`, not inside an e-mail address). */
const ROOM_MENTION = /(^|[^\p{L}\p{N}_.])@room(?![\p{L}\p{N}_])/u;

export interface Mentions {
  /** Everyone the message mentions (stored in `mention_ids`, counted per reader). */
  ids: string[];
  /** Those named with `@Display Name`; the others were reached by `@room` only. */
  named: Set<string>;
}

/**
 * Who a message mentions, and who of them wants to hear about it. `@Display Name` of a room member mentions them;
 * a moderator's `@room` mentions every member of the room. The author never mentions themselves.
 */
@Injectable()
export class MentionsService {
  constructor(@InjectRepository(RoomMember) private readonly roomMembers: Repository<RoomMember>) {}

  /** Longest names first, so `@Kim Min` does not shadow `@Kim Minjun`. `@room` counts only from a moderator. */
  async mentionedIn(roomId: string, body: string, authorId: string, moderator: boolean): Promise<Mentions> {
    if (!body.includes('@')) return { ids: [], named: new Set() };
    const members = (await this.roomMembers.find({ where: { roomId }, relations: { member: true } })) as RoomMember[];
    const named = new Set<string>();
    for (const rm of members.sort((a, b) => b.member.displayName.length - a.member.displayName.length)) {
      if (rm.memberId !== authorId && body.includes(`@${rm.member.displayName}`)) named.add(rm.memberId);
    }
    const everyone = moderator && ROOM_MENTION.test(body);
    const ids = everyone ? members.map((rm) => rm.memberId).filter((id) => id !== authorId) : [...named];
    return { ids, named };
  }

  /** Every member of the room but the author who has not silenced it (who hears of a direct message). */
  async othersListening(roomId: string, authorId: string): Promise<string[]> {
    const rows = await this.roomMembers
      .createQueryBuilder('rm')
      .select('rm.memberId', 'memberId')
      .where('rm.roomId = :roomId AND rm.memberId <> :authorId AND rm.notifyLevel <> :nothing', {
        roomId,
        authorId,
        nothing: RoomNotifyLevel.Nothing,
      })
      .getRawMany<{ memberId: string }>();
    return rows.map((row) => row.memberId);
  }

  /** Of these members of the room, those who have not silenced it (a muted room sends no notification). */
  async listening(roomId: string, memberIds: string[]): Promise<string[]> {
    if (memberIds.length === 0) return [];
    const rows = await this.roomMembers
      .createQueryBuilder('rm')
      .select('rm.memberId', 'memberId')
      .where('rm.roomId = :roomId AND rm.memberId IN (:...memberIds) AND rm.notifyLevel <> :nothing', {
        roomId,
        memberIds,
        nothing: RoomNotifyLevel.Nothing,
      })
      .getRawMany<{ memberId: string }>();
    return rows.map((row) => row.memberId);
  }
}
