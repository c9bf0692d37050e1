#include "sync/server/Schema.h"

#include "sync/protocol/ConsentReference.h"
#include "sync/server/FieldValue.h"
#include "sync/server/ServerDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace hearth::server::schema {

// Timestamps are ISO 8601 UTC text (they sort as text). JSON values are text. No backend-specific
// type is needed: sequence numbers come from server_counter (see ServerDatabase::next).
const QStringList& version1()
{
    static const QStringList statements {
        u"CREATE TABLE server_counter (name VARCHAR(32) PRIMARY KEY, value BIGINT NOT NULL)"_qs,
        u"INSERT INTO server_counter (name, value) VALUES ('seq', 0)"_qs,
        u"INSERT INTO server_counter (name, value) VALUES ('audit', 0)"_qs,
        u"CREATE TABLE agencies (code VARCHAR(64) PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL)"_qs,
        u"CREATE TABLE users (login VARCHAR(128) PRIMARY KEY, agency_code VARCHAR(64) NOT NULL "
        "REFERENCES agencies(code), password_hash TEXT NOT NULL, created_at TEXT NOT NULL)"_qs,
        u"CREATE TABLE devices (id VARCHAR(64) PRIMARY KEY, public_id VARCHAR(128) NOT NULL, "
        "user_login VARCHAR(128) NOT NULL REFERENCES users(login), name TEXT NOT NULL, registered_at TEXT NOT NULL, "
        "last_seen_at TEXT, token_hash TEXT NOT NULL, token_expires_at TEXT NOT NULL, revoked_at TEXT, "
        "revoked_reason TEXT)"_qs,
        u"CREATE INDEX devices_public ON devices (public_id, user_login)"_qs,
        // One row per record: its version, the sequence of its last change and who it belongs to.
        u"CREATE TABLE records (entity VARCHAR(32) NOT NULL, uuid VARCHAR(64) NOT NULL, client_uuid VARCHAR(64), "
        "version BIGINT NOT NULL, last_seq BIGINT NOT NULL, operation VARCHAR(16) NOT NULL, "
        "PRIMARY KEY (entity, uuid))"_qs,
        u"CREATE INDEX records_seq ON records (last_seq)"_qs,
        u"CREATE INDEX records_client ON records (client_uuid)"_qs,
        u"CREATE TABLE record_fields (entity VARCHAR(32) NOT NULL, uuid VARCHAR(64) NOT NULL, "
        "field VARCHAR(128) NOT NULL, value TEXT NOT NULL, version BIGINT NOT NULL, "
        "PRIMARY KEY (entity, uuid, field))"_qs,
        u"CREATE TABLE field_history (entity VARCHAR(32) NOT NULL, uuid VARCHAR(64) NOT NULL, "
        "field VARCHAR(128) NOT NULL, version BIGINT NOT NULL, value TEXT NOT NULL, "
        "PRIMARY KEY (entity, uuid, field, version))"_qs,
        // The newest consent reference per client (decides who sees it) and the restriction mark.
        u"CREATE TABLE client_consent (client_uuid VARCHAR(64) PRIMARY KEY, reference TEXT NOT NULL, "
        "restricted_seq BIGINT)"_qs,
        u"CREATE TABLE client_releases (client_uuid VARCHAR(64) NOT NULL, release_id VARCHAR(64) NOT NULL, "
        "first_seen_seq BIGINT NOT NULL, PRIMARY KEY (client_uuid, release_id))"_qs,
        // received_at is the server's clock: device clocks never order or date anything.
        u"CREATE TABLE applied_keys (device_id VARCHAR(64) NOT NULL, change_key VARCHAR(256) NOT NULL, "
        "result TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (device_id, change_key))"_qs,
        u"CREATE TABLE conflicts (id VARCHAR(64) PRIMARY KEY, entity VARCHAR(32) NOT NULL, uuid VARCHAR(64) NOT NULL, "
        "field VARCHAR(128) NOT NULL, server_value TEXT NOT NULL, device_value TEXT NOT NULL, "
        "device_id VARCHAR(64) NOT NULL, created_seq BIGINT NOT NULL, resolved_at TEXT, resolved_by TEXT, "
        "resolution TEXT)"_qs,
        u"CREATE INDEX conflicts_record ON conflicts (entity, uuid)"_qs,
        u"CREATE TABLE restrictions (request_uuid VARCHAR(64) PRIMARY KEY, client_uuid VARCHAR(64) NOT NULL, "
        "reason VARCHAR(16) NOT NULL, requested_at TEXT, received_at TEXT NOT NULL, device_id VARCHAR(64) NOT NULL, "
        "seq BIGINT NOT NULL)"_qs,
        // Who did what, never a client's data: ids, codes and counts only.
        u"CREATE TABLE audit (id BIGINT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, device_id TEXT, "
        "action VARCHAR(64) NOT NULL, detail TEXT NOT NULL)"_qs,
    };
    return statements;
}

