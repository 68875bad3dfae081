export * from './columns.js';
export * from './data-source-options.js';
export * from './embedded-postgres.js';
export * from './migrate.js';
export * from './snake-naming.strategy.js';
export * from './test-databases.js';
export * from './prepared.js';
