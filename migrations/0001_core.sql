-- Core records of DOMAIN.md. One database = one school (skola has exactly one row, id 1).
-- Dates are ISO yyyy-MM-dd text; instants are ISO 8601 UTC text. Booleans are 0/1.

CREATE TABLE skola (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  namn          TEXT NOT NULL CHECK (length(trim(namn)) > 0),
  installningar TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(installningar)),
  skapad        TEXT NOT NULL
);

CREATE TABLE lasar (
  id                INTEGER PRIMARY KEY,
  namn              TEXT NOT NULL UNIQUE,
  startdatum        TEXT NOT NULL,
  slutdatum         TEXT NOT NULL,
  lov               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lov)),
  antal_varv        INTEGER NOT NULL DEFAULT 6 CHECK (antal_varv BETWEEN 1 AND 8),
  varv_langd_veckor INTEGER NOT NULL DEFAULT 6 CHECK (varv_langd_veckor BETWEEN 3 AND 8),
  CHECK (startdatum < slutdatum)
);

CREATE TABLE varv (
  id                   INTEGER PRIMARY KEY,
  lasar_id             INTEGER NOT NULL REFERENCES lasar(id) ON DELETE CASCADE,
  nummer               INTEGER NOT NULL CHECK (nummer >= 1),
  startdatum           TEXT NOT NULL,
  slutdatum            TEXT NOT NULL,
  bedomning_senast     TEXT,
  resultatdialog_datum TEXT,
  eht_datum            TEXT,
  avstamning_datum     TEXT,
  UNIQUE (lasar_id, nummer),
  CHECK (startdatum <= slutdatum)
);

CREATE TABLE personal (
  id        INTEGER PRIMARY KEY,
  extern_id TEXT UNIQUE,
  fornamn   TEXT NOT NULL,
  efternamn TEXT NOT NULL,
  epost     TEXT,
  aktiv     INTEGER NOT NULL DEFAULT 1 CHECK (aktiv IN (0, 1))
);

CREATE TABLE personal_roll (
  personal_id INTEGER NOT NULL REFERENCES personal(id) ON DELETE CASCADE,
  roll        TEXT NOT NULL CHECK (roll IN ('rektor', 'bitradande_rektor', 'specialpedagog', 'kurator',
                'skolskoterska', 'skolpsykolog', 'forstelarare', 'larare', 'mentor')),
  PRIMARY KEY (personal_id, roll)
) WITHOUT ROWID;

CREATE TABLE amne (
  id    INTEGER PRIMARY KEY,
  kod   TEXT NOT NULL,
  namn  TEXT NOT NULL,
  -- Moderna språk (M1/M2) and modersmål (ML) carry a language; other subjects have ''.
  sprak TEXT NOT NULL DEFAULT '',
  UNIQUE (kod, sprak)
);

CREATE TABLE grupp (
  id       INTEGER PRIMARY KEY,
  lasar_id INTEGER NOT NULL REFERENCES lasar(id),
  namn     TEXT NOT NULL,
  typ      TEXT NOT NULL DEFAULT 'klass' CHECK (typ IN ('klass', 'undervisningsgrupp')),
  arskurs  INTEGER CHECK (arskurs BETWEEN 0 AND 9),
  UNIQUE (lasar_id, namn)
);

CREATE TABLE elev (
  id                          INTEGER PRIMARY KEY,
  extern_id                   TEXT UNIQUE,
  fornamn                     TEXT NOT NULL,
  efternamn                   TEXT NOT NULL,
  arskurs                     INTEGER NOT NULL CHECK (arskurs BETWEEN 0 AND 9),
  klass_id                    INTEGER REFERENCES grupp(id),
  mentor_id                   INTEGER REFERENCES personal(id),
  sarskild_undervisningsgrupp INTEGER NOT NULL DEFAULT 0 CHECK (sarskild_undervisningsgrupp IN (0, 1)),
  nyanland                    INTEGER NOT NULL DEFAULT 0 CHECK (nyanland IN (0, 1)),
  -- A pupil who leaves is marked inactive, never deleted with their history.
  aktiv                       INTEGER NOT NULL DEFAULT 1 CHECK (aktiv IN (0, 1)),
  slutat                      TEXT
);
CREATE INDEX elev_klass ON elev(klass_id);

CREATE TABLE gruppmedlem (
  grupp_id INTEGER NOT NULL REFERENCES grupp(id) ON DELETE CASCADE,
  elev_id  INTEGER NOT NULL REFERENCES elev(id),
  PRIMARY KEY (grupp_id, elev_id)
) WITHOUT ROWID;
CREATE INDEX gruppmedlem_elev ON gruppmedlem(elev_id);

CREATE TABLE undervisning (
  id          INTEGER PRIMARY KEY,
  personal_id INTEGER NOT NULL REFERENCES personal(id),
  grupp_id    INTEGER NOT NULL REFERENCES grupp(id),
  amne_id     INTEGER NOT NULL REFERENCES amne(id),
  UNIQUE (grupp_id, amne_id, personal_id)
);
CREATE INDEX undervisning_personal ON undervisning(personal_id);

CREATE TABLE mote (
  id           INTEGER PRIMARY KEY,
  lasar_id     INTEGER NOT NULL REFERENCES lasar(id),
  varv_id      INTEGER REFERENCES varv(id),
  typ          TEXT NOT NULL CHECK (typ IN ('forsta_eht', 'resultatdialog', 'eht', 'avstamning', 'arsavslut')),
  datum        TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'planerat' CHECK (status IN ('planerat', 'pagar', 'avslutat')),
  anteckningar TEXT NOT NULL DEFAULT '',
  avslutat     TEXT
);
CREATE INDEX mote_varv ON mote(varv_id, typ);

