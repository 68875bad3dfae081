import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ExtractionStatus } from '@lcc/contracts';
import type { Env } from '../../../config/env.validation.js';
import { announceDocumentChange } from '../document-changes.js';
import { refreshSearchIndex } from '../search/search-index.js';
import { BlobStorage } from '../storage/blob-storage.js';
import { type ExtractionPoolOptions, extractionPoolOptions } from './extraction-limits.js';
import { ExtractionFailure, ExtractionPool } from './extraction-pool.js';

/** How often each instance looks for versions whose text is still to be extracted (uploads also nudge it). */
const POLL_INTERVAL_MS = 10_000;

interface ClaimedVersion {
  id: string;
  document_id: string;
  number: number;
  sha256: string;
  mime_type: string;
  size: string;
  extraction_attempts: number;
}

/**
 * Extracts the text of uploaded versions in the background, so an upload answers at once, and never in the API's
 * own process: parsing happens in `ExtractionPool`'s child processes, limited in time and memory.
 *
 * A version is claimed by one committed statement that counts the attempt and stamps the claim (`SKIP LOCKED`,
 * so two instances never take the same version); no transaction stays open during the parse. If the process dies
 * mid-parse the version stays pending with its attempt counted; once the claim is older than a lease (twice the
 * timeout plus a minute) it is tried again, and after `EXTRACTION_MAX_ATTEMPTS` it is marked failed instead, so a
 * file that kills its parser cannot keep a crash loop going. A file that is refused, fails to parse, times out or
 * runs out of memory is marked failed at once with the reason: the same bytes would do the same again.
 */
