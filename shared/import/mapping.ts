// The mapping model: target field → the header text of the column that holds it. Stored by header text, not by
// position, so a saved mapping still fits next term's export when the platform reorders its columns.
import { KIND_FIELDS, KIND_REQUIREMENTS, type ColumnMapping, type ImportField, type ImportKind } from './fields';
import { normalizeHeader } from './headers';

export type { ColumnMapping };

/** Field → column index in this file; a mapped header that the file lacks is left out. */
export type ResolvedMapping = Partial<Record<ImportField, number>>;

export function resolveMapping(kind: ImportKind, mapping: ColumnMapping, headers: readonly string[]): ResolvedMapping {
  const normalized = headers.map(normalizeHeader);
  const out: ResolvedMapping = {};
  for (const field of KIND_FIELDS[kind]) {
    const header = mapping[field];
    if (header === undefined || header === '') continue;
    // Exact header first, then the same header normalised (a BOM, case or trailing space should not matter).
    let index = headers.indexOf(header);
    if (index < 0) index = normalized.indexOf(normalizeHeader(header));
    if (index >= 0) out[field] = index;
  }
  return out;
}

/** The Swedish names of the requirements the mapping does not meet; empty when the mapping is complete. */
export function missingRequirements(kind: ImportKind, resolved: ResolvedMapping): string[] {
  return KIND_REQUIREMENTS[kind]
    .filter((r) => !r.anyOf.some((alt) => alt.every((f) => resolved[f] !== undefined)))
    .map((r) => r.text);
}

/** Keeps only the fields of the kind and headers that exist in the file (a saved mapping from another file). */
export function fitMapping(kind: ImportKind, mapping: ColumnMapping, headers: readonly string[]): ColumnMapping {
  const resolved = resolveMapping(kind, mapping, headers);
  const out: ColumnMapping = {};
  for (const [field, index] of Object.entries(resolved) as [ImportField, number][]) out[field] = headers[index] as string;
  return out;
}
