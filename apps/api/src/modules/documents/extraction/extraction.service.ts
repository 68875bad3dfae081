import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ExtractionStatus } from '@lcc/contracts';
import { refreshSearchIndex } from '../search/search-index.js';
import { BlobStorage } from '../storage/blob-storage.js';
import { extractText, MAX_EXTRACTION_BYTES } from './text-extractors.js';

/** How often each instance looks for versions whose text is still to be extracted (uploads also nudge it). */
const POLL_INTERVAL_MS = 10_000;
/** A parser that takes longer than this on one file is given up (the version is marked failed). */
const EXTRACTION_TIMEOUT_MS = 120_000;

/**
 * Extracts the text of uploaded versions in the background, so an upload answers at once. Each version is
 * claimed with `FOR NO KEY UPDATE SKIP LOCKED` in the transaction that stores its text, so several instances never
 * extract the same file twice (the weaker lock lets downloads' foreign-key checks pass meanwhile); a version whose parser throws (a corrupt PDF) is marked `failed`, never retried
 * in a loop, and nothing else is affected.
 */
@Injectable()
export class ExtractionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExtractionService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: BlobStorage,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_INTERVAL_MS);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Starts a run now unless one is going (which then runs once more). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        while (!this.stopped && (await this.extractNext())) {
          // One version per transaction, until none is pending.
        }
      } while (this.again && !this.stopped);
    })()
      .catch((error: unknown) => this.logger.error({ err: { message: String(error) } }, 'text extraction failed'))
      .finally(() => (this.running = undefined));
  }

  /** Waits until no version of this database is pending (tests; also useful before a shutdown). */
  async drain(): Promise<void> {
    for (;;) {
      await this.running;
      if (!(await this.extractNext())) {
        await this.running;
        const [{ count }] = (await this.dataSource.query(
          `SELECT count(*)::int AS count FROM document_versions WHERE extraction_status = $1`,
          [ExtractionStatus.Pending],
        )) as { count: number }[];
        if (count === 0) return;
      }
    }
  }

  /** Claims one pending version, extracts its text and stores it; false when none was free. */
  async extractNext(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [version] = (await manager.query(
        `SELECT id, document_id, number, sha256, mime_type, size FROM document_versions
          WHERE extraction_status = $1 ORDER BY created_at LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED`,
        [ExtractionStatus.Pending],
      )) as { id: string; document_id: string; number: number; sha256: string; mime_type: string; size: string }[];
      if (!version) return false;
      let text: string | null = null;
      let error: string | null = null;
      try {
        if (Number(version.size) > MAX_EXTRACTION_BYTES) throw new Error('the file is too large to extract text');
        const bytes = await this.readAll(version.sha256);
        text = await withTimeout(extractText(version.mime_type, bytes), EXTRACTION_TIMEOUT_MS);
      } catch (cause) {
        error = (cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)).slice(0, 500);
        this.logger.warn({ versionId: version.id, error }, 'could not extract the text of a document version');
      }
      await manager.query(
        `UPDATE document_versions SET extraction_status = $2, extracted_text = $3, extraction_error = $4,
                updated_at = now() WHERE id = $1`,
        [version.id, error ? ExtractionStatus.Failed : ExtractionStatus.Done, text, error],
      );
      const [latest] = (await manager.query(
        `SELECT latest_version_number FROM documents WHERE id = $1 FOR NO KEY UPDATE`,
        [version.document_id],
      )) as { latest_version_number: number }[];
      if (latest?.latest_version_number === version.number) await refreshSearchIndex(manager, version.document_id);
      return true;
    });
  }

  private async readAll(sha256: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.read(sha256)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`text extraction took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
