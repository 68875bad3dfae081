import { Injectable, Logger } from '@nestjs/common';
import { type LinkedDocument, RoomKind, RoomVisibility } from '@lcc/contracts';
import type { Actor, Viewer } from '../../common/http/actor.js';
import { RoomsService } from '../discussions/rooms.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import { LinkedRecordErrorCode, LinkedRecordException } from './linked-records.exception.js';

/** A record that carries a discussion room and a list of linked documents (a city strategy, an eco-label scheme). */
export interface LinkedRecord {
  roomId: string | null;
  documentIds: string[];
}

/** What a viewer sees of a record's links: the documents they may open, and the room for members only. */
export interface RecordLinks {
  documents: LinkedDocument[];
  roomId: string | null;
}

/**
 * The life of a record with a discussion room and linked documents: the room opens when the record is created and
 * is archived when it is deleted; an author links only documents they may open; each viewer sees only the linked
 * documents the documents feature lets them open. Rooms and documents stay with their own features; this asks
 * their exported services, so the records' features need neither.
 */
@Injectable()
export class LinkedRecordsService {
  private readonly logger = new Logger(LinkedRecordsService.name);

  constructor(
    private readonly rooms: RoomsService,
    private readonly documents: DocumentsService,
  ) {}

  /** Opens the record's public topic room; called once the record is stored, and returns the room's id. */
  async openRoom(actor: Actor, room: { name: string; topic: string }): Promise<string> {
    const created = await this.rooms.create(actor, {
      kind: RoomKind.Topic,
      name: room.name.slice(0, 200),
      topic: room.topic.slice(0, 1000),
      visibility: RoomVisibility.Public,
    });
    return created.id;
  }

  /**
   * Archives the rooms of deleted records (kept readable, closed to new messages) when the person deleting
   * moderates them, as their creator or a coordinator in them does; otherwise a warning is logged and the room
   * stays for a moderator. The record is gone already, so a room left open must not fail the deletion.
   */
  async archiveRooms(actor: Actor, roomIds: (string | null)[]): Promise<void> {
    for (const roomId of roomIds) {
      if (!roomId) continue;
      try {
        await this.rooms.update(actor, roomId, { archived: true });
      } catch (error) {
        this.logger.warn(`room ${roomId} left open: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /** 400 `DOCUMENT_NOT_LINKABLE`, naming each document the author may not open. */
  async requireLinkable(actor: Actor, documentIds: string[]): Promise<void> {
    const linkable = await this.documents.titlesVisibleTo(actor, documentIds);
    const missing = documentIds.filter((id) => !linkable.has(id));
    if (missing.length) {
      throw new LinkedRecordException(
        LinkedRecordErrorCode.DOCUMENT_NOT_LINKABLE,
        undefined,
        missing.map((id) => ({ field: 'documentIds', message: `${id} is not a document you may open` })),
      );
    }
  }

  /** Reads the titles of every record's documents in one query; the returned function maps each record. */
  async linksFor(viewer: Viewer, records: LinkedRecord[]): Promise<(record: LinkedRecord) => RecordLinks> {
    const titles = await this.documents.titlesVisibleTo(viewer, [...new Set(records.flatMap((r) => r.documentIds))]);
    return (record) => ({
      documents: record.documentIds.filter((id) => titles.has(id)).map((id) => ({ id, title: titles.get(id)! })),
      // Anonymous visitors cannot enter a room, so they are not told its id.
      roomId: viewer ? record.roomId : null,
    });
  }
}
