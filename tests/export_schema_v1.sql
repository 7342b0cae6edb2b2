-- One schema for SQLite and PostgreSQL.
--
-- {decimal} becomes NUMERIC on PostgreSQL and TEXT on SQLite: SQLite's NUMERIC
-- affinity would turn "49.51" into a binary float, so SQLite keeps the exact
-- decimal as plain text without exponent ("51109001000", "49.51", "-0.083");
-- read it back with decimal.Decimal(text). Every load writes the same canonical
-- text and PostgreSQL receives the same digits, so both hold identical values.
-- Dates are ISO text on SQLite ('2012-09-30' keeps its text under DATE affinity).
-- Statements are separated by a line holding only ";".

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
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
CREATE TABLE filings (
  id           TEXT PRIMARY KEY,          -- fy2008h1 | fy2010h1 | fy2012h1 | fy2013q3
  title        TEXT NOT NULL,
  period_start DATE,
  period_end   DATE NOT NULL              -- "later filing" in authoritative_facts means a later period_end
)
;
CREATE TABLE documents (
  name     TEXT PRIMARY KEY,              -- source file name, e.g. 001_5ab34944f22f6fd1.txt
  filing   TEXT NOT NULL REFERENCES filings (id),
  position INTEGER NOT NULL               -- order within the filing
)
;
CREATE TABLE document_lines (             -- the source text, so findings and facts can show their lines
  document TEXT NOT NULL REFERENCES documents (name),
  line     INTEGER NOT NULL,              -- 1-based
  text     TEXT NOT NULL,
  PRIMARY KEY (document, line)
)
;
CREATE TABLE facts (                      -- every printed figure, before de-duplication
  id           INTEGER PRIMARY KEY,       -- stable: assigned in (filing, document, line, concept, …) order
  filing       TEXT NOT NULL REFERENCES filings (id),
  concept      TEXT NOT NULL REFERENCES concepts (name),
  period_start DATE,                      -- NULL for an instant
  period_end   DATE NOT NULL,             -- inclusive end date, or the instant
  fiscal_year  INTEGER,                   -- IIJ fiscal year (April..March) of a standard span, e.g. 2012
  fiscal_period TEXT,                     -- 1Q | 2Q | 3Q | 4Q | 1H | 2H | 9M | FY; NULL otherwise / instants
  dimensions   TEXT NOT NULL,             -- canonical key 'Axis=Member;…' sorted by axis, '' = consolidated actual
  unit         TEXT,                      -- JPY | JPYPerShare | shares | pure | Gbps; NULL for non-numeric
  value        {decimal},                 -- exact; NULL = nil
  decimals     INTEGER,                   -- NULL = INF (exact)
  document     TEXT NOT NULL REFERENCES documents (name),
  line         INTEGER NOT NULL,
  printed_text TEXT NOT NULL,             -- the figure as printed, e.g. '(1,866)' or '51.1'
  in_instance  INTEGER NOT NULL CHECK (in_instance IN (0, 1))
                                          -- 1: the fact the filing's instance holds for this figure (its most
                                          -- precise source); 0: a duplicate that agrees or conflicts
)
;
CREATE INDEX facts_by_key ON facts (concept, period_end, period_start, dimensions, unit)
;
CREATE INDEX facts_by_source ON facts (document, line)
;
CREATE TABLE fact_dimensions (            -- the same dimensions as rows, one per axis
  fact_id INTEGER NOT NULL REFERENCES facts (id),
  axis    TEXT NOT NULL,                  -- SegmentAxis | ScenarioAxis
  member  TEXT NOT NULL,
  PRIMARY KEY (fact_id, axis)
)
;
CREATE TABLE restatement_pairs (         -- a later filing's figure that differs beyond rounding from the
  fact_id          INTEGER PRIMARY KEY REFERENCES facts (id),  -- previous filing's (sources.dedupe.agree)
  previous_fact_id INTEGER NOT NULL REFERENCES facts (id)
)
;
CREATE TABLE calculation_relationships (
  elr          TEXT NOT NULL,             -- extended link role URI
  from_concept TEXT NOT NULL REFERENCES concepts (name),
  to_concept   TEXT NOT NULL REFERENCES concepts (name),
  weight       {decimal} NOT NULL,
  arc_order    {decimal} NOT NULL,
  PRIMARY KEY (elr, from_concept, to_concept)
)
;
CREATE TABLE findings (
  id           INTEGER PRIMARY KEY,       -- stable: assigned in sorted order of the findings
  rule         TEXT NOT NULL,
  severity     TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  message      TEXT NOT NULL,
  filing       TEXT,                      -- filing id, or an instance path for foreign reports
  period       TEXT,                      -- as reported: '2012-04-01..2012-09-30' or '2012-09-30'
  period_start DATE,                      -- parsed from period; NULL for an instant or no period
  period_end   DATE
)
;
CREATE TABLE finding_concepts (
  finding_id INTEGER NOT NULL REFERENCES findings (id),
  position   INTEGER NOT NULL,            -- 0 = the total / the first concept named
  concept    TEXT NOT NULL,               -- as the validator names it (may carry a prefix)
  PRIMARY KEY (finding_id, position)
)
;
CREATE TABLE finding_values (
  finding_id INTEGER NOT NULL REFERENCES findings (id),
  name       TEXT NOT NULL,               -- reported | computed | …
  value      TEXT NOT NULL,               -- as the validator wrote it (may be an interval)
  PRIMARY KEY (finding_id, name)
)
;
CREATE TABLE finding_sources (
  finding_id INTEGER NOT NULL REFERENCES findings (id),
  position   INTEGER NOT NULL,
  document   TEXT NOT NULL,               -- source file name (or instance path)
  line       INTEGER,
  PRIMARY KEY (finding_id, position)
)
;
-- One value per figure and filing: what the filing's instance holds.
CREATE VIEW filing_facts AS
SELECT f.id, f.filing, fl.period_end AS filing_period_end, f.concept, f.period_start, f.period_end,
       f.fiscal_year, f.fiscal_period, f.dimensions, f.unit, f.value, f.decimals, f.document, f.line,
       f.printed_text
FROM facts f JOIN filings fl ON fl.id = f.filing
WHERE f.in_instance = 1
;
-- The value to use: the latest filing's (by its period end, then id).
CREATE VIEW authoritative_facts AS
SELECT id, filing, concept, period_start, period_end, fiscal_year, fiscal_period, dimensions, unit,
       value, decimals, document, line, printed_text
FROM (
  SELECT ff.*,
         ROW_NUMBER() OVER (
           PARTITION BY ff.concept, ff.period_start, ff.period_end, ff.dimensions, ff.unit
           ORDER BY ff.filing_period_end DESC, ff.filing DESC
         ) AS rank_overall
  FROM filing_facts ff
) ranked
WHERE rank_overall = 1
;
-- Restated figures: the previous filing's value and source next to the restating one's.
-- Precision differences (51.1 bn -> 51,109 m) are not restatements; filing_facts has the full history.
CREATE VIEW restatements AS
SELECT f.concept, f.period_start, f.period_end, f.fiscal_year, f.fiscal_period, f.dimensions, f.unit,
       p.filing AS previous_filing, p.value AS previous_value, p.decimals AS previous_decimals,
       p.document AS previous_document, p.line AS previous_line, p.printed_text AS previous_text,
       f.filing, f.value, f.decimals, f.document, f.line, f.printed_text
FROM restatement_pairs r
JOIN facts f ON f.id = r.fact_id
JOIN facts p ON p.id = r.previous_fact_id
