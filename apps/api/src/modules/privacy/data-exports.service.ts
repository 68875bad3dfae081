import type { Readable } from 'node:stream';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import yazl from 'yazl';
import { type DataExportResponse, DataExportStatus } from '@lcc/contracts';
import { isUniqueViolation } from '@lcc/database';
import type { Actor } from '../../common/http/actor.js';
import { PeriodicRun } from '../../common/jobs/periodic-run.js';
import type { Env } from '../../config/env.validation.js';
import { DocumentFilesService } from '../documents/document-files.service.js';
import { MemberDeletedEvent } from '../members/events/member-deleted.event.js';
import { exportContents } from './data-export-contents.js';
import { DataExport } from './entities/data-export.entity.js';
import { PrivacyErrorCode, PrivacyException } from './privacy.exception.js';

/** A claim older than this belongs to a worker that died; another takes the request again. */
const STALE_CLAIM_MINUTES = 15;
/** After this many starts a request is marked failed (the member may ask again). */
const MAX_ATTEMPTS = 3;
/** Failed requests are kept this long, so the settings page can say so, then deleted. */
const FAILED_KEPT_HOURS = 24;

/**
 * "Download my data": a request row (`requested`), prepared in the background into a ZIP archive in the file store
 * (`ready`, until `expiresAt`) or `failed`. Any instance's worker may claim a request (`FOR UPDATE SKIP LOCKED`),
 * so two never build the same one; the instance that took the request starts on it at once. Only the member who
 * asked sees the request and downloads the archive: for everyone else, staff included, it does not exist (404).
 */
