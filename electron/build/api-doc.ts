// Generates docs/api.md from shared/contract.ts: summary and arguments (zod → JSON Schema) from the contract at
// run time, result types from the TypeScript checker, so the document cannot drift from the code.
// Run: npx tsx electron/build/api-doc.ts            (writes docs/api.md)
//      tests/unit/api-doc.test.ts fails when the committed file differs.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import { CHANNELS, contract } from '../../shared/contract';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const API_DOC = path.join(ROOT, 'docs', 'api.md');

function resultTypes(): Map<string, string> {
  const file = path.join(ROOT, 'shared', 'contract.ts');
  const program = ts.createProgram([file], { strict: true, target: ts.ScriptTarget.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const result = new Map<string, string>();
  if (!source) throw new Error('shared/contract.ts not found');
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText(source) === 'contract') {
      const type = checker.getTypeAtLocation(node);
      for (const channel of type.getProperties()) {
        const decl = channel.valueDeclaration ?? channel.declarations?.[0];
        if (!decl) continue;
        const channelType = checker.getTypeOfSymbolAtLocation(channel, decl);
        const res = channelType.getProperty('result');
        if (!res) continue;
        const resType = checker.getTypeOfSymbolAtLocation(res, decl);
        result.set(channel.getName(), checker.typeToString(resType, undefined, ts.TypeFormatFlags.NoTruncation));
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return result;
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  default?: unknown;
  pattern?: string;
  format?: string;
}

function typeText(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (schema.anyOf) return schema.anyOf.map(typeText).join(' \\| ');
  if (schema.type === 'array' && schema.items) return `${typeText(schema.items)}[]`;
  if (schema.type === 'object' && schema.properties) {
    return `{ ${Object.entries(schema.properties).map(([k, v]) => `${k}: ${typeText(v)}`).join('; ')} }`;
  }
  return Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'unknown');
}

function argsTable(schema: JsonSchema): string {
  const props = Object.entries(schema.properties ?? {});
  if (props.length === 0) return '_No arguments (`{}`)._\n';
  const rows = props.map(([name, p]) => {
    const required = schema.required?.includes(name) && p.default === undefined ? 'yes' : 'no';
    const def = p.default === undefined ? '' : `\`${JSON.stringify(p.default)}\``;
    return `| \`${name}\` | ${typeText(p)} | ${required} | ${def} |`;
  });
  return ['| argument | type | required | default |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}

export function renderApiDoc(): string {
  const results = resultTypes();
  const parts = [
    '# Varvet API (IPC contract)',
    '',
    '_Generated from `shared/contract.ts` by `npx tsx electron/build/api-doc.ts`; a test fails when this file is stale._',
    '',
    'Every channel is called as `invoke(channel, args)` — in Electron through the preload (`window.varvet`), in browser',
    'mode as `POST /api/<channel>` with a JSON body and the header `x-varvet-token`. Arguments are parsed with the',
    "channel's zod schema at the boundary. The reply is always `{ ok: true, value }` or",
    "`{ ok: false, error: { code, message } }` with a Swedish message; codes: see `shared/errors.ts`.",
    '',
  ];
  for (const channel of CHANNELS) {
    const entry = contract[channel];
    const schema = z.toJSONSchema(entry.args, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    parts.push(`## \`${channel}\``, '', entry.summary, '', argsTable(schema), `**Result:** \`${results.get(channel) ?? 'unknown'}\``, '');
  }
  return parts.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  fs.writeFileSync(API_DOC, renderApiDoc());
  console.log(`Skrev ${path.relative(ROOT, API_DOC)}`);
}
