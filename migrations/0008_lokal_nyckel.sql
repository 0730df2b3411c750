-- The key the renderer encrypts its local drafts with (issue 8, encryption at rest): text the backend has not yet
-- confirmed (autosave drafts, the meeting's unsent decisions) is kept in the browser's storage only as AES-GCM
-- ciphertext under this key. The key lives here, in the database, which is encrypted once a passphrase is set; it is
-- created on first use (channel lokal:nyckel) and is not audited (a key is not a record of the school's work).
CREATE TABLE lokal_nyckel (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  nyckel BLOB NOT NULL CHECK (length(nyckel) = 32)
);