@Injectable()
export class ExtractionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ExtractionService.name);
  private readonly options: ExtractionPoolOptions;
  private readonly pool: ExtractionPool;
  private readonly maxAttempts: number;
  private readonly maxFileBytes: number;
  private readonly leaseSeconds: number;
  private readonly lanes = new Set<Promise<void>>();
  private kicks = 0;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: BlobStorage,
    config: ConfigService<Env, true>,
    private readonly events: EventEmitter2,
  ) {
    const env = config.get.bind(config) as <K extends keyof Env>(key: K) => Env[K];
    this.options = extractionPoolOptions(env);
    this.pool = new ExtractionPool(this.options);
    this.maxAttempts = env('EXTRACTION_MAX_ATTEMPTS');
    this.maxFileBytes = env('EXTRACTION_MAX_FILE_BYTES');
    this.leaseSeconds = Math.ceil((2 * this.options.timeoutMs) / 1000) + 60;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_INTERVAL_MS);
    this.timer.unref();
    this.kick();
  }

  /** Kills running parses first thing on shutdown, so closing never waits for a parser. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.pool.close();
    await Promise.allSettled(this.lanes);
  }

  /** Process ids of the parses running now. */
  get workerPids(): number[] {
    return this.pool.pids;
  }

  /** Starts claiming now, in up to `EXTRACTION_CONCURRENCY` lanes; running lanes look once more before stopping. */
  kick(): void {
    if (this.stopped) return;
    this.kicks += 1;
    while (this.lanes.size < this.options.concurrency) {
      const lane: Promise<void> = this.runLane().finally(() => this.lanes.delete(lane));
      this.lanes.add(lane);
    }
  }

  /** Waits until no version of this database is left to claim and no parse runs here (tests; before a shutdown). */
  async drain(): Promise<void> {
    for (;;) {
      await Promise.allSettled(this.lanes);
      if (await this.extractNext()) continue;
      await Promise.allSettled(this.lanes);
      if (this.lanes.size === 0 && !(await this.anythingToClaim())) return;
    }
  }

  /** Claims one version, extracts its text in a worker and stores the outcome; false when none was free. */
  async extractNext(): Promise<boolean> {
    await this.failExhausted();
    const version = await this.claim();
    if (!version) return false;
    let text: string | null = null;
    let error: string | null = null;
    try {
      if (Number(version.size) > this.maxFileBytes) {
        throw new ExtractionFailure('refused', `the file is larger than ${this.maxFileBytes} bytes`);
      }
      text = await this.parse(version);
    } catch (cause) {
      if (cause instanceof ExtractionFailure && cause.reason === 'stopped') {
        await this.unclaim(version.id);
        return false;
      }
      const reason = cause instanceof ExtractionFailure ? cause.reason : 'error';
      const message = cause instanceof Error ? cause.message : String(cause);
      error = `${reason}: ${message} (attempt ${version.extraction_attempts} of ${this.maxAttempts})`.slice(0, 500);
      this.logger.warn({ versionId: version.id, reason, error }, 'could not extract the text of a document version');
    }
    await this.dataSource.transaction((manager) => this.store(manager, version, text, error));
    await this.announce([version.document_id]);
    return true;
  }

  private async runLane(): Promise<void> {
    try {
      while (!this.stopped) {
        const seen = this.kicks;
        if (!(await this.extractNext()) && this.kicks === seen) return;
      }
    } catch (error) {
      this.logger.error({ err: { message: String(error) } }, 'text extraction failed');
    }
  }

  /** One committed statement: the attempt is counted before the parse starts, whatever becomes of the process. */
  private async claim(): Promise<ClaimedVersion | undefined> {
    const [rows] = (await this.dataSource.query(
      `UPDATE document_versions v
          SET extraction_attempts = v.extraction_attempts + 1, extraction_started_at = now()
         FROM (SELECT id FROM document_versions
                WHERE extraction_status = $1 AND extraction_attempts < $2
                  AND (extraction_started_at IS NULL OR extraction_started_at < now() - make_interval(secs => $3))
                ORDER BY created_at LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED) next
        WHERE v.id = next.id
    RETURNING v.id, v.document_id, v.number, v.sha256, v.mime_type, v.size, v.extraction_attempts`,
      [ExtractionStatus.Pending, this.maxAttempts, this.leaseSeconds],
    )) as [ClaimedVersion[], number];
    return rows[0];
  }

  /** A shutdown interrupted the parse: give the attempt back so the next start tries it at once. */
  private async unclaim(id: string): Promise<void> {
    await this.dataSource
      .query(
        `UPDATE document_versions SET extraction_attempts = greatest(extraction_attempts - 1, 0),
                extraction_started_at = NULL WHERE id = $1 AND extraction_status = $2`,
        [id, ExtractionStatus.Pending],
      )
      .catch((error: unknown) => this.logger.warn({ err: { message: String(error) } }, 'could not release a claim'));
  }

  /** Versions whose every attempt ended with the process (no outcome stored) are failed, not claimed again. */
  private async failExhausted(): Promise<void> {
    const documentIds = await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id, document_id, number, extraction_attempts FROM document_versions
          WHERE extraction_status = $1 AND extraction_attempts >= $2
            AND (extraction_started_at IS NULL OR extraction_started_at < now() - make_interval(secs => $3))
          ORDER BY created_at LIMIT 20 FOR NO KEY UPDATE SKIP LOCKED`,
        [ExtractionStatus.Pending, this.maxAttempts, this.leaseSeconds],
      )) as Pick<ClaimedVersion, 'id' | 'document_id' | 'number' | 'extraction_attempts'>[];
      for (const version of rows) {
        const error =
          `crash: the process ended during text extraction ${version.extraction_attempts} times;` + ' not tried again';
        this.logger.warn({ versionId: version.id }, error);
        await this.store(manager, version, null, error);
      }
      return rows.map((r) => r.document_id);
    });
    await this.announce(documentIds);
  }

  /** Open pages of these documents learn that a version's reading ended (a lost notice must not stop the lane). */
  private async announce(documentIds: string[]): Promise<void> {
    for (const id of new Set(documentIds)) {
      await announceDocumentChange(this.dataSource, this.events, id, 'text_extracted').catch((error: unknown) =>
        this.logger.warn({ err: { message: String(error) } }, 'could not announce an extracted text'),
      );
    }
  }

  private async anythingToClaim(): Promise<boolean> {
    const [{ count }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM document_versions
        WHERE extraction_status = $1
          AND (extraction_started_at IS NULL OR extraction_started_at < now() - make_interval(secs => $2))`,
      [ExtractionStatus.Pending, this.leaseSeconds],
    )) as { count: number }[];
    return count > 0;
  }

  /** Copies the blob to a private temporary file (streamed: the API never holds the file) and parses it there. */
  private async parse(version: ClaimedVersion): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'lcc-extraction-'));
    try {
      const file = path.join(dir, 'input');
      await pipeline(await this.storage.read(version.sha256), createWriteStream(file, { mode: 0o600 }));
      return await this.pool.run(file, version.mime_type);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Stores the outcome and refreshes the document's index when this is its latest version, in one transaction. */
  private async store(
    manager: EntityManager,
    version: Pick<ClaimedVersion, 'id' | 'document_id' | 'number'>,
    text: string | null,
    error: string | null,
  ): Promise<void> {
    // Document row first, as every other writer does (no lock-order deadlock with uploads).
    const [latest] = (await manager.query(
      `SELECT latest_version_number FROM documents WHERE id = $1 FOR NO KEY UPDATE`,
      [version.document_id],
    )) as { latest_version_number: number }[];
    const [, updated] = (await manager.query(
      `UPDATE document_versions SET extraction_status = $2, extracted_text = $3, extraction_error = $4,
              updated_at = now() WHERE id = $1 AND extraction_status = $5`,
      [version.id, error ? ExtractionStatus.Failed : ExtractionStatus.Done, text, error, ExtractionStatus.Pending],
    )) as [unknown, number];
    if (updated === 1 && latest?.latest_version_number === version.number) {
      await refreshSearchIndex(manager, version.document_id);
    }
  }
}
