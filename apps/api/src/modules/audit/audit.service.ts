import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { AuditAction, AuditEntryResponse, Page } from '@lcc/contracts';
import { decodeCursor, toPage, type PageQueryDto } from '../../common/pagination/cursor.js';
import { AuditEntry } from './entities/audit-entry.entity.js';

export interface AuditRecord {
  action: AuditAction;
  actorId: string | null;
  targetType: string;
  targetId: string;
  details?: Record<string, unknown>;
}

/** The audit log of administrative actions. Writers pass their transaction's manager so the entry commits with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEntry) : this.entries;
    await repository.save(repository.create({ ...record, details: record.details ?? {} }));
  }

  /** Newest first, keyset-paginated. Callers are admins (checked by the route). */
  async list(query: PageQueryDto & { targetId?: string; action?: AuditAction }): Promise<Page<AuditEntryResponse>> {
    const qb = this.entries.createQueryBuilder('e').orderBy('e.createdAt', 'DESC').addOrderBy('e.id', 'DESC');
    if (query.targetId) qb.andWhere('e.targetId = :targetId', { targetId: query.targetId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      qb.andWhere('(e.createdAt, e.id) < (:createdAt, :id)', { createdAt, id });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    return toPage(rows, query.limit, toAuditEntryResponse, (e) => [e.createdAt.toISOString(), e.id]);
  }
}

function toAuditEntryResponse(entry: AuditEntry): AuditEntryResponse {
  return {
    id: entry.id,
    action: entry.action,
    actorId: entry.actorId,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details,
    createdAt: entry.createdAt.toISOString(),
  };
}
