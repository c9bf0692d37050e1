#include "server/RecordStore.h"

#include "protocol/ConsentReference.h"
#include "protocol/NoSharingMarker.h"
#include "protocol/Protocol.h"
#include "server/Accounts.h"
#include "server/Database.h"
#include "server/FieldValue.h"
#include "server/ScopeLoss.h"
#include "server/ServerAudit.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

namespace hearth::server {

namespace ec = sync::error_code;
using sync::Change;
using sync::ChangeResult;

namespace {

const QString kConsent = QStringLiteral("Consent");

bool knownEntity(const QString& entity)
{
    static const QSet<QString> entities {u"client"_qs, u"enrollment"_qs, u"service"_qs, u"consent"_qs, u"project"_qs};
    return entities.contains(entity);
}

/// Projects are agency data, not a client's: they need no consent reference.
bool isClientData(const QString& entity)
{
    return entity != u"project";
}

QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString compact(const QJsonObject& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

/// A result as applied_keys keeps it: conflicts by id only, so no client value outlives a
/// restriction there (the values live in `conflicts`, which a restriction clears).
QString storedForm(ChangeResult result)
{
    for (sync::FieldConflict& conflict : result.conflicts) {
        conflict.serverValue = QJsonValue();
        conflict.deviceValue = QJsonValue();
    }
    return compact(result.toJson());
}

/// The checks that refuse a change before anything of it is stored.
std::optional<Failure> consentProblem(const Change& change)
{
    if (!knownEntity(change.entity))
        return Failure {ec::UnknownEntity,
                        QStringLiteral("The server does not keep \"%1\" records.").arg(change.entity)};
    if (auto marker = sync::findNoSharingMarker(change.fields))
        return Failure {ec::NoSharingMarker,
                        QStringLiteral("Refused: %1. No Sharing data never leaves a workstation.").arg(*marker)};
    if (!isClientData(change.entity))
        return std::nullopt;
    auto validated = sync::validateConsentReference(change.fields);
    if (auto* problem = std::get_if<sync::ConsentProblem>(&validated))
        return Failure {problem->code, problem->message};
    const auto& ref = std::get<sync::ConsentReference>(validated);
    if (!ref.allowsIdentifyingData())
        for (const QString& field : sync::identifyingFields()) {
            const QJsonValue value = change.fields.value(field);
            if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
                continue;
            if (ref.choice == sync::ConsentReference::Anonymous)
                return Failure {ec::AnonymousIdentifying,
                                QStringLiteral("An Anonymous record must not carry %1.").arg(field)};
            return Failure {ec::IdentifyingNotConsented,
                            QStringLiteral("The client did not consent to share who they are, yet the record carries "
                                           "%1.")
                                .arg(field)};
        }
    if (change.operation != u"delete" && change.entity != u"client"
        && change.fields.value(u"PersonalID").toString().isEmpty())
        return Failure {ec::MalformedRequest, QStringLiteral("The record names no client (PersonalID).")};
    return std::nullopt;
}

} // namespace

Expected<std::vector<ChangeResult>> RecordStore::apply(const Caller& caller, const std::vector<Change>& changes,
                                                       const QDateTime& now)
{
    std::vector<ChangeResult> results;
    results.reserve(changes.size());
    Done failed = m_db.transaction([&]() -> Done {
        for (const Change& change : changes) {
            ChangeResult result;
            result.key = change.key;
            if (Done stop = applyInTransaction(caller, change, now, result))
                return stop;
            results.push_back(std::move(result));
        }
        return std::nullopt;
    });
    if (failed)
        return *failed;
    return results;
}

Done RecordStore::applyInTransaction(const Caller& caller, const Change& change, const QDateTime& now,
                                     ChangeResult& result)
{
    // Taking the sequence first locks the counter row (until the batch commits): no other writer runs.
    auto seq = m_db.next(u"seq"_qs);
    if (auto* failed = failureOf(seq))
        return *failed;
    auto seen = m_db.exec(u"SELECT result FROM applied_keys WHERE device_id = ? AND change_key = ?"_qs,
                          {caller.deviceId, change.key});
    if (auto* failed = failureOf(seen))
        return *failed;
    if (QSqlQuery& row = (*std::get<QSqlQuery*>(seen)); row.next()) {
        result = ChangeResult::fromJson(QJsonDocument::fromJson(row.value(0).toString().toUtf8()).object());
        result.firstStatus = result.status;
        result.status = u"duplicate"_qs;
        return withConflictValues(result);
    }
    if (auto problem = consentProblem(change))
        return reject(caller, change, now, *problem, result);

    QString clientUuid;
    if (change.entity == u"client")
        clientUuid = change.uuid;
    else if (isClientData(change.entity))
        clientUuid = change.fields.value(u"PersonalID").toString();
    if (clientUuid.isEmpty() && isClientData(change.entity)) {
        auto owner = m_db.exec(u"SELECT client_uuid FROM records WHERE entity = ? AND uuid = ?"_qs,
                               {change.entity, change.uuid});
        if (auto* failed = failureOf(owner))
            return *failed;
        if (QSqlQuery& row = (*std::get<QSqlQuery*>(owner)); row.next())
            clientUuid = row.value(0).toString();
    }
    const qint64 seqNo = std::get<qint64>(seq);
    if (!clientUuid.isEmpty()) {
        // After a restriction only a release the server first saw later lets the client's data in again.
        const QString releaseId = change.fields.value(kConsent).toObject().value(u"ReleaseID").toString();
        auto restricted
            = m_db.exec(u"SELECT c.restricted_seq, r.first_seen_seq FROM client_consent c LEFT JOIN client_releases r "
                        "ON r.client_uuid = c.client_uuid AND r.release_id = ? WHERE c.client_uuid = ?"_qs,
                        {releaseId, clientUuid});
        if (auto* failed = failureOf(restricted))
            return *failed;
        if (QSqlQuery& row = (*std::get<QSqlQuery*>(restricted)); row.next() && !row.value(0).isNull()
            && !row.value(1).isNull() && row.value(1).toLongLong() <= row.value(0).toLongLong())
            return reject(caller, change, now,
                          {ec::ClientRestricted,
                           QStringLiteral("The client asked for their data to be removed; only a release signed "
                                          "after that can share it again.")},
                          result);
        // Only an agency that may see a client may change their records (a new client is anyone's to add).
        auto stored = m_db.exec(u"SELECT reference FROM client_consent WHERE client_uuid = ?"_qs, {clientUuid});
        if (auto* failed = failureOf(stored))
            return *failed;
        if (QSqlQuery& row = *std::get<QSqlQuery*>(stored); row.next()) {
            const QJsonObject reference = QJsonDocument::fromJson(row.value(0).toString().toUtf8()).object();
            auto scope = sync::validateConsentReference({{kConsent, reference}});
            const auto* ref = std::get_if<sync::ConsentReference>(&scope);
            if (ref && !ref->visibleTo(caller.agencyNames()))
                return reject(caller, change, now,
                              {ec::ClientNotVisible,
                               QStringLiteral("This agency may not change the records of a client it cannot see.")},
                              result);
        }
        if (auto failed = recordConsent(clientUuid, change.fields.value(kConsent).toObject(), seqNo))
            return failed;
    }
    Done done = change.operation == u"delete" ? remove(change, seqNo, result)
                                              : merge(caller, change, clientUuid, seqNo, now, result);
    if (done)
        return done;
    if (result.status == u"rejected")
        return std::nullopt; // reject() kept the result already
    auto stored
        = m_db.exec(u"INSERT INTO applied_keys (device_id, change_key, result, received_at) VALUES (?, ?, ?, ?)"_qs,
                    {caller.deviceId, change.key, storedForm(result), iso(now)});
    if (auto* failed = failureOf(stored))
        return *failed;
    return std::nullopt;
}

Done RecordStore::withConflictValues(ChangeResult& result)
{
    std::vector<sync::FieldConflict> kept;
    for (sync::FieldConflict conflict : result.conflicts) {
        auto read
            = m_db.exec(u"SELECT server_value, device_value FROM conflicts WHERE id = ?"_qs, {conflict.conflictId});
        if (auto* failed = failureOf(read))
            return *failed;
        QSqlQuery& row = *std::get<QSqlQuery*>(read);
        if (!row.next())
            continue; // removed with its record
        conflict.serverValue = field_value::fromText(row.value(0).toString());
        conflict.deviceValue = field_value::fromText(row.value(1).toString());
        kept.push_back(std::move(conflict));
    }
    result.conflicts = std::move(kept);
    return std::nullopt;
}

Done RecordStore::reject(const Caller& caller, const Change& change, const QDateTime& now, const Failure& why,
                         ChangeResult& result)
{
    result.status = u"rejected"_qs;
    result.error = why.code;
    result.message = why.message;
    // The audit names the record and the reason, never its values.
    if (auto failed = m_audit.record(now, caller.login, caller.deviceId, u"change-rejected"_qs,
                                     change.entity + u' ' + change.uuid + u": " + why.code))
        return failed;
    auto stored
        = m_db.exec(u"INSERT INTO applied_keys (device_id, change_key, result, received_at) VALUES (?, ?, ?, ?)"_qs,
                    {caller.deviceId, change.key, storedForm(result), iso(now)});
    if (auto* failed = failureOf(stored))
        return *failed;
    return std::nullopt;
}

Done RecordStore::recordConsent(const QString& clientUuid, const QJsonObject& reference, qint64 seq)
{
    if (reference.isEmpty())
        return std::nullopt;
    // The sequence at which the server first saw a release of this client (0: never).
    const auto firstSeen = [&](const QString& releaseId, qint64& seenAt) -> Done {
        auto release
            = m_db.exec(u"SELECT first_seen_seq FROM client_releases WHERE client_uuid = ? AND release_id = ?"_qs,
                        {clientUuid, releaseId});
        if (auto* failed = failureOf(release))
            return *failed;
        QSqlQuery& row = *std::get<QSqlQuery*>(release);
        seenAt = row.next() ? row.value(0).toLongLong() : 0;
        return std::nullopt;
    };
    qint64 seenAt = 0;
    if (Done failed = firstSeen(reference.value(u"ReleaseID").toString(), seenAt))
        return failed;
    if (seenAt == 0) {
        auto inserted
            = m_db.exec(u"INSERT INTO client_releases (client_uuid, release_id, first_seen_seq) VALUES (?, ?, ?)"_qs,
                        {clientUuid, reference.value(u"ReleaseID").toString(), seq});
        if (auto* failed = failureOf(inserted))
            return *failed;
        seenAt = seq;
    }
    auto current = m_db.exec(u"SELECT reference FROM client_consent WHERE client_uuid = ?"_qs, {clientUuid});
    if (auto* failed = failureOf(current))
        return *failed;
    QSqlQuery& row = (*std::get<QSqlQuery*>(current));
    const bool known = row.next();
    const QJsonObject stored
        = known ? QJsonDocument::fromJson(row.value(0).toString().toUtf8()).object() : QJsonObject();
    qint64 storedSeenAt = 0;
    if (known)
        if (Done failed = firstSeen(stored.value(u"ReleaseID").toString(), storedSeenAt))
            return failed;
    // The release the server saw last decides who sees the client: server order, never a date. An
    // expiry comes from a workstation's clock, and one a year ahead would pin an old, wider release.
    const bool newer = !known || (stored != reference && seenAt >= storedSeenAt);
    if (!newer)
        return std::nullopt;
    auto written = known ? m_db.exec(u"UPDATE client_consent SET reference = ? WHERE client_uuid = ?"_qs,
                                     {compact(reference), clientUuid})
                         : m_db.exec(u"INSERT INTO client_consent (client_uuid, reference) VALUES (?, ?)"_qs,
                                     {clientUuid, compact(reference)});
    if (auto* failed = failureOf(written))
        return *failed;
    if (known)
        if (auto failed = scope_loss::record(m_db, clientUuid, stored, reference, seq))
            return failed;
    // Who may see the client changed: deliver all their records again.
    if (known) {
        auto resent = m_db.exec(u"UPDATE records SET last_seq = ? WHERE client_uuid = ?"_qs, {seq, clientUuid});
        if (auto* failed = failureOf(resent))
            return *failed;
    }
    return std::nullopt;
}

Done RecordStore::remove(const Change& change, qint64 seq, ChangeResult& result)
{
    result.status = u"applied"_qs;
    auto existing = m_db.exec(u"SELECT version, operation, last_seq FROM records WHERE entity = ? AND uuid = ?"_qs,
                              {change.entity, change.uuid});
    if (auto* failed = failureOf(existing))
        return *failed;
    QSqlQuery& row = (*std::get<QSqlQuery*>(existing));
    if (!row.next())
        return std::nullopt; // never here: nothing to delete
    const qint64 version = row.value(0).toLongLong();
    if (row.value(1).toString() == u"delete" || row.value(1).toString() == u"restrict") {
        result.serverVersion = version;
        result.serverSeq = row.value(2).toLongLong();
        return std::nullopt;
    }
    // A delete wins over concurrent edits: the record's values and their history go.
    for (const QString& sql : {u"DELETE FROM record_fields WHERE entity = ? AND uuid = ?"_qs,
                               u"DELETE FROM field_history WHERE entity = ? AND uuid = ?"_qs,
                               u"DELETE FROM conflicts WHERE entity = ? AND uuid = ?"_qs}) {
        auto done = m_db.exec(sql, {change.entity, change.uuid});
        if (auto* failed = failureOf(done))
            return *failed;
    }
    auto updated = m_db.exec(u"UPDATE records SET version = ?, last_seq = ?, operation = 'delete' "
                             "WHERE entity = ? AND uuid = ?"_qs,
                             {version + 1, seq, change.entity, change.uuid});
    if (auto* failed = failureOf(updated))
        return *failed;
    result.serverVersion = version + 1;
    result.serverSeq = seq;
    return std::nullopt;
}

} // namespace hearth::server