@Injectable()
export class DataExportsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DataExportsService.name);
  private readonly job = new PeriodicRun(() => this.runDue(), this.logger, 'data export run failed');
  /** The run started by a request on this instance (awaited at shutdown). */
  private kicked?: Promise<unknown>;
  private again = false;

  constructor(
    @InjectRepository(DataExport) private readonly exports: Repository<DataExport>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: DocumentFilesService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start(this.config.get('DATA_EXPORT_POLL_INTERVAL_MS', { infer: true }));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
    await this.kicked;
  }

  /** The member's requests, newest first (the settings page polls this while one is being prepared). */
  async list(actor: Actor): Promise<DataExportResponse[]> {
    const rows = await this.exports.find({ where: { memberId: actor.id }, order: { createdAt: 'DESC' }, take: 5 });
    return rows.map(toResponse);
  }

  async get(actor: Actor, id: string): Promise<DataExportResponse> {
    return toResponse(await this.requireOwn(actor, id));
  }

  /**
   * A new request replaces the member's earlier archives; one being prepared is a 409 (a partial unique index keeps
   * it so when two requests arrive at once).
   */
  async request(actor: Actor): Promise<DataExportResponse> {
    const busy = () => new PrivacyException(PrivacyErrorCode.DATA_EXPORT_IN_PROGRESS);
    const { created, replaced } = await this.dataSource
      .transaction(async (manager) => {
        const repository = manager.getRepository(DataExport);
        const earlier = await repository.find({ where: { memberId: actor.id }, lock: { mode: 'pessimistic_write' } });
        if (earlier.some((row) => row.status === DataExportStatus.Requested)) throw busy();
        await repository.delete({ memberId: actor.id });
        const row = await repository.save(
          repository.create({ memberId: actor.id, status: DataExportStatus.Requested }),
        );
        return { created: row, replaced: earlier };
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? busy() : error;
      });
    await this.removeFiles(replaced);
    this.kick();
    return toResponse(created);
  }

  /** The archive's bytes and a file name for the download (only the member's own, only while ready). */
  async download(actor: Actor, id: string): Promise<{ stream: Readable; fileName: string; size: number }> {
    const row = await this.requireOwn(actor, id);
    if (row.status !== DataExportStatus.Ready || !row.storageKey || (row.expiresAt && row.expiresAt <= new Date())) {
      throw new PrivacyException(PrivacyErrorCode.DATA_EXPORT_NOT_FOUND);
    }
    const day = row.createdAt.toISOString().slice(0, 10);
    // Removed in the meantime (expired and cleaned up by another instance): gone, not a server error.
    const stream = await this.files.readFile(row.storageKey).catch(() => {
      throw new PrivacyException(PrivacyErrorCode.DATA_EXPORT_NOT_FOUND);
    });
    return {
      stream,
      fileName: `lcc-portal-data-${day}.zip`,
      size: Number(row.size),
    };
  }

  /** Prepares every waiting request, then deletes expired archives (one run of the job; tests call it directly). */
  async runDue(): Promise<void> {
    for (;;) {
      const claimed = await this.claim();
      if (!claimed) break;
      await this.prepare(claimed);
    }
    await this.removeExpired();
  }

  /** A deleted account's archives go with it. */
  @OnEvent(MemberDeletedEvent.NAME, { async: true, promisify: true })
  async onMemberDeleted(event: MemberDeletedEvent): Promise<void> {
    const [rows] = (await this.dataSource.query(`DELETE FROM data_exports WHERE member_id = $1 RETURNING storage_key`, [
      event.memberId,
    ])) as [{ storage_key: string | null }[], number];
    await this.removeFiles(rows.map((row) => ({ storageKey: row.storage_key })));
  }

  /** Starts a run now, or another right after the one in progress (which may have looked before this request). */
  private kick(): void {
    if (this.kicked) {
      this.again = true;
      return;
    }
    this.kicked = (async () => {
      do {
        this.again = false;
        await this.runDue();
      } while (this.again);
    })()
      .catch((error: unknown) => this.logger.error({ err: { message: String(error) } }, 'data export run failed'))
      .finally(() => (this.kicked = undefined));
  }

  private async claim(): Promise<{ id: string; memberId: string; attempts: number } | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE data_exports SET claimed_at = now(), attempts = attempts + 1, updated_at = now()
        WHERE id = (SELECT id FROM data_exports
                     WHERE status = $1 AND (claimed_at IS NULL OR claimed_at < now() - make_interval(mins => $2))
                     ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id, member_id, attempts`,
      [DataExportStatus.Requested, STALE_CLAIM_MINUTES],
    )) as [{ id: string; member_id: string; attempts: number }[], number];
    const row = rows[0];
    return row ? { id: row.id, memberId: row.member_id, attempts: row.attempts } : null;
  }

  private async prepare(claimed: { id: string; memberId: string; attempts: number }): Promise<void> {
    const key = `data-export-${claimed.id}.zip`;
    if (claimed.attempts > MAX_ATTEMPTS) return this.finish(claimed.id, DataExportStatus.Failed);
    try {
      const entries = await exportContents(this.dataSource, claimed.memberId);
      const zip = new yazl.ZipFile();
      for (const entry of entries) {
        if (entry.kind === 'buffer') zip.addBuffer(entry.bytes, entry.path);
        else {
          zip.addReadStreamLazy(entry.path, (done) => {
            this.files.readBlob(entry.sha256).then(
              (stream) => done(null, stream),
              (error: unknown) => done(error, undefined as unknown as Readable),
            );
          });
        }
      }
      zip.end();
      const size = await this.files.putFile(key, zip.outputStream as Readable);
      const ttlHours = this.config.get('DATA_EXPORT_TTL_HOURS', { infer: true });
      const stored = await this.exports.update(
        { id: claimed.id, status: DataExportStatus.Requested },
        {
          status: DataExportStatus.Ready,
          storageKey: key,
          size: String(size),
          finishedAt: new Date(),
          expiresAt: new Date(Date.now() + ttlHours * 3_600_000),
        },
      );
      // The request was replaced or its member deleted while the archive was written: nobody will fetch it.
      if (!stored.affected) await this.files.removeFile(key);
    } catch (error) {
      this.logger.error({ err: { message: String(error) }, exportId: claimed.id }, 'data export failed');
      await this.files.removeFile(key).catch(() => undefined);
      await this.finish(claimed.id, DataExportStatus.Failed);
    }
  }

  private async finish(id: string, status: DataExportStatus): Promise<void> {
    await this.exports.update(
      { id, status: DataExportStatus.Requested },
      { status, finishedAt: new Date(), expiresAt: new Date(Date.now() + FAILED_KEPT_HOURS * 3_600_000) },
    );
  }

  private async removeExpired(): Promise<void> {
    const [rows] = (await this.dataSource.query(
      `DELETE FROM data_exports WHERE status <> $1 AND expires_at <= now() RETURNING storage_key`,
      [DataExportStatus.Requested],
    )) as [{ storage_key: string | null }[], number];
    await this.removeFiles(rows.map((row) => ({ storageKey: row.storage_key })));
  }

  private async removeFiles(rows: { storageKey: string | null }[]): Promise<void> {
    for (const row of rows) if (row.storageKey) await this.files.removeFile(row.storageKey);
  }

  private async requireOwn(actor: Actor, id: string): Promise<DataExport> {
    const row = await this.exports.findOneBy({ id, memberId: actor.id });
    if (!row) throw new PrivacyException(PrivacyErrorCode.DATA_EXPORT_NOT_FOUND);
    return row;
  }
}

function toResponse(row: DataExport): DataExportResponse {
  return {
    id: row.id,
    status: row.status,
    requestedAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    size: row.size === null ? null : Number(row.size),
  };
}
