-- The domain rules against Skolverket and the law (issue 15).
--
-- (1) Moderna språk: Skolverket's betygskatalog says M1 = moderna språk som elevens val, M2 = moderna språk som
-- språkval; Varvet had the names the wrong way round. The codes stored are those of the school platform's files (and
-- of Skolverket), so the codes stay and the names Varvet wrote are corrected: the subject list's own names and the
-- "<ämne> – <språk>" names the import and the register made. A name the school wrote itself is left as it is.
UPDATE amne SET namn = CASE
    WHEN namn = 'Moderna språk, språkval' THEN 'Moderna språk, elevens val'
    ELSE 'Moderna språk, elevens val' || substr(namn, length('Moderna språk, språkval') + 1)
  END
  WHERE kod = 'M1' AND (namn = 'Moderna språk, språkval' OR namn LIKE 'Moderna språk, språkval – %');
UPDATE amne SET namn = CASE
    WHEN namn = 'Moderna språk, elevens val' THEN 'Moderna språk, språkval'
    ELSE 'Moderna språk, språkval' || substr(namn, length('Moderna språk, elevens val') + 1)
  END
  WHERE kod = 'M2' AND (namn = 'Moderna språk, elevens val' OR namn LIKE 'Moderna språk, elevens val – %');

-- (2) Teckenspråk för hörande (TN) is a grundskola subject: a school created before has it in its list too.
INSERT INTO amne (kod, namn, sprak)
  SELECT 'TN', 'Teckenspråk för hörande', '' WHERE EXISTS (SELECT 1 FROM skola)
    AND NOT EXISTS (SELECT 1 FROM amne WHERE kod = 'TN' AND sprak = '');

-- (5) Särskilt stöd is an individual insats (skollagen 3 kap.): refused at grupp, lärare and organisation level.
-- A trigger, not a CHECK, so the insats table and its audit triggers stay as they are. It fires only when niva or typ
-- is written, so an older row that breaks the rule can still be closed or replaced.
CREATE TRIGGER insats_sarskilt_stod_individ_i BEFORE INSERT ON insats
  WHEN NEW.typ = 'sarskilt_stod' AND NEW.niva <> 'individ' BEGIN
  SELECT RAISE(ABORT, 'Särskilt stöd ges till en enskild elev: välj nivån individ.');
END;
CREATE TRIGGER insats_sarskilt_stod_individ_u BEFORE UPDATE OF niva, typ ON insats
  WHEN NEW.typ = 'sarskilt_stod' AND NEW.niva <> 'individ' BEGIN
  SELECT RAISE(ABORT, 'Särskilt stöd ges till en enskild elev: välj nivån individ.');
END;

-- (7) Grades are given from åk 6, or from åk 4 or 5 when the rektor decides (prop. 2020/21:58), never in åk 1–3: a
-- stored earlier year becomes the earliest allowed, 4, so the settings still parse.
UPDATE skola SET installningar = json_set(installningar, '$.betygFranArskurs', 4)
  WHERE json_type(installningar, '$.betygFranArskurs') = 'integer' AND json_extract(installningar, '$.betygFranArskurs') < 4;