const QStringList& version2()
{
    // An agency that could see a client and cannot under a newer release: its pull carries a restrict
    // tombstone at seq. Ids and codes only, like the audit.
    static const QStringList statements {
        u"CREATE TABLE scope_losses (seq BIGINT NOT NULL, client_uuid VARCHAR(64) NOT NULL, "
        "agency_code VARCHAR(64) NOT NULL, PRIMARY KEY (agency_code, seq, client_uuid))"_qs,
    };
    return statements;
}

const QStringList& version3()
{
    static const QStringList statements {
        // The device whose push made the record exactly as stored: its pulls leave the record out, since
        // that device holds it already (a first sync would otherwise download all it just uploaded). A merge,
        // a delete, a restriction or a new release clears it, so every device is sent those.
        u"ALTER TABLE records ADD COLUMN echo_device VARCHAR(64)"_qs,
        // The record's current fields and the versions that set them (field_value.h); record_fields is
        // folded into them by foldRecordFields() and then dropped (version3Cleanup).
        u"ALTER TABLE records ADD COLUMN fields TEXT"_qs,
        u"ALTER TABLE records ADD COLUMN field_versions TEXT"_qs,
    };
    return statements;
}

const QStringList& version4()
{
    static const QStringList statements {
        // Who owns what, as the server stored it (docs/security.md): the agency that entered each record,
        // the agency that brought each client (its releases decide who sees them), and each release as its
        // owner sent it, so another agency can only carry it unchanged.
        u"ALTER TABLE records ADD COLUMN agency_code VARCHAR(64)"_qs,
        u"ALTER TABLE client_consent ADD COLUMN owner_agency VARCHAR(64)"_qs,
        u"ALTER TABLE client_releases ADD COLUMN reference TEXT"_qs,
        // The conflicts list reads the open ones only.
        u"CREATE INDEX conflicts_open ON conflicts (resolved_at, created_seq)"_qs,
        // A login the HMIS Lead disabled: no sign-in, and its devices' tokens stop working at once.
        u"ALTER TABLE users ADD COLUMN disabled_at TEXT"_qs,
        // The sign-in lock-out counts recent failures of one login on every registration.
        u"CREATE INDEX audit_sign_in ON audit (action, actor, at)"_qs,
    };
    return statements;
}

const QStringList& version5()
{
    static const QStringList statements {
        // Failed sign-ins of the last window, by login and client address (SignInLimits): guesses from one
        // address lock out that address, never the login for everyone. Rows older than the window are
        // deleted as new ones come; the audit keeps every failure for good.
        u"CREATE TABLE sign_in_failures (login TEXT NOT NULL, address TEXT NOT NULL, at TEXT NOT NULL)"_qs,
        u"CREATE INDEX sign_in_failures_address ON sign_in_failures (address, at)"_qs,
        u"CREATE INDEX sign_in_failures_login ON sign_in_failures (login, address, at)"_qs,
        u"CREATE INDEX sign_in_failures_at ON sign_in_failures (at)"_qs,
        // The lock-out no longer reads the audit: its index would only slow every audit write.
        u"DROP INDEX audit_sign_in"_qs,
    };
    return statements;
}

const QStringList& version6()
{
    static const QStringList statements {
        // The newest entry of each workstation's audit chain and its hash, as its last sync reported it.
        u"CREATE TABLE device_audit_anchors (device_id VARCHAR(64) PRIMARY KEY, seq BIGINT NOT NULL, "
        "hash VARCHAR(64) NOT NULL, received_at TEXT NOT NULL)"_qs,
    };
    return statements;
}