-- Participants are staff, or invited people outside the register (a mentor from another school, a guardian…).
CREATE TABLE mote_deltagare (
  id          INTEGER PRIMARY KEY,
  mote_id     INTEGER NOT NULL REFERENCES mote(id) ON DELETE CASCADE,
  personal_id INTEGER REFERENCES personal(id),
  namn        TEXT,
  funktion    TEXT NOT NULL DEFAULT '',
  inbjuden    INTEGER NOT NULL DEFAULT 0 CHECK (inbjuden IN (0, 1)),
  CHECK (personal_id IS NOT NULL OR length(trim(coalesce(namn, ''))) > 0),
  UNIQUE (mote_id, personal_id)
);

CREATE TABLE insats (
  id                   INTEGER PRIMARY KEY,
  niva                 TEXT NOT NULL CHECK (niva IN ('individ', 'grupp', 'larare', 'organisation')),
  elev_id              INTEGER REFERENCES elev(id),
  grupp_id             INTEGER REFERENCES grupp(id),
  larare_id            INTEGER REFERENCES personal(id),
  amne_id              INTEGER REFERENCES amne(id),
  beskrivning          TEXT NOT NULL CHECK (length(trim(beskrivning)) > 0),
  typ                  TEXT NOT NULL CHECK (typ IN ('extra_anpassning', 'sarskilt_stod', 'forandrad_undervisning',
                         'handledning', 'annan')),
  forvantad_effekt     TEXT NOT NULL DEFAULT '',
  genomfors_av_id      INTEGER REFERENCES personal(id),
  aterkopplar_id       INTEGER REFERENCES personal(id),
  startdatum           TEXT NOT NULL,
  slutdatum            TEXT,
  status               TEXT NOT NULL DEFAULT 'aktiv' CHECK (status IN ('aktiv', 'avslutad', 'borttagen', 'ersatt')),
  beslutad_vid_mote_id INTEGER REFERENCES mote(id),
  -- The chain: a changed or intensified insats is a new row pointing at the one it replaces.
  ersatter_insats_id   INTEGER UNIQUE REFERENCES insats(id),
  skapad               TEXT NOT NULL,
  CHECK ((niva = 'individ') = (elev_id IS NOT NULL)),
  CHECK (niva <> 'grupp' OR grupp_id IS NOT NULL),
  CHECK (niva <> 'larare' OR larare_id IS NOT NULL)
);
CREATE INDEX insats_elev ON insats(elev_id);
CREATE INDEX insats_status ON insats(status);
CREATE INDEX insats_grupp ON insats(grupp_id);

CREATE TABLE effektbedomning (
  id             INTEGER PRIMARY KEY,
  insats_id      INTEGER NOT NULL REFERENCES insats(id),
  mote_id        INTEGER NOT NULL REFERENCES mote(id),
  datum          TEXT NOT NULL,
  bedomning      TEXT NOT NULL CHECK (bedomning IN ('tydlig_effekt', 'viss_effekt', 'ingen_effekt',
                   'negativ_utveckling', 'kan_ej_bedomas')),
  malet_natt     INTEGER NOT NULL DEFAULT 0 CHECK (malet_natt IN (0, 1)),
  underlag       TEXT NOT NULL DEFAULT '',
  resultatforandring TEXT,
  rekommendation TEXT NOT NULL CHECK (rekommendation IN ('intensifiera', 'forandra', 'ta_bort', 'avsluta',
                   'komplettera_underlag')),
  beslut         TEXT NOT NULL CHECK (beslut IN ('intensifiera', 'forandra', 'ta_bort', 'avsluta',
                   'komplettera_underlag')),
  -- A decision other than the recommendation must be motivated; the motivation is kept.
  motivering     TEXT CHECK (beslut = rekommendation OR length(trim(coalesce(motivering, ''))) > 0),
  skapad         TEXT NOT NULL,
  UNIQUE (insats_id, mote_id)
);
CREATE INDEX effektbedomning_mote ON effektbedomning(mote_id);

CREATE TABLE utredning (
  id                   INTEGER PRIMARY KEY,
  elev_id              INTEGER NOT NULL REFERENCES elev(id),
  beslutad_vid_mote_id INTEGER REFERENCES mote(id),
  ansvarig_id          INTEGER NOT NULL REFERENCES personal(id),
  startdatum           TEXT NOT NULL,
  deadline             TEXT NOT NULL,
  status               TEXT NOT NULL DEFAULT 'pagar' CHECK (status IN ('pagar', 'avslutad')),
  utfall               TEXT CHECK (utfall IN ('atgardsprogram', 'inget_atgardsprogram')),
  avslutad_datum       TEXT,
  CHECK ((status = 'avslutad') = (utfall IS NOT NULL))
);
CREATE INDEX utredning_elev ON utredning(elev_id);

-- The explicit decision the EHT-möte takes for a pupil the utredning rule lists: inled (→ utredning) or inte nu.
CREATE TABLE utredningsbeslut (
  id           INTEGER PRIMARY KEY,
  mote_id      INTEGER NOT NULL REFERENCES mote(id),
  elev_id      INTEGER NOT NULL REFERENCES elev(id),
  beslut       TEXT NOT NULL CHECK (beslut IN ('inled', 'inte_nu')),
  motivering   TEXT,
  utredning_id INTEGER REFERENCES utredning(id),
  skapad       TEXT NOT NULL,
  UNIQUE (mote_id, elev_id),
  CHECK (beslut <> 'inte_nu' OR length(trim(coalesce(motivering, ''))) > 0),
  CHECK (beslut <> 'inled' OR utredning_id IS NOT NULL)
);
