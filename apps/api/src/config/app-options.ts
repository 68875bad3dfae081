import type { Env } from './env.validation.js';

export const APP_OPTIONS = Symbol('APP_OPTIONS');

/** What the bootstrap hands the application: validated env, where the data is, and the console. */
export interface AppOptions {
  env: Env;
  databaseUrl: string;
  /** True when the portal runs its own embedded PostgreSQL. */
  embeddedDatabase: boolean;
  /** Prints to the operator's console, never to the JSON log (one-time secrets). */
  announce: (text: string) => void;
}
