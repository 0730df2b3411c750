// Domain rules of DOMAIN.md as pure functions (issue 3). Re-exported from shared/index.ts.
export * from './scales';
export * from './subjects';
export * from './schedule';
export { helgdagar, isHelgdag, paskdagen } from './holidays';
export { addDaysIso, daysBetween, mondayOf, weekdayOf } from './dates';
export { checkLov, lovVeckor } from './lov';
export * from './decision';
export * from './utredning';
export * from './teacherPattern';
export * from './criteria';
export * from './behorighet';
export * from './settings';
export * from './backupRetention';
export * from './ledarhandlingar';
export * from './planDiff';
export * from './arshjul';
export * from './mote';
export * from './rapport';
