import pg from 'pg';

/** Runs one SQL statement against a test app's database (to read stored state or age a row). */
export async function sql<Row extends pg.QueryResultRow = Record<string, unknown>>(
  databaseUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Reads `text` until `done` holds for its rows (work done after a commit, such as a delivery marking its row),
 * or until `timeoutMs` passes; returns the last rows read either way, for the test to assert on.
 */
export async function sqlUntil<Row extends pg.QueryResultRow = Record<string, unknown>>(
  databaseUrl: string,
  text: string,
  done: (rows: Row[]) => boolean,
  timeoutMs = 10_000,
): Promise<Row[]> {
  const deadline = Date.now() + timeoutMs;
  let rows = await sql<Row>(databaseUrl, text);
  while (!done(rows) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    rows = await sql<Row>(databaseUrl, text);
  }
  return rows;
}
