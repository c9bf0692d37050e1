// RecordStore::merge: field-level merge of an insert or update (docs/sync-protocol.md, "Merge").
#include "sync/protocol/Protocol.h"
#include "sync/server/Accounts.h"
#include "sync/server/BatchLookups.h"
#include "sync/server/FieldValue.h"
#include "sync/server/RecordStore.h"
#include "sync/server/ServerAudit.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/ServerTime.h"

#include <QHash>
#include <QUuid>

namespace hearth::server {

namespace ec = sync::error_code;
using field_value::StoredField;
using field_value::StoredFields;
using sync::Change;
using sync::ChangeResult;

namespace {

/// HUD's record stamps: when the record was created and last changed, and by whom.
bool isBookkeeping(const QString& field)
{
    return field == u"DateCreated" || field == u"DateUpdated" || field == u"UserID";
}

struct OpenConflict
{
    QString entity;
    QString uuid;
    QString field;
    QString serverValue;
    QString deviceValue;
};

} // namespace

Expected<qint64> RecordStore::ownVersionsSince(const Caller& caller, const Change& change, qint64 base)
{
    auto read = m_db.exec(u"SELECT COUNT(*) FROM record_versions WHERE entity = ? AND uuid = ? AND version > ? "
                          "AND device_id = ?"_qs,
                          {change.entity, change.uuid, base, caller.deviceId});
    if (auto* failed = failureOf(read))
        return *failed;
    QSqlQuery& row = (*std::get<QSqlQuery*>(read));
    return row.next() ? row.value(0).toLongLong() : qint64(0);
}

Expected<qint64> RecordStore::newestOwnValue(const Caller& caller, const Change& change, const QString& field,
                                             qint64 currentVersion, qint64 base)
{
    // The versions that set this field: its superseded values in field_history and its current one.
    auto read = m_db.exec(
        u"SELECT MAX(version) FROM record_versions WHERE entity = ? AND uuid = ? AND device_id = ? "
        "AND version > ? AND (version = ? OR version IN (SELECT version FROM field_history "
        "WHERE entity = ? AND uuid = ? AND field = ?))"_qs,
        {change.entity, change.uuid, caller.deviceId, base, currentVersion, change.entity, change.uuid, field});
    if (auto* failed = failureOf(read))
        return *failed;
    QSqlQuery& row = (*std::get<QSqlQuery*>(read));
    return row.next() && !row.value(0).isNull() ? row.value(0).toLongLong() : base;
}

bool RecordStore::consentAsPushed(const Change& change, const QString& clientUuid)
{
    if (clientUuid.isEmpty())
        return true; // agency data (projects) carries no consent
    auto read = m_batch->consent(clientUuid);
    if (failureOf(read))
        return false; // unknown: send the record back rather than risk a device missing a newer release
    const ClientConsentState& consent = *std::get<ClientConsentState*>(read);
    return consent.known && consent.reference == change.fields.value(u"Consent").toObject();
}

Done RecordStore::merge(const Caller& caller, const Change& change, const QString& clientUuid, qint64 seq,
                        const QDateTime& now, ChangeResult& result)
{
    bool exists = false;
    qint64 version = 0;
    qint64 lastSeq = 0;
    StoredFields stored;
    if (!m_batch->isNew(change.entity, change.uuid)) { // most of a first sync skips this read
        auto existing = m_db.exec(
            u"SELECT version, last_seq, fields, field_versions FROM records WHERE entity = ? AND uuid = ?"_qs,
            {change.entity, change.uuid});
        if (auto* failed = failureOf(existing))
            return *failed;
        QSqlQuery& recordRow = (*std::get<QSqlQuery*>(existing));
        exists = recordRow.next();
        version = exists ? recordRow.value(0).toLongLong() : 0;
        lastSeq = exists ? recordRow.value(1).toLongLong() : 0;
        if (exists)
            stored = field_value::parseStored(recordRow.value(2).toString(), recordRow.value(3).toString());
    }

    // A resolution applies its value of the conflicting field whatever the versions.
    std::optional<OpenConflict> resolving;
    if (!change.resolves.isEmpty()) {
        // Only a conflict of the caller's agency: its devices raised it, and only it sees the values.
        auto read = m_db.exec(u"SELECT c.entity, c.uuid, c.field, c.server_value, c.device_value FROM conflicts c "
                              "JOIN devices d ON d.id = c.device_id JOIN users u ON u.login = d.user_login "
                              "WHERE c.id = ? AND c.resolved_at IS NULL AND u.agency_code = ?"_qs,
                              {change.resolves, caller.agencyCode});
        if (auto* failed = failureOf(read))
            return *failed;
        QSqlQuery& row = (*std::get<QSqlQuery*>(read));
        if (row.next())
            resolving = OpenConflict {row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                                      row.value(3).toString(), row.value(4).toString()};
        if (!resolving || resolving->entity != change.entity || resolving->uuid != change.uuid
            || !change.fields.contains(resolving->field))
            return reject(
                caller, change, now,
                {ec::ConflictUnknown, QStringLiteral("The change resolves no open conflict of this record and field.")},
                result);
    }

    // Versions after the device's base that it wrote itself are values it held: its base too. A first sync
    // pushes each record's every change at base 0, and the second must not conflict with the first.
    qint64 base = change.baseVersion;
    if (exists && version > base) {
        auto own = ownVersionsSince(caller, change, base);
        if (auto* failed = failureOf(own))
            return *failed;
        if (std::get<qint64>(own) == version - base)
            base = version;
    }

    QHash<QString, QJsonValue> toApply;
    std::vector<std::pair<QString, QJsonValue>> conflicting; // field, device value
    // A new record has nothing to compare with: it is written as it came, below (most of a first sync).
    for (auto it = change.fields.constBegin(); exists && it != change.fields.constEnd(); ++it) {
        if (it.key() == u"Consent")
            continue; // kept per client in client_consent
        const QJsonValue deviceValue = it.value();
        const auto current = stored.constFind(it.key());
        if (current != stored.cend() && current->value == deviceValue)
            continue;
        // Every save restamps these: two workstations' edits of different fields would always collide on
        // them. They record who wrote last, so the last write wins and never asks a person.
        if (isBookkeeping(it.key())) {
            toApply.insert(it.key(), deviceValue);
            continue;
        }
        if (current == stored.cend() || current->version <= base || (resolving && resolving->field == it.key())) {
            toApply.insert(it.key(), deviceValue);
            continue;
        }
        // Another device changed the record since; the newest value of this field the device wrote itself,
        // if any, is what it edited.
        auto ownField = newestOwnValue(caller, change, it.key(), current->version, base);
        if (auto* failed = failureOf(ownField))
            return *failed;
        const qint64 fieldBase = std::get<qint64>(ownField);
        if (current->version <= fieldBase) {
            toApply.insert(it.key(), deviceValue);
            continue;
        }
        // The server changed this field after the device's base: did the device change it too?
        auto baseRead = m_db.exec(u"SELECT value FROM field_history WHERE entity = ? AND uuid = ? AND field = ? "
                                  "AND version <= ? ORDER BY version DESC LIMIT 1"_qs,
                                  {change.entity, change.uuid, it.key(), fieldBase});
        if (auto* failed = failureOf(baseRead))
            return *failed;
        QSqlQuery& baseRow = (*std::get<QSqlQuery*>(baseRead));
        const QJsonValue baseValue = baseRow.next() ? field_value::fromText(baseRow.value(0).toString()) : QJsonValue();
        if (baseValue != deviceValue)
            conflicting.emplace_back(it.key(), deviceValue);
    }

    qint64 newVersion = version;
    qint64 newSeq = lastSeq;
    if (!toApply.isEmpty() || !exists) {
        // Stored exactly as this device holds it (nothing merged in, nothing left open, its consent is the
        // server's): its own pulls need not carry the record back.
        QVariant echo;
        if (conflicting.empty() && (!exists || base >= version) && consentAsPushed(change, clientUuid))
            echo = caller.deviceId;
        newVersion = version + 1;
        newSeq = seq;
        m_db.insertLater(u"record_versions (entity, uuid, version, device_id, user_login, written_at)"_qs,
                         {change.entity, change.uuid, newVersion, caller.deviceId, caller.login, iso(now)});
        const QVariant owner = clientUuid.isEmpty() ? QVariant() : QVariant(clientUuid);
        if (exists) {
            for (auto it = toApply.cbegin(); it != toApply.cend(); ++it) {
                // History keeps superseded values only (the current one is in records.fields).
                if (const auto current = stored.constFind(it.key()); current != stored.cend())
                    m_db.insertLater(
                        u"field_history (entity, uuid, field, version, value)"_qs,
                        {change.entity, change.uuid, it.key(), current->version, field_value::toText(current->value)});
                stored.insert(it.key(), {it.value(), newVersion});
            }
            const field_value::StoredText fields = field_value::storedText(stored);
            auto written = m_db.exec(
                u"UPDATE records SET version = ?, last_seq = ?, operation = ?, client_uuid = ?, echo_device = ?, "
                "fields = ?, field_versions = ? WHERE entity = ? AND uuid = ?"_qs,
                {newVersion, seq, u"update"_qs, owner, echo, fields.values, fields.versions, change.entity,
                 change.uuid});
            if (auto* failed = failureOf(written))
                return *failed;
        } else {
            // A new record is the device's fields at version 1, written as they came (most of a first sync).
            // Queued: the batch writes new records as multi-row INSERTs (ServerDatabase::insertLater).
            QJsonObject values = change.fields;
            values.remove(u"Consent"_qs);
            m_db.insertLater(
                u"records (entity, uuid, client_uuid, version, last_seq, operation, echo_device, fields, agency_code)"_qs,
                {change.entity, change.uuid, owner, newVersion, seq, u"insert"_qs, echo,
                 field_value::valuesText(values), caller.agencyCode});
            m_batch->markWritten(change.entity, change.uuid, {clientUuid, caller.agencyCode, u"insert"_qs});
        }
    }

    for (const auto& [field, deviceValue] : conflicting) {
        // The same disagreement pushed again is the same conflict.
        const QString deviceText = field_value::toText(deviceValue);
        auto open = m_db.exec(u"SELECT id FROM conflicts WHERE entity = ? AND uuid = ? AND field = ? "
                              "AND device_value = ? AND resolved_at IS NULL"_qs,
                              {change.entity, change.uuid, field, deviceText});
        if (auto* failed = failureOf(open))
            return *failed;
        QString id;
        if (QSqlQuery& row = (*std::get<QSqlQuery*>(open)); row.next()) {
            id = row.value(0).toString();
        } else {
            id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            auto inserted = m_db.exec(
                u"INSERT INTO conflicts (id, entity, uuid, field, server_value, device_value, "
                "device_id, created_seq, server_version, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs,
                {id, change.entity, change.uuid, field, field_value::toText(stored.value(field).value), deviceText,
                 caller.deviceId, seq, stored.value(field).version, iso(now)});
            if (auto* failed = failureOf(inserted))
                return *failed;
        }
        // Who made each side comes with the conflicts list of the pull that follows.
        result.conflicts.push_back(
            {id, change.entity, change.uuid, field, stored.value(field).value, deviceValue, {}, {}});
    }

    if (resolving) {
        const QString chosen = field_value::toText(change.fields.value(resolving->field));
        const QString kept = chosen == resolving->serverValue ? u"server"_qs
            : chosen == resolving->deviceValue                ? u"device"_qs
                                                              : u"new"_qs;
        auto closed
            = m_db.exec(u"UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?"_qs,
                        {iso(now), caller.login, kept, change.resolves});
        if (auto* failed = failureOf(closed))
            return *failed;
        if (auto failed = m_audit.record(now, caller.login, caller.deviceId, u"conflict-resolved"_qs,
                                         change.entity + u' ' + change.uuid + u' ' + resolving->field + u": kept the "
                                             + kept + u" value"))
            return failed;
    }

    result.status = result.conflicts.empty() ? u"applied"_qs : u"conflict"_qs;
    result.serverVersion = newVersion;
    result.serverSeq = newSeq;
    return std::nullopt;
}

} // namespace hearth::server
