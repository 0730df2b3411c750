// electron-builder.yml, read as text: no YAML library is a dependency, so a small reader handles the subset the
// file uses (top-level keys, nested maps, "- item" lists) and refuses anything else, so a format drift fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const text = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');

type Node = string | string[] | { [key: string]: Node };

function unquote(value: string): string {
  return value.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
}

/** Parses block-style YAML maps and lists of scalars, two-space indented. */
function parseYaml(source: string): { [key: string]: Node } {
  const lines = source
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
    .map((l) => ({ indent: l.length - l.trimStart().length, body: l.trim() }));
  let i = 0;
  function block(indent: number): Node {
    const first = lines[i];
    if (first?.body.startsWith('- ')) {
      const list: string[] = [];
      while (lines[i]?.indent === indent && lines[i]?.body.startsWith('- ')) list.push(unquote(lines[i++]!.body.slice(2)));
      return list;
    }
    const map: { [key: string]: Node } = {};
    while (lines[i] !== undefined && lines[i]!.indent === indent) {
      const match = /^([\w.-]+):(?:\s+(.*))?$/.exec(lines[i]!.body);
      if (!match) throw new Error(`Oväntad rad i electron-builder.yml: ${lines[i]!.body}`);
      i += 1;
      const [, key = '', value] = match;
      map[key] = value !== undefined ? unquote(value) : block(lines[i]?.indent ?? indent + 2);
    }
    return map;
  }
  const result = block(0);
  if (i !== lines.length || Array.isArray(result) || typeof result === 'string') {
    throw new Error(`electron-builder.yml kunde inte läsas från rad ${i + 1}`);
  }
  return result;
}

const config = parseYaml(text);
const get = (...keys: string[]): Node | undefined =>
  keys.reduce<Node | undefined>((node, key) => (node && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined), config);

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(get('appId')).toBe('se.varvet.app');
    expect(get('productName')).toBe('Varvet');
    expect(get('directories', 'output')).toBe('release/');
    expect(get('icon')).toBe('resources/icon.png');
  });

  it.each([
    ['win', 'nsis'],
    ['mac', 'dmg'],
    ['linux', 'AppImage'],
  ])('builds %s as %s', (platform, target) => {
    expect(get(platform, 'target')).toEqual([target]);
  });

  it('unpacks native binaries (better-sqlite3 and our Electron build) from the asar', () => {
    expect(get('asar')).toBe('true');
    expect(get('asarUnpack')).toContain('**/*.node');
  });

  it('ships the built app, the migrations and the resources', () => {
    const files = get('files');
    for (const entry of ['dist/**', 'migrations/**', 'resources/**', 'package.json']) expect(files).toContain(entry);
  });

  it('does not rebuild node_modules/better-sqlite3 for Electron (the Node build must survive)', () => {
    expect(get('npmRebuild')).toBe('false');
  });

  it.each([
    ['runAsNode', 'false'],
    ['enableNodeOptionsEnvironmentVariable', 'false'],
    ['enableNodeCliInspectArguments', 'false'],
    ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ['onlyLoadAppFromAsar', 'true'],
    ['grantFileProtocolExtraPrivileges', 'false'],
  ])('sets the fuse %s to %s', (fuse, value) => {
    expect(get('electronFuses', fuse)).toBe(value);
  });

  it('the reader refuses what it does not understand', () => {
    expect(() => parseYaml('a:\n  - x\n  b: y\n')).toThrow();
    expect(() => parseYaml('{ a: 1 }')).toThrow();
  });
});
