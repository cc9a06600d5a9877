export * from './diagnostic.js';
export * from './content-error.js';
export * from './format.js';
export * from './position.js';
export * from './suggest.js';
