// Building blocks for the contract: each area of the app declares its channels in its own file in this folder,
// and shared/contract.ts merges them (a channel declared twice throws when the module loads).
import type { z } from 'zod';

/** Phantom marker carrying a result type; never called at run time for its value. */
export function returns<T>(): T {
  return undefined as T;
}

export interface ChannelSpec {
  /** One line for docs/api.md. */
  summary: string;
  args: z.ZodType;
  result: unknown;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export function mergeChannels<Parts extends Record<string, ChannelSpec>[]>(
  ...parts: Parts
): UnionToIntersection<Parts[number]> {
  const merged: Record<string, ChannelSpec> = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (name in merged) throw new Error(`Channel declared twice in the contract: ${name}`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<Parts[number]>;
}