const QStringList& version7()
{
    static const QStringList statements {
        // Who wrote each version of a record (ids and the server's clock, never a value). A device's own
        // earlier pushes are then never a conflict with itself, and a conflict can say who changed the
        // server's side, where and when. Versions written before this table are nobody's: never "own".
        u"CREATE TABLE record_versions (entity VARCHAR(32) NOT NULL, uuid VARCHAR(64) NOT NULL, "
        "version BIGINT NOT NULL, device_id VARCHAR(64) NOT NULL, user_login VARCHAR(128) NOT NULL, "
        "written_at TEXT NOT NULL, PRIMARY KEY (entity, uuid, version))"_qs,
        // A conflict names the version whose value the server kept (its writer is the server's side) and
        // when the other side was pushed.
        u"ALTER TABLE conflicts ADD COLUMN server_version BIGINT"_qs,
        u"ALTER TABLE conflicts ADD COLUMN raised_at TEXT"_qs,
    };
    return statements;
}

Done fillOwners(ServerDatabase& db)
{
    // Clients stored before version 4: the agency their newest release names as entering agency, when
    // that names a server agency; the current release is the one content known.
    auto agencies = db.exec(u"SELECT code, name FROM agencies"_qs);
    if (auto* failed = failureOf(agencies))
        return *failed;
    QList<QStringList> known;
    for (QSqlQuery& row = (*std::get<QSqlQuery*>(agencies)); row.next();)
        known.append({row.value(0).toString(), row.value(1).toString()});
    auto clients = db.exec(u"SELECT client_uuid, reference FROM client_consent"_qs);
    if (auto* failed = failureOf(clients))
        return *failed;
    QList<std::pair<QString, QString>> rows;
    for (QSqlQuery& row = (*std::get<QSqlQuery*>(clients)); row.next();)
        rows.append({row.value(0).toString(), row.value(1).toString()});
    db.finishAll();
    for (const auto& [client, reference] : rows) {
        const QJsonObject json = QJsonDocument::fromJson(reference.toUtf8()).object();
        const QString entering = json.value(u"EnteringAgency").toString();
        QVariant owner;
        for (const QStringList& agency : known)
            if (sync::sameAgency(entering, agency.at(0)) || sync::sameAgency(entering, agency.at(1)))
                owner = agency.at(0);
        for (const auto& [sql, values] :
             {std::pair {u"UPDATE client_consent SET owner_agency = ? WHERE client_uuid = ?"_qs,
                         QVariantList {owner, client}},
              std::pair {u"UPDATE client_releases SET reference = ? WHERE client_uuid = ? AND release_id = ?"_qs,
                         QVariantList {reference, client, json.value(u"ReleaseID").toString()}}}) {
            auto written = db.exec(sql, values);
            if (auto* failed = failureOf(written))
                return *failed;
        }
    }
    return std::nullopt;
}

const QStringList& version3Cleanup()
{
    static const QStringList statements {u"DROP TABLE record_fields"_qs};
    return statements;
}

Done foldRecordFields(ServerDatabase& db)
{
    // Ordered by record, so one record's fields arrive together; each record is written when its last field
    // has been read, so a large database is folded without holding it in memory.
    auto rows = db.exec(u"SELECT entity, uuid, field, value, version FROM record_fields ORDER BY entity, uuid"_qs);
    if (auto* failed = failureOf(rows))
        return *failed;
    QString entity;
    QString uuid;
    field_value::StoredFields fields;
    const auto write = [&]() -> Done {
        if (fields.isEmpty())
            return std::nullopt;
        const field_value::StoredText text = field_value::storedText(fields);
        auto written = db.exec(u"UPDATE records SET fields = ?, field_versions = ? WHERE entity = ? AND uuid = ?"_qs,
                               {text.values, text.versions, entity, uuid});
        if (auto* failed = failureOf(written))
            return *failed;
        fields.clear();
        return std::nullopt;
    };
    for (QSqlQuery& row = (*std::get<QSqlQuery*>(rows)); row.next();) {
        if (row.value(0).toString() != entity || row.value(1).toString() != uuid) {
            if (Done failed = write())
                return failed;
            entity = row.value(0).toString();
            uuid = row.value(1).toString();
        }
        fields.insert(row.value(2).toString(),
                      {field_value::fromText(row.value(3).toString()), row.value(4).toLongLong()});
    }
    return write();
}

} // namespace hearth::server::schema
