-- Runs keyed by (source, native_id): re-importing replaces a run in place and keeps its id.
-- Columns hold what the runs list shows and sorts on; the other facets are one JSON document (facets).
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    format      TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    native_id   TEXT    NOT NULL,
    unit        TEXT    NOT NULL,
    name        TEXT,
    experiment  TEXT,
    status      TEXT    NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    truncated   INTEGER NOT NULL DEFAULT 0,
    start_time  INTEGER,
    end_time    INTEGER,
    user_name   TEXT,
    param_count INTEGER NOT NULL,
    twin_key    TEXT,
    facets      TEXT    NOT NULL,
    UNIQUE (source, native_id)
);
CREATE INDEX runs_unit ON runs (unit);
CREATE INDEX runs_native_id ON runs (native_id);
CREATE INDEX runs_name ON runs (name);
CREATE INDEX runs_twin_key ON runs (twin_key);

-- One row per metric series; the points are one BLOB (layout in SeriesCodec).
CREATE TABLE metrics (
    run_id     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    key        TEXT    NOT NULL,
    points     INTEGER NOT NULL,
    last_value REAL,
    data       BLOB    NOT NULL,
    PRIMARY KEY (run_id, key)
);

-- What each import unit (a run folder, a database file) looked like when last read.
CREATE TABLE units (
    path        TEXT PRIMARY KEY,
    format      TEXT NOT NULL,
    fingerprint TEXT NOT NULL
);
