import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * A real S3-protocol server (s3rver) in this process, on a free port, keeping its objects in a temporary folder:
 * the portal's S3 driver talks to it as to any S3-compatible store.
 */
export class TestS3Server {
  endpoint = '';
  private server?: S3rver;
  private folder?: string;
  private readonly clients: S3Client[] = [];

  async start(): Promise<this> {
    this.folder = await mkdtemp(path.join(tmpdir(), 'lcc-s3-'));
    this.server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: this.folder });
    const { port } = await this.server.run();
    this.endpoint = `http://127.0.0.1:${port}`;
    return this;
  }

  /** The portal's settings for documents kept in `bucket` on this server. */
  env(bucket: string): Record<string, string> {
    return {
      S3_ENDPOINT: this.endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    };
  }

  /** A client of its own, to look at the bucket from outside the portal (closed with the server). */
  client(): S3Client {
    const client = new S3Client({
      endpoint: this.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: CREDENTIALS,
    });
    this.clients.push(client);
    return client;
  }

  async close(): Promise<void> {
    for (const client of this.clients.splice(0)) client.destroy();
    await this.server?.close();
    if (this.folder) await rm(this.folder, { recursive: true, force: true });
  }
}
