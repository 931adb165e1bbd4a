export * from './schema.js';
export * from './acled.js';
