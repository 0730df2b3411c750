// Prints the audit triggers for the named tables (or every audited table) of a schema at the latest migration, for
// pasting into a migration: `npx tsx electron/backend/audit/printTriggers.ts [TABLE…]`.
import { DatabaseConstructor as BetterSqlite3 } from '../db/driver';
import { applyMigrations, loadMigrations } from '../db/migrations';
import { auditTriggerSql, auditedTables } from './triggers';

const db = new BetterSqlite3(':memory:');
const upTo = Number(process.env.VARVET_MIGRATIONS_UP_TO ?? '0');
applyMigrations(db, loadMigrations().filter((m) => upTo === 0 || m.version <= upTo));
const wanted = process.argv.slice(2);
for (const table of wanted.length > 0 ? wanted : auditedTables(db)) console.log(`${auditTriggerSql(db, table)}\n`);
db.close();
