-- Uppföljning (issue 7): resultatdialoger with teachers (step 5) and their reusable question bank, the
-- skolledning's avstämning after each varv (step 7), school-wide utvecklingsområden with their status over the
-- year, and the year-end (step 8). Discussion answers and Fundera live in diskussionssvar/reflektion (0004).

-- Questions the skolledning prepares once and reuses in every resultatdialog.
CREATE TABLE fragebank (
  id      INTEGER PRIMARY KEY,
  text    TEXT NOT NULL CHECK (length(trim(text)) > 0),
  aktiv   INTEGER NOT NULL DEFAULT 1 CHECK (aktiv IN (0, 1)),
  ordning INTEGER NOT NULL DEFAULT 0,
  skapad  TEXT NOT NULL
);

-- One dialogue per varv and scope: a teacher (larare_id), an ämneslag (amne_id) or an arbetslag (arskurser).
-- omfattning_nyckel ('larare:12', 'amneslag:3', 'arbetslag:7,8,9') finds the same scope's dialogue last varv.
-- The plan fields are the common template: what we see, what the teacher changes, expected effect, follow-up.
CREATE TABLE resultatdialog (
  id                INTEGER PRIMARY KEY,
  varv_id           INTEGER NOT NULL REFERENCES varv(id) ON DELETE CASCADE,
  omfattning        TEXT NOT NULL CHECK (omfattning IN ('larare', 'amneslag', 'arbetslag')),
  larare_id         INTEGER REFERENCES personal(id),
  amne_id           INTEGER REFERENCES amne(id),
  arskurser         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(arskurser)),
  omfattning_nyckel TEXT NOT NULL,
  namn              TEXT NOT NULL CHECK (length(trim(namn)) > 0),
  datum             TEXT NOT NULL,
  status            TEXT NOT NULL DEFAULT 'planerad' CHECK (status IN ('planerad', 'genomford')),
  iakttagelser      TEXT NOT NULL DEFAULT '',
  forandring        TEXT NOT NULL DEFAULT '',
  forvantad_effekt  TEXT NOT NULL DEFAULT '',
  uppfoljning_plan  TEXT NOT NULL DEFAULT '',
  -- "Hur gick det?": the follow-up of the previous varv's plan for the same scope, written in this dialogue.
  foregaende_id     INTEGER REFERENCES resultatdialog(id),
  hur_gick_det      TEXT NOT NULL DEFAULT '',
  foregaende_effekt TEXT CHECK (foregaende_effekt IN ('tydlig_effekt', 'viss_effekt', 'ingen_effekt',
                      'negativ_utveckling', 'kan_ej_bedomas')),
  skapad            TEXT NOT NULL,
  uppdaterad        TEXT NOT NULL,
  UNIQUE (varv_id, omfattning_nyckel),
  CHECK (omfattning <> 'larare' OR larare_id IS NOT NULL),
  CHECK (omfattning <> 'amneslag' OR amne_id IS NOT NULL)
);
CREATE INDEX resultatdialog_nyckel ON resultatdialog(omfattning_nyckel);

-- The questions chosen for a dialogue, in order, with what was said.
CREATE TABLE resultatdialog_fraga (
  resultatdialog_id INTEGER NOT NULL REFERENCES resultatdialog(id) ON DELETE CASCADE,
  fraga_id          INTEGER NOT NULL REFERENCES fragebank(id),
  ordning           INTEGER NOT NULL DEFAULT 0,
  svar              TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (resultatdialog_id, fraga_id)
) WITHOUT ROWID;

CREATE TABLE utvecklingsomrade (
  id           INTEGER PRIMARY KEY,
  titel        TEXT NOT NULL CHECK (length(trim(titel)) > 0),
  beskrivning  TEXT NOT NULL DEFAULT '',
  fran_varv_id INTEGER REFERENCES varv(id),
  status       TEXT NOT NULL DEFAULT 'identifierat' CHECK (status IN ('identifierat', 'pagar', 'genomfort', 'avslutat')),
  skapad       TEXT NOT NULL,
  uppdaterad   TEXT NOT NULL
);

-- Every status change with the varv it was made in, so the year-end and the huvudman see the area's course.
CREATE TABLE utvecklingsomrade_status (
  id                   INTEGER PRIMARY KEY,
  utvecklingsomrade_id INTEGER NOT NULL REFERENCES utvecklingsomrade(id) ON DELETE CASCADE,
  varv_id              INTEGER REFERENCES varv(id),
  status               TEXT NOT NULL CHECK (status IN ('identifierat', 'pagar', 'genomfort', 'avslutat')),
  kommentar            TEXT NOT NULL DEFAULT '',
  datum                TEXT NOT NULL,
  skapad               TEXT NOT NULL
);
CREATE INDEX utvecklingsomrade_status_omrade ON utvecklingsomrade_status(utvecklingsomrade_id);

-- The avstämning after a varv. Årskurser done are derived from held dialogues; arskurser_klara holds the ones the
-- skolledning marked by hand (a dialogue held outside Varvet).
CREATE TABLE avstamning (
  id              INTEGER PRIMARY KEY,
  varv_id         INTEGER NOT NULL UNIQUE REFERENCES varv(id) ON DELETE CASCADE,
  datum           TEXT,
  arskurser_klara TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(arskurser_klara)),
  anteckningar    TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT 'pagar' CHECK (status IN ('pagar', 'klar')),
  uppdaterad      TEXT NOT NULL
);

-- The year-end of one läsår: what still needs changing, and the new plan version checked with EHT and förstelärare.
CREATE TABLE arsavslut (
  id                   INTEGER PRIMARY KEY,
  lasar_id             INTEGER NOT NULL UNIQUE REFERENCES lasar(id),
  behover_goras        TEXT NOT NULL DEFAULT '',
  plan_version_id      INTEGER REFERENCES plan_version(id),
  avstamd_eht          TEXT,
  avstamd_forstelarare TEXT,
  status               TEXT NOT NULL DEFAULT 'pagar' CHECK (status IN ('pagar', 'klar')),
  uppdaterad           TEXT NOT NULL
);

-- A first question bank, kept on what the teacher can change ("Var noga med att behålla fokus på vad läraren kan
-- förändra för att fler elever ska lyckas", seed 001). The skolledning edits, reorders and adds to it.
INSERT INTO fragebank (text, ordning, skapad) VALUES
  ('Vilka betygskriterier har eleverna i gruppen svårast att nå, och vad tror du att det beror på?', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Vad i din undervisning kan du förändra för att fler elever ska nå dem?', 2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Hur gick det med det du planerade att förändra förra varvet? Vad märkte du hos eleverna?', 3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Vilka elever behöver något annat än det gruppen får, och vad?', 4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Hur ska vi nästa varv kunna se om förändringen har haft effekt?', 5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Vilket stöd behöver du från skolledningen, förstelärarna eller elevhälsoteamet?', 6, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
