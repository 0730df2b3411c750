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
