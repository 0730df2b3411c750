// The one entry point of shared/: domain vocabulary, rules, the IPC contract and its errors.
export * from './model';
export * from './labels';
export * from './errors';
export * from './validation';
export * from './contract';
export * from './calendar';
export * from './domain/index';
