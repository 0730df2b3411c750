-- Förberedelse (ledarhandling 1–3) and the reflections of every step: the inventory of documentation tools,
-- discussion answers, the plan's live draft, its frozen versions (one of them the baseline the year-end compares
-- with), requests for återkoppling, and Fundera (Utfall / Varför / Nästa steg). Calendar dates live in varv/mote.

CREATE TABLE verktyg (
  id          INTEGER PRIMARY KEY,
  namn        TEXT NOT NULL CHECK (length(trim(namn)) > 0),
  beskrivning TEXT NOT NULL DEFAULT '',
  ordning     INTEGER NOT NULL DEFAULT 0,
  skapad      TEXT NOT NULL
);

-- The seven capabilities of seed 001 per tool; varde NULL = not yet judged.
CREATE TABLE verktyg_formaga (
  verktyg_id INTEGER NOT NULL REFERENCES verktyg(id) ON DELETE CASCADE,
  formaga    TEXT NOT NULL CHECK (formaga IN ('omdomen', 'betygskriterier', 'progression', 'over_tid',
               'kommentarer', 'atkomst', 'analys')),
  varde      TEXT CHECK (varde IN ('ja', 'delvis', 'nej')),
  kommentar  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (verktyg_id, formaga)
) WITHOUT ROWID;

-- Answers to "Diskutera i skolledningen", per step and (for steps 5–7) per varv.
CREATE TABLE diskussionssvar (
  id         INTEGER PRIMARY KEY,
  steg       INTEGER NOT NULL CHECK (steg BETWEEN 1 AND 8),
  fraga_nr   INTEGER NOT NULL CHECK (fraga_nr >= 1),
  varv_id    INTEGER REFERENCES varv(id) ON DELETE CASCADE,
  svar       TEXT NOT NULL DEFAULT '',
  uppdaterad TEXT NOT NULL
);
CREATE UNIQUE INDEX diskussionssvar_unik ON diskussionssvar(steg, fraga_nr, coalesce(varv_id, 0));

-- The plan being written (one row): the step 3 answers as JSON. Its calendar is the varv/mote/lasar rows.
CREATE TABLE plan_utkast (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  svar       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(svar)),
  uppdaterad TEXT NOT NULL
);

-- A frozen plan: answers + calendar as JSON. At most one baseline ("the plan in force when the läsår starts").
CREATE TABLE plan_version (
  id          INTEGER PRIMARY KEY,
  nummer      INTEGER NOT NULL UNIQUE CHECK (nummer >= 1),
  innehall    TEXT NOT NULL CHECK (json_valid(innehall)),
  skapad      TEXT NOT NULL,
  skapad_av   TEXT NOT NULL CHECK (length(trim(skapad_av)) > 0),
  orsak       TEXT NOT NULL DEFAULT '',
  is_baseline INTEGER NOT NULL DEFAULT 0 CHECK (is_baseline IN (0, 1))
);
CREATE UNIQUE INDEX plan_version_en_baslinje ON plan_version(is_baseline) WHERE is_baseline = 1;

-- "Var tydlig med att ange vad i planen du vill ha återkoppling på": to whom, which parts, and the answer.
CREATE TABLE aterkoppling (
  id          INTEGER PRIMARY KEY,
  version_id  INTEGER NOT NULL REFERENCES plan_version(id),
  till        TEXT NOT NULL CHECK (length(trim(till)) > 0),
  delar       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(delar)),
  meddelande  TEXT NOT NULL DEFAULT '',
  skickad     TEXT NOT NULL,
  filnamn     TEXT,
  svar        TEXT NOT NULL DEFAULT '',
  mottagen    TEXT,
  skapad      TEXT NOT NULL
);
CREATE INDEX aterkoppling_version ON aterkoppling(version_id);

-- Fundera after each step: per step, and per varv or meeting where the step repeats.
CREATE TABLE reflektion (
  id         INTEGER PRIMARY KEY,
  steg       INTEGER NOT NULL CHECK (steg BETWEEN 1 AND 8),
  varv_id    INTEGER REFERENCES varv(id) ON DELETE CASCADE,
  mote_id    INTEGER REFERENCES mote(id) ON DELETE CASCADE,
  utfall     TEXT NOT NULL DEFAULT '',
  varfor     TEXT NOT NULL DEFAULT '',
  nasta_steg TEXT NOT NULL DEFAULT '',
  uppdaterad TEXT NOT NULL
);
CREATE UNIQUE INDEX reflektion_unik ON reflektion(steg, coalesce(varv_id, 0), coalesce(mote_id, 0));
