export * from './fixtures.js';
export * from './sockets.js';
