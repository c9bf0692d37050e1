#include "sync/server/ConsentNarrowing.h"

#include "sync/server/FieldValue.h"
#include "sync/server/ServerDatabase.h"

#include <QJsonDocument>

#include <vector>

namespace hearth::server::consent_narrowing {

namespace {

struct RecordKey
{
    QString entity;
    QString uuid;
};

/// A stored value with @p withdrawn taken out (wrapped so a nested array or object is scrubbed too), or
/// nothing when it held none of them.
std::optional<QJsonValue> scrubbedValue(const QString& field, const QJsonValue& value,
                                        const sync::WithdrawnFields& withdrawn)
{
    QJsonObject wrapped {{field, value}};
    if (!sync::removeWithdrawn(wrapped, withdrawn))
        return std::nullopt;
    return wrapped.value(field); // undefined when the field itself is withdrawn
}

Expected<std::vector<RecordKey>> recordsOf(ServerDatabase& db, const QString& clientUuid)
{
    auto read
        = db.exec(u"SELECT entity, uuid FROM records WHERE client_uuid = ? AND fields IS NOT NULL"_qs, {clientUuid});
    if (auto* failed = failureOf(read))
        return *failed;
    std::vector<RecordKey> keys;
    for (QSqlQuery& row = *std::get<QSqlQuery*>(read); row.next();)
        keys.push_back({row.value(0).toString(), row.value(1).toString()});
    return keys;
}

/// The record's current values: the field versions stay with the fields that remain.
Expected<int> scrubCurrent(ServerDatabase& db, const RecordKey& key, const sync::WithdrawnFields& withdrawn)
{
    auto read = db.exec(u"SELECT fields, field_versions FROM records WHERE entity = ? AND uuid = ?"_qs,
                        {key.entity, key.uuid});
    if (auto* failed = failureOf(read))
        return *failed;
    QSqlQuery& row = *std::get<QSqlQuery*>(read);
    if (!row.next())
        return 0;
    QJsonObject values = field_value::currentValues(row.value(0).toString());
    const QString versionsText = row.value(1).toString();
    row.finish();
    if (!sync::removeWithdrawn(values, withdrawn))
        return 0;
    QJsonObject versions = QJsonDocument::fromJson(versionsText.toUtf8()).object();
    for (auto it = versions.begin(); it != versions.end();)
        it = values.contains(it.key()) ? std::next(it) : versions.erase(it);
    auto written = db.exec(u"UPDATE records SET fields = ?, field_versions = ? WHERE entity = ? AND uuid = ?"_qs,
                           {field_value::valuesText(values),
                            versions.isEmpty() ? QVariant() : QVariant(field_value::valuesText(versions)), key.entity,
                            key.uuid});
    if (auto* failed = failureOf(written))
        return *failed;
    return 1;
}

/// Superseded values: a withdrawn field's history goes, a nested one is rewritten without it.
Expected<int> scrubHistory(ServerDatabase& db, const RecordKey& key, const sync::WithdrawnFields& withdrawn)
{
    auto read = db.exec(u"SELECT field, version, value FROM field_history WHERE entity = ? AND uuid = ?"_qs,
                        {key.entity, key.uuid});
    if (auto* failed = failureOf(read))
        return *failed;
    struct Row
    {
        QString field;
        qint64 version;
        std::optional<QJsonValue> scrubbed;
    };
    std::vector<Row> changed;
    for (QSqlQuery& row = *std::get<QSqlQuery*>(read); row.next();) {
        const QString field = row.value(0).toString();
        if (auto scrubbed = scrubbedValue(field, field_value::fromText(row.value(2).toString()), withdrawn))
            changed.push_back({field, row.value(1).toLongLong(), scrubbed});
    }
    for (const Row& r : changed) {
        auto done = r.scrubbed->isUndefined()
            ? db.exec(u"DELETE FROM field_history WHERE entity = ? AND uuid = ? AND field = ? AND version = ?"_qs,
                      {key.entity, key.uuid, r.field, r.version})
            : db.exec(u"UPDATE field_history SET value = ? WHERE entity = ? AND uuid = ? AND field = ? "
                      "AND version = ?"_qs,
                      {field_value::toText(*r.scrubbed), key.entity, key.uuid, r.field, r.version});
        if (auto* failed = failureOf(done))
            return *failed;
    }
    return int(changed.size());
}

/// Conflicts hold both sides' values: one over a withdrawn field goes, a nested one loses the field.
Expected<int> scrubConflicts(ServerDatabase& db, const RecordKey& key, const sync::WithdrawnFields& withdrawn)
{
    auto read = db.exec(u"SELECT id, field, server_value, device_value FROM conflicts WHERE entity = ? AND uuid = ?"_qs,
                        {key.entity, key.uuid});
    if (auto* failed = failureOf(read))
        return *failed;
    struct Row
    {
        QString id;
        std::optional<QJsonValue> server;
        std::optional<QJsonValue> device;
    };
    std::vector<Row> changed;
    for (QSqlQuery& row = *std::get<QSqlQuery*>(read); row.next();) {
        const QString field = row.value(1).toString();
        Row r {row.value(0).toString(), scrubbedValue(field, field_value::fromText(row.value(2).toString()), withdrawn),
               scrubbedValue(field, field_value::fromText(row.value(3).toString()), withdrawn)};
        if (r.server || r.device)
            changed.push_back(std::move(r));
    }
    for (const Row& r : changed) {
        const bool gone = (r.server && r.server->isUndefined()) || (r.device && r.device->isUndefined());
        if (gone) {
            auto removed = db.exec(u"DELETE FROM conflicts WHERE id = ?"_qs, {r.id});
            if (auto* failed = failureOf(removed))
                return *failed;
            continue;
        }
        for (const auto& [column, value] : {std::pair {u"server_value"_qs, r.server}, {u"device_value"_qs, r.device}}) {
            if (!value)
                continue;
            auto written = db.exec(u"UPDATE conflicts SET "_qs + column + u" = ? WHERE id = ?"_qs,
                                   {field_value::toText(*value), r.id});
            if (auto* failed = failureOf(written))
                return *failed;
        }
    }
    return int(changed.size());
}

} // namespace

Expected<int> scrub(ServerDatabase& db, const QString& clientUuid, const sync::WithdrawnFields& withdrawn)
{
    if (withdrawn.isEmpty())
        return 0;
    auto records = recordsOf(db, clientUuid);
    if (auto* failed = failureOf(records))
        return *failed;
    int changed = 0;
    for (const RecordKey& key : std::get<std::vector<RecordKey>>(records)) {
        for (auto step : {scrubCurrent, scrubHistory, scrubConflicts}) {
            auto done = step(db, key, withdrawn);
            if (auto* failed = failureOf(done))
                return *failed;
            changed += std::get<int>(done);
        }
    }
    return changed;
}

} // namespace hearth::server::consent_narrowing
