-- Results imported from the school platform: pupil × subject × assessment occasion (bedömningstillfälle).

CREATE TABLE bedomningstillfalle (
  id       INTEGER PRIMARY KEY,
  lasar_id INTEGER NOT NULL REFERENCES lasar(id),
  varv_id  INTEGER REFERENCES varv(id),
  namn     TEXT NOT NULL,
  datum    TEXT NOT NULL,
  UNIQUE (lasar_id, namn)
);

CREATE TABLE betygskriterium (
  id      INTEGER PRIMARY KEY,
  amne_id INTEGER NOT NULL REFERENCES amne(id),
  kod     TEXT NOT NULL,
  text    TEXT NOT NULL,
  UNIQUE (amne_id, kod)
);

CREATE TABLE resultat (
  id           INTEGER PRIMARY KEY,
  elev_id      INTEGER NOT NULL REFERENCES elev(id),
  amne_id      INTEGER NOT NULL REFERENCES amne(id),
  tillfalle_id INTEGER NOT NULL REFERENCES bedomningstillfalle(id),
  grupp_id     INTEGER REFERENCES grupp(id),
  -- Grades A–F or '-' from åk 6; the early-years scale ej_natt / pa_vag / natt before that.
  niva         TEXT NOT NULL CHECK (niva IN ('A', 'B', 'C', 'D', 'E', 'F', '-', 'ej_natt', 'pa_vag', 'natt')),
  UNIQUE (tillfalle_id, elev_id, amne_id)
);
CREATE INDEX resultat_elev ON resultat(elev_id, amne_id);
CREATE INDEX resultat_grupp ON resultat(tillfalle_id, grupp_id, amne_id);

CREATE TABLE resultat_kriterium (
  resultat_id  INTEGER NOT NULL REFERENCES resultat(id) ON DELETE CASCADE,
  kriterium_id INTEGER NOT NULL REFERENCES betygskriterium(id),
  PRIMARY KEY (resultat_id, kriterium_id)
) WITHOUT ROWID;
CREATE INDEX resultat_kriterium_kriterium ON resultat_kriterium(kriterium_id);
