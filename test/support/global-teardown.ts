export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __lccTestPostgres?: { stop(): Promise<void> } }).__lccTestPostgres?.stop();
}
