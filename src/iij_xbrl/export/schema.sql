-- One schema for SQLite and PostgreSQL (schema version 2; migrations in migrate.py).
--
-- Numbers are NUMERIC on both engines. PostgreSQL keeps the exact decimal; on SQLite, NUMERIC affinity
-- stores an integral value as a 64-bit INTEGER (exact: every yen amount) and any other as the nearest REAL
-- (0.083, 49.51), so comparisons, ORDER BY, MIN/MAX/SUM are numeric on both. The exact decimal is always in
-- the TEXT column beside it (`value_text`: '51109001000', '49.51', '0.083'). Dates are ISO text on SQLite.
-- On PostgreSQL every object lives in one schema of ours (default iij). Statements are separated by a line
-- holding only ";".

CREATE TABLE meta (                       -- schema_version, and this database's objects (object:<name> = kind)
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
)
;
CREATE TABLE loads (                      -- one row per `export`: history and lineage
  id                 INTEGER PRIMARY KEY, -- 1, 2, …
  loaded_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,  -- UTC
  tool_version       TEXT NOT NULL,       -- iij-xbrl version that loaded it
  publication_sha256 TEXT NOT NULL,       -- sha256 of the loaded out/manifest.json (which hashes every file)
  sources_sha256     TEXT NOT NULL,       -- of sources/ and taxonomy/src/ the publication was built from
  prints_added       INTEGER NOT NULL,
  prints_changed     INTEGER NOT NULL,
  prints_removed     INTEGER NOT NULL
)
;
CREATE TABLE entity (
  scheme     TEXT NOT NULL,               -- identifier scheme URI
  identifier TEXT NOT NULL,               -- e.g. 37740
  name       TEXT NOT NULL,
  prefix     TEXT NOT NULL,               -- xBRL-JSON writes the entity as prefix:identifier
  PRIMARY KEY (scheme, identifier)
)
;
CREATE TABLE stock_splits (
  effective DATE PRIMARY KEY,             -- first day on the new basis
  ratio     NUMERIC NOT NULL,            -- new shares per old share (200)
  document  TEXT NOT NULL,                -- where a document states it
  line      INTEGER NOT NULL
)
;
CREATE TABLE concepts (
  name        TEXT PRIMARY KEY,           -- local name in the iij namespace
  label_en    TEXT NOT NULL,              -- standard label
  label_ja    TEXT NOT NULL,
  data_type   TEXT NOT NULL,              -- monetary | shares | perShare | percent | integer | decimal | string
  period_type TEXT NOT NULL CHECK (period_type IN ('duration', 'instant')),
  balance     TEXT CHECK (balance IN ('debit', 'credit')),
  abstract    INTEGER NOT NULL CHECK (abstract IN (0, 1)),
  usgaap      TEXT                        -- matching us-gaap local name, if any
)
;
CREATE TABLE concept_labels (             -- every label role, the standard one included
  concept  TEXT NOT NULL REFERENCES concepts (name),
  role     TEXT NOT NULL,                 -- label | total | terse | negated | verbose | periodStart | periodEnd
  label_en TEXT NOT NULL,
  label_ja TEXT NOT NULL,
  PRIMARY KEY (concept, role)
)
;
CREATE TABLE roles (                      -- extended link roles: statements and tables, in taxonomy order
  elr        TEXT PRIMARY KEY,            -- role URI
  id         TEXT NOT NULL,               -- e.g. IncomeStatement
  definition TEXT NOT NULL,
  position   INTEGER NOT NULL
)
;
CREATE TABLE presentation_relationships ( -- every node of every presentation tree, in reading order
  elr             TEXT NOT NULL REFERENCES roles (elr),
  position        INTEGER NOT NULL,       -- 1, 2, … in reading (pre-)order within the role
  parent_concept  TEXT REFERENCES concepts (name),  -- NULL for a root
  concept         TEXT NOT NULL REFERENCES concepts (name),
  arc_order       INTEGER NOT NULL,       -- among its siblings, 1-based
  depth           INTEGER NOT NULL,       -- 0 for a root
  preferred_label TEXT,                   -- label role to show (total, periodStart, …); NULL = label
  PRIMARY KEY (elr, position)
)
;
CREATE TABLE calculation_relationships (
  elr          TEXT NOT NULL,             -- extended link role URI
  from_concept TEXT NOT NULL REFERENCES concepts (name),
  to_concept   TEXT NOT NULL REFERENCES concepts (name),
  weight       NUMERIC NOT NULL,
  arc_order    NUMERIC NOT NULL,
  PRIMARY KEY (elr, from_concept, to_concept)
)
;
CREATE TABLE axes (
  name           TEXT PRIMARY KEY,        -- SegmentAxis | ScenarioAxis
  label_en       TEXT NOT NULL,
  label_ja       TEXT NOT NULL,
  default_member TEXT NOT NULL,           -- what a fact without this axis means (Consolidated, Actual)
  position       INTEGER NOT NULL
)
;
CREATE TABLE members (
  name       TEXT PRIMARY KEY,
  axis       TEXT NOT NULL REFERENCES axes (name),
  label_en   TEXT NOT NULL,
  label_ja   TEXT NOT NULL,
  is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
  position   INTEGER NOT NULL             -- order within the axis, the default first
)
;
CREATE TABLE filings (
  id            TEXT PRIMARY KEY,         -- fy2008h1 | fy2010h1 | fy2012h1 | fy2013q3
  title         TEXT NOT NULL,
  period_start  DATE,
  period_end    DATE NOT NULL,
  fiscal_year   INTEGER,                  -- of the reporting period
  fiscal_period TEXT,
  released      DATE NOT NULL             -- when its results were announced; "later filing" = released later
)
;
CREATE TABLE documents (
  name     TEXT PRIMARY KEY,              -- source file name, e.g. 001_5ab34944f22f6fd1.txt
  filing   TEXT NOT NULL REFERENCES filings (id),
  position INTEGER NOT NULL,              -- order within the filing
  title    TEXT NOT NULL,
  kind     TEXT NOT NULL,                 -- presentation | press-release
  released DATE NOT NULL
)
;
CREATE TABLE document_lines (             -- the source text, so findings and facts can show their lines
  document TEXT NOT NULL REFERENCES documents (name),
  line     INTEGER NOT NULL,              -- 1-based
  text     TEXT NOT NULL,
  PRIMARY KEY (document, line)
)
;
-- Every print ever loaded, by its stable id; what a print says lives in fact_versions. No foreign keys to the
-- tables above: history outlives a renamed concept or a moved document.
CREATE TABLE prints (
  id            TEXT PRIMARY KEY,         -- print id: p-<document stem>-L<line>-<concept>-<context>_<unit>
  concept       TEXT NOT NULL,
  period_start  DATE,                     -- NULL for an instant
  period_end    DATE NOT NULL,            -- inclusive end date, or the instant
  fiscal_year   INTEGER,                  -- IIJ fiscal year (April..March) of a standard span, e.g. 2012
  fiscal_period TEXT,                     -- 1Q | 2Q | 3Q | 4Q | 1H | 2H | 9M | FY; NULL otherwise / instants
  dimensions    TEXT NOT NULL,            -- 'Axis=Member;…' sorted by axis, '' = consolidated actual
  unit          TEXT,                     -- JPY | JPYPerShare | shares | pure | Gbps; NULL for non-numeric
  document      TEXT NOT NULL,
  line          INTEGER NOT NULL,
  fact_id       TEXT NOT NULL,            -- the instance fact of this figure (id in the XBRL, JSON and CSV reports)
  context_id    TEXT NOT NULL             -- its context id
)
;
CREATE TABLE fact_versions (              -- what a print said, from one load until another changed or dropped it
  print_id        TEXT NOT NULL REFERENCES prints (id),
  valid_from_load INTEGER NOT NULL REFERENCES loads (id),
  valid_to_load   INTEGER REFERENCES loads (id),  -- NULL = still current
  filing          TEXT NOT NULL,
  value           NUMERIC,               -- numeric; NULL = nil
  value_text      TEXT,                   -- the exact decimal
  decimals        INTEGER,                -- NULL = INF (exact)
  printed_text    TEXT NOT NULL,          -- the figure as printed, e.g. '(1,866)' or '51.1'
  in_instance     INTEGER NOT NULL CHECK (in_instance IN (0, 1)),  -- the print the filing's instance holds
  authoritative   INTEGER NOT NULL CHECK (authoritative IN (0, 1)), -- the figure's value to use
  basis           TEXT CHECK (basis IN ('pre-split', 'post-split', 'mixed')),  -- per-share amounts only
  PRIMARY KEY (print_id, valid_from_load)
)
;
CREATE INDEX fact_versions_current ON fact_versions (valid_to_load, print_id)
;
CREATE INDEX prints_by_key ON prints (concept, period_end, period_start, dimensions, unit)
;
CREATE INDEX prints_by_source ON prints (document, line)
;
CREATE TABLE fact_dimensions (            -- a print's dimensions as rows, one per axis
  fact_id TEXT NOT NULL REFERENCES prints (id),   -- the print id
  axis    TEXT NOT NULL,
  member  TEXT NOT NULL,
  PRIMARY KEY (fact_id, axis)
)
;
CREATE TABLE restatement_pairs (          -- a later filing's figure that differs beyond rounding from the
  fact_id          TEXT PRIMARY KEY REFERENCES prints (id),  -- previous filing's (publication.restatements)
  previous_fact_id TEXT NOT NULL REFERENCES prints (id)
)
;
CREATE TABLE findings (
  id           TEXT PRIMARY KEY,          -- stable: a digest of the finding's content
  rule         TEXT NOT NULL,
  severity     TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  message      TEXT NOT NULL,
  filing       TEXT,                      -- filing id, or an instance path for foreign reports
  period       TEXT,                      -- as reported: '2012-04-01..2012-09-30' or '2012-09-30'
  period_start DATE,                      -- parsed from period; NULL for an instant or no period
  period_end   DATE,
  text         TEXT NOT NULL DEFAULT ''   -- the finding in words: labels, periods and amounts as printed, lines
)
;
CREATE TABLE finding_concepts (
  finding_id TEXT NOT NULL REFERENCES findings (id),
  position   INTEGER NOT NULL,            -- 0 = the total / the first concept named
  concept    TEXT NOT NULL,               -- as the validator names it (may carry a prefix)
  PRIMARY KEY (finding_id, position)
)
;
CREATE TABLE finding_values (
  finding_id TEXT NOT NULL REFERENCES findings (id),
  name       TEXT NOT NULL,               -- reported | computed | …
  value      TEXT NOT NULL,               -- as the validator wrote it (may be an interval)
  PRIMARY KEY (finding_id, name)
)
;
CREATE TABLE finding_sources (
  finding_id TEXT NOT NULL REFERENCES findings (id),
  position   INTEGER NOT NULL,
  document   TEXT NOT NULL,               -- source file name (or instance path)
  line       INTEGER,
  PRIMARY KEY (finding_id, position)
)
;
CREATE TABLE finding_facts (              -- the facts a finding concerns, the accused first
  finding_id TEXT NOT NULL REFERENCES findings (id),
  position   INTEGER NOT NULL,
  ref        TEXT NOT NULL,               -- as the finding names it: an instance fact id or a print id
  print_id   TEXT REFERENCES prints (id), -- the print it names (a fact id: the print its filing's instance holds)
  PRIMARY KEY (finding_id, position)
)
;
-- Every print as it is now (the current version).
CREATE VIEW facts AS
SELECT p.id, v.filing, p.concept, p.period_start, p.period_end, p.fiscal_year, p.fiscal_period, p.dimensions,
       p.unit, v.value, v.value_text, v.decimals, p.document, p.line, v.printed_text, v.in_instance,
       v.authoritative, v.basis, p.fact_id, p.context_id, v.valid_from_load AS load_id
FROM prints p JOIN fact_versions v ON v.print_id = p.id AND v.valid_to_load IS NULL
;
-- Every print as it was at each load: filter with valid_from_load <= N AND (valid_to_load IS NULL OR
-- valid_to_load > N) for "as loaded at load N".
CREATE VIEW fact_history AS
SELECT p.id, v.filing, p.concept, p.period_start, p.period_end, p.fiscal_year, p.fiscal_period, p.dimensions,
       p.unit, v.value, v.value_text, v.decimals, p.document, p.line, v.printed_text, v.in_instance,
       v.authoritative, v.basis, p.fact_id, p.context_id, v.valid_from_load, v.valid_to_load
FROM prints p JOIN fact_versions v ON v.print_id = p.id
;
-- What each load changed: per print added, changed (the version it closed next to the one it opened) or removed.
CREATE VIEW fact_changes AS
SELECT n.print_id AS id, n.valid_from_load AS load_id,
       CASE WHEN o.print_id IS NULL THEN 'added' ELSE 'changed' END AS change,
       o.value AS old_value, o.value_text AS old_value_text, o.printed_text AS old_printed_text,
       n.value AS new_value, n.value_text AS new_value_text, n.printed_text AS new_printed_text
FROM fact_versions n
LEFT JOIN fact_versions o ON o.print_id = n.print_id AND o.valid_to_load = n.valid_from_load
UNION ALL
SELECT o.print_id, o.valid_to_load, 'removed', o.value, o.value_text, o.printed_text, NULL, NULL, NULL
FROM fact_versions o
WHERE o.valid_to_load IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM fact_versions n WHERE n.print_id = o.print_id AND n.valid_from_load = o.valid_to_load)
;
-- One value per figure and filing: what the filing's instance holds (its most precise print).
CREATE VIEW filing_facts AS
SELECT f.id, f.filing, fl.released AS filing_released, f.concept, f.period_start, f.period_end,
       f.fiscal_year, f.fiscal_period, f.dimensions, f.unit, f.value, f.value_text, f.decimals, f.document,
       f.line, f.printed_text, f.basis, f.fact_id, f.context_id
