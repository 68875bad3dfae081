export * from './enums.js';
export * from './countries.js';
export * from './errors.js';
export * from './responses.js';
export * from './realtime.js';
export * from './documents.js';
export * from './cities.js';
export * from './eco-labels.js';
