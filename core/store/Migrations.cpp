#include "core/store/Migrations.h"

#include "core/store/Database.h"

#include <QObject>

namespace hearth {

namespace {

// Version 1: workstation accounts, settings, the hash-chained audit log and the change log.
const char* const kV1 = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
    uuid                 TEXT PRIMARY KEY,
    login                TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name         TEXT NOT NULL,
    role                 INTEGER NOT NULL CHECK (role BETWEEN 1 AND 5),
    active               INTEGER NOT NULL DEFAULT 1,
    removed              INTEGER NOT NULL DEFAULT 0,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    password_changed_at  TEXT NOT NULL,
    public_key           BLOB NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    updated_by           TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_login  TEXT NOT NULL,
    action      TEXT NOT NULL,
    record_type TEXT NOT NULL DEFAULT '',
    record_uuid TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '',
    prev_hash   BLOB NOT NULL,
    hash        BLOB NOT NULL
);
CREATE INDEX audit_log_by_user ON audit_log (user_login, seq);
CREATE INDEX audit_log_by_record ON audit_log (record_uuid, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE change_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    entity      TEXT NOT NULL,
    entity_uuid TEXT NOT NULL,
    operation   TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL,
    fields      TEXT NOT NULL
);
CREATE INDEX change_log_by_entity ON change_log (entity_uuid, seq);

CREATE TABLE change_cursors (
    consumer   TEXT PRIMARY KEY,
    last_seq   INTEGER NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 2: clients (the minimal profile later issues extend) and encrypted form drafts.
const char* const kV2 = R"sql(
CREATE TABLE clients (
    uuid        TEXT PRIMARY KEY,
    first_name  TEXT NOT NULL DEFAULT '',
    last_name   TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX clients_by_name ON clients (last_name, first_name);

CREATE TABLE drafts (
    user_uuid TEXT NOT NULL,
    form      TEXT NOT NULL,
    content   TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    PRIMARY KEY (user_uuid, form)
) WITHOUT ROWID;
)sql";

// Version 3: intake. Each row keeps its whole record as JSON in `data` (inside the encrypted file);
// the other columns are copies that indexes and constraints need.
const char* const kV3 = R"sql(
ALTER TABLE clients ADD COLUMN case_number TEXT;
ALTER TABLE clients ADD COLUMN data TEXT NOT NULL DEFAULT '{}';
UPDATE clients SET case_number = upper(substr(uuid, 1, 8)) WHERE case_number IS NULL;
UPDATE clients SET data = json_object('PersonalID', uuid, 'CaseNumber', case_number, 'FirstName', first_name,
    'LastName', last_name, 'DateCreated', created_at, 'DateUpdated', updated_at, 'UserID', updated_by)
    WHERE deleted = 0;
CREATE UNIQUE INDEX clients_by_case_number ON clients (case_number);

CREATE TABLE projects (
    uuid         TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    project_type INTEGER NOT NULL,
    data         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    archived     INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE enrollments (
    uuid          TEXT PRIMARY KEY,
    client_uuid   TEXT NOT NULL REFERENCES clients (uuid),
    project_uuid  TEXT NOT NULL REFERENCES projects (uuid),
    household_id  TEXT NOT NULL,
    relationship  INTEGER NOT NULL,
    entry_date    TEXT NOT NULL,
    exit_date     TEXT,
    data          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0,
    CHECK (exit_date IS NULL OR exit_date >= entry_date)
) WITHOUT ROWID;
CREATE INDEX enrollments_by_client ON enrollments (client_uuid, entry_date);
CREATE INDEX enrollments_by_household ON enrollments (household_id);
CREATE INDEX enrollments_by_project ON enrollments (project_uuid, exit_date);

CREATE TABLE services (
    uuid            TEXT PRIMARY KEY,
    enrollment_uuid TEXT NOT NULL REFERENCES enrollments (uuid),
    client_uuid     TEXT NOT NULL REFERENCES clients (uuid),
    date_provided   TEXT NOT NULL,
    record_type     INTEGER NOT NULL,
    data            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX services_by_enrollment ON services (enrollment_uuid, date_provided);
-- HUD 4.14: at most one bed night per enrollment per night.
CREATE UNIQUE INDEX services_one_bed_night ON services (enrollment_uuid, date_provided)
    WHERE record_type = 200 AND deleted = 0;
)sql";

// Version 4: consent. Releases keep their JSON in `data`; signatures and scanned forms sit in their own
// table so lists never load them (all inside the encrypted file). Restriction requests wait for the sync
// module; concurrent No Sharing alerts wait for an administrator.
const char* const kV4 = R"sql(
CREATE TABLE consents (
    uuid        TEXT PRIMARY KEY,
    client_uuid TEXT NOT NULL REFERENCES clients (uuid),
    kind        TEXT NOT NULL CHECK (kind IN ('hmis', 'ces')),
    data        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    expires_on  TEXT
) WITHOUT ROWID;
CREATE INDEX consents_by_client ON consents (client_uuid, recorded_at);
CREATE INDEX consents_by_expiry ON consents (kind, expires_on);

CREATE TABLE consent_attachments (
    release_uuid TEXT PRIMARY KEY REFERENCES consents (uuid),
    signature    BLOB,
    scanned_form BLOB,
    form_type    TEXT NOT NULL DEFAULT '',
    form_name    TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE restriction_requests (
    uuid         TEXT PRIMARY KEY,
    client_uuid  TEXT NOT NULL REFERENCES clients (uuid),
    requested_at TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    reason       TEXT NOT NULL,
    delivered_at TEXT
) WITHOUT ROWID;
CREATE INDEX restriction_requests_pending ON restriction_requests (delivered_at, requested_at);

CREATE TABLE consent_alerts (
    uuid            TEXT PRIMARY KEY,
    project_uuid    TEXT NOT NULL REFERENCES projects (uuid),
    day             TEXT NOT NULL,
    count           INTEGER NOT NULL,
    "limit"         INTEGER NOT NULL,
    raised_at       TEXT NOT NULL,
    raised_by       TEXT NOT NULL,
    acknowledged_at TEXT,
    acknowledged_by TEXT
) WITHOUT ROWID;
CREATE INDEX consent_alerts_open ON consent_alerts (project_uuid, acknowledged_at);
)sql";

// Version 5: workstation compliance. A run keeps its whole record, signature included, as JSON in `data`
// (inside the encrypted file); findings keep theirs too, with the columns the open-findings list needs.
const char* const kV5 = R"sql(
CREATE TABLE compliance_runs (
    uuid            TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('self-audit', 'lead-visit')),
    started_at      TEXT NOT NULL,
    completed_at    TEXT NOT NULL,
    officer_login   TEXT NOT NULL,
    sent_to_lead_at TEXT,
    data            TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX compliance_runs_by_completion ON compliance_runs (completed_at);

CREATE TABLE compliance_findings (
    uuid        TEXT PRIMARY KEY,
    run_uuid    TEXT NOT NULL REFERENCES compliance_runs (uuid),
    item_id     TEXT NOT NULL,
    severity    TEXT NOT NULL,
    opened_on   TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT,
    data        TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX compliance_findings_open ON compliance_findings (due_on) WHERE resolved_at IS NULL;
CREATE INDEX compliance_findings_by_run ON compliance_findings (run_uuid);
)sql";

// Version 6: sync state. This workstation's registration with the central server (its token lives only
// here, inside the encrypted file), the server version of each record it pushed (the next push's
// baseVersion), the outcome of the last sync, and clients whose records wait to be delivered again under
// a wider release. The push cursor is a change_cursors row.
const char* const kV6 = R"sql(
CREATE TABLE sync_registration (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    server_url       TEXT NOT NULL,
    device_id        TEXT NOT NULL,
    token            TEXT NOT NULL,
    token_expires_at TEXT NOT NULL,
    agency           TEXT NOT NULL,
    lease_days       INTEGER NOT NULL,
    registered_at    TEXT NOT NULL,
    registered_by    TEXT NOT NULL,
    pin_sha256       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sync_versions (
    entity_uuid    TEXT PRIMARY KEY,
    entity         TEXT NOT NULL,
    server_version INTEGER NOT NULL,
    server_seq     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sync_status (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    last_success_at TEXT,
    last_contact_at TEXT,
    last_error_at   TEXT,
    last_error_code TEXT NOT NULL DEFAULT '',
    last_error      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sync_redeliveries (
    client_uuid  TEXT PRIMARY KEY,
    release_uuid TEXT NOT NULL,
    queued_at    TEXT NOT NULL
) WITHOUT ROWID;
-- A client's records in the change log (a re-delivery, and whether one is needed).
CREATE INDEX change_log_by_client ON change_log (json_extract(fields, '$.PersonalID'), seq);
)sql";

// Version 7: what the sync engine receives. The pull cursor; open conflicts the server reported (both values,
// inside the encrypted file) and the change-log rows that settle one (the push names the conflict in
// `resolves`); and pulled records that wait for the client or enrollment they belong to (a record can come
// on an earlier page than its parent, which arrives when its own last change does).
const char* const kV7 = R"sql(
CREATE TABLE sync_pull (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    cursor    INTEGER NOT NULL,
    pulled_at TEXT NOT NULL
);

CREATE TABLE sync_conflicts (
    conflict_id  TEXT PRIMARY KEY,
    entity       TEXT NOT NULL,
    entity_uuid  TEXT NOT NULL,
    client_uuid  TEXT NOT NULL DEFAULT '',
    field        TEXT NOT NULL,
    server_value TEXT NOT NULL,
    device_value TEXT NOT NULL,
    reported_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sync_conflicts_by_client ON sync_conflicts (client_uuid);

CREATE TABLE sync_resolutions (
    change_seq  INTEGER PRIMARY KEY,
    conflict_id TEXT NOT NULL
);

CREATE TABLE sync_inbox_waiting (
    entity_uuid TEXT PRIMARY KEY,
    entity      TEXT NOT NULL,
    client_uuid TEXT NOT NULL,
    operation   TEXT NOT NULL,
    version     INTEGER NOT NULL,
    server_seq  INTEGER NOT NULL,
    fields      TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sync_inbox_waiting_by_client ON sync_inbox_waiting (client_uuid);
)sql";

// Records a pulled delete or restriction would have destroyed, but that were entered or edited on this
// workstation: kept, never shared, until an administrator decides (docs/sync.md, "Kept after the server
// removed them").
const char* const kV8 = R"sql(
CREATE TABLE sync_held_back (
    entity_uuid TEXT PRIMARY KEY,
    entity      TEXT NOT NULL,
    client_uuid TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('restricted', 'deleted')),
    held_at     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sync_held_back_by_client ON sync_held_back (client_uuid);
)sql";

// Who made each side of a conflict, as the server's list says (JSON: {"server":{…},"device":{…}}).
const char* const kV9 = R"sql(
ALTER TABLE sync_conflicts ADD COLUMN sides TEXT NOT NULL DEFAULT '';
)sql";

} // namespace

const std::vector<Migration>& allMigrations()
{
    static const std::vector<Migration> migrations = {
        {1, QStringLiteral("accounts, settings, audit log, change log"), QString::fromUtf8(kV1)},
        {2, QStringLiteral("clients and drafts"), QString::fromUtf8(kV2)},
        {3, QStringLiteral("intake: client profiles, projects, enrollments, services"), QString::fromUtf8(kV3)},
        {4, QStringLiteral("consent: releases, attachments, restriction requests, alerts"), QString::fromUtf8(kV4)},
        {5, QStringLiteral("compliance: checklist runs and findings"), QString::fromUtf8(kV5)},
        {6, QStringLiteral("sync: registration, server versions, status, re-deliveries"), QString::fromUtf8(kV6)},
        {7, QStringLiteral("sync: pull cursor, conflicts, resolutions, waiting records"), QString::fromUtf8(kV7)},
        {8, QStringLiteral("sync: local records kept after the server removed them"), QString::fromUtf8(kV8)},
        {9, QStringLiteral("sync: who made each side of a conflict"), QString::fromUtf8(kV9)},
    };
    return migrations;
}

int latestSchemaVersion()
{
    return allMigrations().back().version;
}

Status migrate(Database& db, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestSchemaVersion();
    const int current = db.userVersion();
    if (current < 0)
        return makeError(ErrorCode::StoreCorrupt, QObject::tr("The database version cannot be read."));
    if (current > latestSchemaVersion())
        return makeError(ErrorCode::StoreCorrupt,
                         QObject::tr("This database was written by a newer version of Hearth (schema %1). "
                                     "Install the newer version; this one will not change the file.")
                             .arg(current));
    for (const Migration& m : allMigrations()) {
        if (m.version <= current || m.version > targetVersion)
            continue;
        if (auto st = db.begin(); !st)
            return st;
        Status st = db.exec(m.sql);
        if (st)
            st = db.setUserVersion(m.version);
        if (st)
            st = db.commit();
        if (!st) {
            db.rollback();
            return st;
        }
    }
    return {};
}

} // namespace hearth