FROM facts f JOIN filings fl ON fl.id = f.filing
WHERE f.in_instance = 1
;
-- The value to use per figure (concept, period, dimensions, unit): the latest filing's where it restates the
-- figure beyond rounding, otherwise the most precise print (publication.authoritative).
CREATE VIEW authoritative_facts AS
SELECT id, filing, concept, period_start, period_end, fiscal_year, fiscal_period, dimensions, unit,
       value, value_text, decimals, document, line, printed_text, basis, fact_id, context_id
FROM facts
WHERE authoritative = 1
;
-- Restated figures: the previous filing's value and source next to the restating one's.
-- Precision differences (51.1 bn -> 51,109 m) are not restatements; filing_facts has every filing's value.
CREATE VIEW restatements AS
SELECT f.concept, f.period_start, f.period_end, f.fiscal_year, f.fiscal_period, f.dimensions, f.unit,
       p.filing AS previous_filing, p.value AS previous_value, p.value_text AS previous_value_text,
       p.decimals AS previous_decimals, p.document AS previous_document, p.line AS previous_line,
       p.printed_text AS previous_text,
       f.filing, f.value, f.value_text, f.decimals, f.document, f.line, f.printed_text
FROM restatement_pairs r
JOIN facts f ON f.id = r.fact_id
JOIN facts p ON p.id = r.previous_fact_id
