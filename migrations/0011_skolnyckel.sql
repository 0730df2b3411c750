-- The school's own signing key (Ed25519) for the year report it sends the huvudman: the huvudman registers the public
-- key once and refuses any report not signed with it. Created on first use; it lives in the database, which is
-- encrypted once a passphrase is set, and is not audited (a key is not a record of the school's work).
CREATE TABLE skolnyckel (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  publik  TEXT NOT NULL CHECK (publik LIKE '-----BEGIN PUBLIC KEY-----%'),
  privat  TEXT NOT NULL CHECK (privat LIKE '-----BEGIN PRIVATE KEY-----%'),
  skapad  TEXT NOT NULL
);
