-- Import of register and results (issue 4): history, the exact changes of every import (so it can be undone
-- as a whole), and saved column mappings per source.

CREATE TABLE import_korning (
  id             INTEGER PRIMARY KEY,
  typ            TEXT NOT NULL CHECK (typ IN ('elever', 'personal', 'grupper', 'undervisning', 'resultat')),
  filnamn        TEXT NOT NULL,
  sha256         TEXT NOT NULL,
  importerad     TEXT NOT NULL,
  rader          INTEGER NOT NULL DEFAULT 0,
  tillagda       INTEGER NOT NULL DEFAULT 0,
  andrade        INTEGER NOT NULL DEFAULT 0,
  oforandrade    INTEGER NOT NULL DEFAULT 0,
  hoppade        INTEGER NOT NULL DEFAULT 0,
  -- 1 when the user chose to import only the valid rows of a file with problems.
  bara_giltiga   INTEGER NOT NULL DEFAULT 0 CHECK (bara_giltiga IN (0, 1)),
  mappning       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(mappning)),
  angrad         TEXT
);

-- One row per database row an import inserted, updated or deleted. nyckel is the row's primary key as JSON;
-- fore/efter are the whole row before/after (NULL for an insert's fore and a delete's efter).
CREATE TABLE import_andring (
  id        INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import_korning(id) ON DELETE CASCADE,
  tabell    TEXT NOT NULL,
  nyckel    TEXT NOT NULL CHECK (json_valid(nyckel)),
  operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
  fore      TEXT CHECK (fore IS NULL OR json_valid(fore)),
  efter     TEXT CHECK (efter IS NULL OR json_valid(efter))
);
CREATE INDEX import_andring_import ON import_andring(import_id);
CREATE INDEX import_andring_rad ON import_andring(tabell, nyckel);

CREATE TABLE import_mappning (
  id      INTEGER PRIMARY KEY,
  kalla   TEXT NOT NULL CHECK (length(trim(kalla)) > 0),
  typ     TEXT NOT NULL CHECK (typ IN ('elever', 'personal', 'grupper', 'undervisning', 'resultat')),
  mappning TEXT NOT NULL CHECK (json_valid(mappning)),
  sparad  TEXT NOT NULL,
  UNIQUE (kalla, typ)
);
