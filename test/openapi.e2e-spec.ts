import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig, lintFromString } from '@redocly/openapi-core';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('the published OpenAPI document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("passes Redocly's recommended rules (redocly.yaml) with no error and no warning", async () => {
    const source = (await t.http().get('/api/docs-json').expect(200)).text;
    // `npm run lint:openapi` asks for the document too, to run the Redocly CLI over the same file.
    const out = process.env.OPENAPI_OUT;
    if (out) await mkdir(dirname(out), { recursive: true }).then(() => writeFile(out, source));
    const config = await loadConfig({ configPath: 'redocly.yaml' });
    const problems = await lintFromString({ source, absoluteRef: `${process.cwd()}/openapi.json`, config });
    // One line per problem, so a failure names every operation to fix (e.g. a handler without a summary).
    const lines = problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(lines).toEqual([]);
  });
});
