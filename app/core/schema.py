"""The workspace schema as an ordered list of migrations.

``PRAGMA user_version`` holds how many migrations a workspace has had. Append new migrations at
the end; never edit one that has shipped. Each runs inside the transaction that opens the file.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: executescript() would COMMIT the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement[:80]!r}")


@migration
def m001_initial(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

        -- One row per imported source (a channel export). Re-imports of a newer export of the
        -- same source update it; each run of the importer is a row of imports.
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('contacts', 'events')),
            channel TEXT NOT NULL,
            format TEXT NOT NULL,            -- format id ('shopify_customers', …) or 'auto'
            file_name TEXT,
            sha256 TEXT,
            key_column TEXT,                 -- column giving source_record_id / event external_id
            mapping TEXT NOT NULL DEFAULT '{}',   -- JSON {field: column}
            options TEXT NOT NULL DEFAULT '{}',   -- JSON: ref source, phone region, date order…
            counts TEXT NOT NULL DEFAULT '{}',    -- JSON counts of the last import
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            file_name TEXT NOT NULL,
            file_path TEXT,
            sha256 TEXT NOT NULL,
            size INTEGER,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            format TEXT, kind TEXT, channel TEXT,
            encoding TEXT, delimiter TEXT,
            mapping TEXT NOT NULL DEFAULT '{}',     -- JSON {field: column}
            confidence TEXT NOT NULL DEFAULT '{}',  -- JSON {field: 0..1}
            counts TEXT NOT NULL DEFAULT '{}',      -- JSON {read, imported, updated, unchanged, rejected, events, anonymous, suppressed}
            rejects_path TEXT,
            source_before TEXT,              -- JSON of the sources row before this import (undo restores it)
            status TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'undone'))
        );
        CREATE INDEX imports_source ON imports(source_id);

        -- One row per person-row of a source: contact rows, and identities found on event rows
        -- (guest checkouts, e-receipt emails). raw keeps the row exactly as read.
        CREATE TABLE records (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            source_record_id TEXT NOT NULL,
            import_id INTEGER REFERENCES imports(id),
            origin TEXT NOT NULL DEFAULT 'row' CHECK (origin IN ('row', 'event')),
            line INTEGER,
            raw TEXT NOT NULL,               -- JSON {header: cell} (a list of them for grouped rows)
            fields TEXT NOT NULL DEFAULT '{}',  -- JSON canonical values, display form
            -- normalised values, the match keys (see app.core.normalize)
            n_first TEXT, n_last TEXT, n_full TEXT,
            n_email TEXT, n_email_key TEXT,
            n_phone TEXT, n_mobile TEXT,
            n_birth TEXT, n_gender TEXT,
            n_street TEXT, n_number TEXT, n_postcode TEXT, n_city TEXT, n_province TEXT, n_country TEXT,
            n_cf TEXT, n_national_id TEXT, n_loyalty TEXT, n_customer_id TEXT,
            -- consent as stated by this source: state in CONSENT_STATES, with its time
            email_consent TEXT, email_consent_at TEXT,
            sms_consent TEXT, sms_consent_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (source_id, source_record_id)
        );
        CREATE INDEX records_email ON records(n_email_key);
        CREATE INDEX records_phone ON records(n_phone);
        CREATE INDEX records_mobile ON records(n_mobile);

        -- What a re-import changed in a record, so that it can be audited and undone.
        CREATE TABLE record_changes (
            id INTEGER PRIMARY KEY,
            record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
            import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
            before TEXT NOT NULL,            -- JSON of the whole row before the update
            changes TEXT NOT NULL            -- JSON {field: [old, new]}
        );
        CREATE INDEX record_changes_import ON record_changes(import_id);

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            import_id INTEGER REFERENCES imports(id),
            external_id TEXT NOT NULL,       -- order / receipt / lead id, or a hash of the row
            line INTEGER,
            occurred_at TEXT NOT NULL,       -- ISO 8601 as read (offset kept when given)
            ts INTEGER NOT NULL,             -- seconds since epoch (UTC) for ordering and windows
            channel TEXT NOT NULL,
            type TEXT NOT NULL,
            amount REAL, currency TEXT, quantity REAL,
            store TEXT, campaign TEXT,
            utm_source TEXT, utm_medium TEXT, utm_campaign TEXT,
            record_id INTEGER REFERENCES records(id) ON DELETE SET NULL,  -- NULL: anonymous
            person_ref TEXT,                 -- the value that pointed at the person, as read
            details TEXT NOT NULL DEFAULT '{}',   -- JSON of other canonical values
            raw TEXT NOT NULL,
            UNIQUE (source_id, external_id)
        );
        CREATE INDEX events_record ON events(record_id, ts);
        CREATE INDEX events_ts ON events(ts);

        CREATE TABLE rejects (
            id INTEGER PRIMARY KEY,
            import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
            line INTEGER, column_name TEXT, reason TEXT NOT NULL, raw TEXT,
            reason_message TEXT              -- the reason as JSON of app.core.messages.dump (the GUI translates it)
        );
        CREATE INDEX rejects_import ON rejects(import_id);

        -- Scored candidate pairs from the last match (a < b).
        CREATE TABLE pairs (
            id INTEGER PRIMARY KEY,
            a INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
            b INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
            probability REAL NOT NULL,
            match_weight REAL NOT NULL,      -- log2 Bayes factor
            evidence TEXT NOT NULL,          -- JSON [{field, level, label, weight}]
            band TEXT NOT NULL CHECK (band IN ('auto', 'review', 'low')),
            priority REAL,                   -- review order (higher first)
            UNIQUE (a, b)
        );
        CREATE INDEX pairs_band ON pairs(band, priority);
        CREATE INDEX pairs_b ON pairs(b);

        CREATE TABLE profiles (
            id INTEGER PRIMARY KEY,          -- stable: kept while the profile keeps most of its records
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            display_name TEXT, email TEXT, phone TEXT, city TEXT,
            sources TEXT,                    -- comma-separated source names
            n_records INTEGER NOT NULL DEFAULT 0,
            first_activity TEXT, last_activity TEXT,
            golden TEXT NOT NULL DEFAULT '{}'     -- JSON golden record with provenance
        );
        CREATE INDEX profiles_name ON profiles(display_name);

        CREATE TABLE memberships (
            record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
            profile_id INTEGER NOT NULL REFERENCES profiles(id)
        );
        CREATE INDEX memberships_profile ON memberships(profile_id);

        -- Append-only log of identity decisions; undo marks, never deletes.
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            kind TEXT NOT NULL,              -- auto_merge, accept, reject, merge, unmerge, forget
            actor TEXT NOT NULL,             -- 'auto' or the steward's name
            a_ref TEXT, b_ref TEXT,          -- 'source:source_record_id' (survive re-imports)
            reason TEXT,
            evidence TEXT,                   -- JSON, as shown at decision time
            probability REAL,
            payload TEXT NOT NULL DEFAULT '{}',  -- JSON what undo/redo needs
            group_id INTEGER,                -- decisions taken together (one match run)
            undone INTEGER NOT NULL DEFAULT 0,
            undone_at TEXT
        );
        CREATE INDEX decisions_refs ON decisions(a_ref, b_ref);
        CREATE INDEX decisions_kind ON decisions(kind, undone);

        -- What one undoable step (a decision, or a match run's group) changed, keyed by its last
        -- decision: {"m": {record_id: profile_id|null}, "p": {profile_id: [created_at, updated_at]|null},
        -- "b": {pair_id: [a, b, band]}}. Undo writes `before` back, redo `after` (app.core.profiles.journal).
        CREATE TABLE decision_changes (
            decision_id INTEGER PRIMARY KEY REFERENCES decisions(id) ON DELETE CASCADE,
            before TEXT NOT NULL,
            after TEXT NOT NULL
        );

        -- Salted hashes of erased people's emails and phones: a re-import must not bring them back.
        CREATE TABLE suppression (
            hash TEXT PRIMARY KEY,
            kind TEXT NOT NULL,              -- email | phone
            created_at TEXT NOT NULL,
            reason TEXT
        );

        -- When the retention policy deleted a record's old events: the time of the latest one and of the
        -- latest purchase among them, so that the person's last activity (the marketing limit counts from
        -- it) and a sale (the soft-spam basis) stay known once the history itself is gone.
        CREATE TABLE purged_activity (
            record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
            last_ts INTEGER NOT NULL,
            last_purchase_ts INTEGER
        );
        """
    )
