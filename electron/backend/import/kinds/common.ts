// Writes several kinds share: a group of the current läsår, a membership, a subject with its language.
import { amneNamn } from '../../../../shared/domain/subjects';
import { AppError } from '../../../../shared/errors';
import type { AmneRef } from '../../../../shared/import/values';
import { fold } from '../../../../shared/import/values';
import type { Writer } from '../changes';
import { amneKey, type GruppRad, type Register } from '../lookup';

export function requireLasar(reg: Register): NonNullable<Register['lasar']> {
  if (!reg.lasar) throw new AppError('not_found', 'Det finns inget läsår i databasen. Skapa skolan och läsåret först.');
  return reg.lasar;
}

/** The group of the current läsår with this name, created when missing. */
export function ensureGrupp(w: Writer, reg: Register, namn: string, typ: GruppRad['typ'], arskurs: number | null): { grupp: GruppRad; created: boolean } {
  const found = reg.gruppByName.get(fold(namn));
  if (found) return { grupp: found, created: false };
  const lasar = requireLasar(reg);
  const values = { lasar_id: lasar.id, namn, typ, arskurs };
  const id = w.insert('grupp', values);
  const grupp: GruppRad = { id, ...values };
  reg.addGrupp(grupp);
  return { grupp, created: true };
}

export function ensureMember(w: Writer, reg: Register, gruppId: number, elevId: number): boolean {
  const key = `${gruppId}:${elevId}`;
  if (reg.medlem.has(key)) return false;
  w.insert('gruppmedlem', { grupp_id: gruppId, elev_id: elevId });
  reg.medlem.add(key);
  return true;
}

export function removeMember(w: Writer, reg: Register, gruppId: number, elevId: number): boolean {
  const key = `${gruppId}:${elevId}`;
  if (!reg.medlem.has(key)) return false;
  w.delete('gruppmedlem', { grupp_id: gruppId, elev_id: elevId });
  reg.medlem.delete(key);
  return true;
}

/** The amne row of a subject (and language), created when the school does not have it yet. */
export function ensureAmne(w: Writer, reg: Register, ref: AmneRef): { id: number; created: boolean } {
  const key = amneKey(ref.kod, ref.sprak);
  const found = reg.amneByKey.get(key);
  if (found !== undefined) return { id: found, created: false };
  const namn = ref.sprak ? `${amneNamn(ref.kod)} – ${ref.sprak.toLowerCase()}` : amneNamn(ref.kod);
  const id = w.insert('amne', { kod: ref.kod, namn, sprak: ref.sprak });
  reg.amneByKey.set(key, id);
  return { id, created: true };
}
