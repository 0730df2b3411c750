-- The audit log's key (issue 16, item 4). In an encrypted database the chain is an HMAC-SHA256 from the first entry
-- sealed after encryption was set up (fran_id) on, with a key derived from the database key (HKDF-SHA256,
-- electron/backend/audit/seal.ts) and kept here, inside the encrypted file, so a rekey keeps the chain verifiable:
-- a chain recomputed with plain SHA-256 by someone without the key no longer verifies. Written once by the sealer,
-- never changed or removed; not audited (a key must not be copied into the log).
CREATE TABLE audit_nyckel (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  nyckel  BLOB NOT NULL CHECK (length(nyckel) = 32),
  fran_id INTEGER NOT NULL
);
CREATE TRIGGER audit_nyckel_fast_u BEFORE UPDATE ON audit_nyckel BEGIN
  SELECT RAISE(ABORT, 'Granskningsloggens nyckel går inte att ändra.');
END;
CREATE TRIGGER audit_nyckel_fast_d BEFORE DELETE ON audit_nyckel BEGIN
  SELECT RAISE(ABORT, 'Granskningsloggens nyckel går inte att ta bort.');
END;

-- A smaller log with the same guarantees (issue 20). Two of an entry's three hashes can be derived: innehall_hash
-- is sha256 of fore and efter, forra_hash is the previous entry's hash. They are no longer stored (128 bytes of hex
-- per entry); the chain hash, which covers both, is unchanged, so every entry sealed before still verifies. A
-- redacted entry (gallring) keeps its innehall_hash: its content is gone, and the chain needs it. Gallring now stores
-- it at the moment it redacts an entry whose hash was not stored, so the guard below lets it set a missing one.
DROP TRIGGER audit_logg_bara_tillagg;
UPDATE audit_logg SET innehall_hash = CASE WHEN gallrad = 1 THEN innehall_hash END, forra_hash = NULL
  WHERE (innehall_hash IS NOT NULL AND gallrad = 0) OR forra_hash IS NOT NULL;
CREATE TRIGGER audit_logg_bara_tillagg BEFORE UPDATE ON audit_logg
WHEN NOT (
  (OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.id = OLD.id AND NEW.tabell IS OLD.tabell AND NEW.rad_id IS OLD.rad_id
    AND NEW.elev_id IS OLD.elev_id AND NEW.operation = OLD.operation AND NEW.fore IS OLD.fore AND NEW.efter IS OLD.efter
    AND NEW.gallrad = OLD.gallrad)
  OR
  (EXISTS (SELECT 1 FROM audit_gallring_pagar) AND OLD.hash IS NOT NULL AND NEW.gallrad = 1
    AND NEW.id = OLD.id AND NEW.tid = OLD.tid AND NEW.vem IS OLD.vem AND NEW.kanal IS OLD.kanal AND NEW.tabell IS OLD.tabell
    AND NEW.rad_id IS OLD.rad_id AND NEW.elev_id IS OLD.elev_id AND NEW.operation = OLD.operation
    AND NEW.innehall_hash IS NOT NULL AND (OLD.innehall_hash IS NULL OR NEW.innehall_hash = OLD.innehall_hash)
    AND NEW.forra_hash IS OLD.forra_hash AND NEW.hash = OLD.hash
    AND NEW.fore IS (CASE WHEN OLD.fore IS NULL THEN NULL ELSE '{"gallrad":true}' END)
    AND NEW.efter IS (CASE WHEN OLD.efter IS NULL THEN NULL ELSE '{"gallrad":true}' END))
)
BEGIN
  SELECT RAISE(ABORT, 'Granskningsloggen går inte att ändra: en post kan bara läggas till.');
END;
