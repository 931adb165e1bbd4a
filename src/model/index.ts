export * from './schema.js';
export * from './acled.js';
export * from './count.js';
