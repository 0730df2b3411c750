// Pure parts of the import, shared by the renderer's preview and the backend.
export * from './fields';
export * from './headers';
export * from './mapping';
export * from './types';
export * from './values';
