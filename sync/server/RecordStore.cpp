#include "sync/server/RecordStore.h"

#include "sync/protocol/ConsentReference.h"
#include "sync/protocol/NoSharingMarker.h"
#include "sync/protocol/Protocol.h"
#include "sync/server/Accounts.h"
#include "sync/server/BatchLookups.h"
#include "sync/server/ConsentNarrowing.h"
#include "sync/server/FieldValue.h"
#include "sync/server/ScopeLoss.h"
#include "sync/server/ServerAudit.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/ServerTime.h"
#include "sync/server/WriteRights.h"

#include <QHash>
#include <QJsonDocument>
#include <QScopeGuard>
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
    m_receivedAt = iso(now);
    m_now = now;
    m_removedData = false;
    Done notApplied = m_db.transaction([&]() -> Done {
        if (changes.empty())
            return std::nullopt;
        // Taking the batch's sequence numbers first locks the counter row until commit: no other
        // writer runs, so what loadBatch() reads stays true for the whole batch.
        auto first = m_db.reserve(u"seq"_qs, qint64(changes.size()));
        if (auto* failed = failureOf(first))
            return *failed;
        BatchLookups lookups(m_db, caller.deviceId, std::get<qint64>(first));
        if (Done failed = loadBatch(lookups, changes))
            return failed;
        m_batch = &lookups;
        const auto done = qScopeGuard([this] { m_batch = nullptr; });
        for (const Change& change : changes) {
            ChangeResult result;
            result.key = change.key;
            if (Done stop = applyInTransaction(caller, change, now, result))
                return stop;
            results.push_back(std::move(result));
        }
        // Who sent what, in the batch's own transaction: kinds and counts, never a value or a client id.
        return m_audit.record(now, caller.login, caller.deviceId, u"records-received"_qs,
                              receivedSummary(changes, results));
    });
    if (notApplied)
        return *notApplied;
    if (std::exchange(m_removedData, false))
        if (auto failed = m_db.purgeRemovedData())
            return *failed;
    return results;
}

QString RecordStore::receivedSummary(const std::vector<Change>& changes, const std::vector<ChangeResult>& results)
{
    QMap<QString, int> byStatus;
    QMap<QString, int> byEntity;
    for (const ChangeResult& r : results)
        ++byStatus[r.status];
    for (const Change& c : changes)
        ++byEntity[c.entity];
    return QStringLiteral("%1 changes: %2; %3").arg(changes.size()).arg(countsText(byStatus), countsText(byEntity));
}

Done RecordStore::loadBatch(BatchLookups& lookups, const std::vector<Change>& changes)
{
    QStringList keys;
    QList<std::pair<QString, QString>> records;
    QStringList clients;
    for (const Change& change : changes) {
        keys << change.key;
        records.append({change.entity, change.uuid});
        if (change.entity == u"client")
            clients << change.uuid;
        else if (isClientData(change.entity) && change.fields.contains(u"PersonalID"))
            clients << change.fields.value(u"PersonalID").toString();
    }
    clients.removeDuplicates();
    return lookups.load(keys, records, clients);
}

void RecordStore::keepResult(const Caller& caller, const Change& change, const ChangeResult& result)
{
    const QString kept = storedForm(result);
    m_db.insertLater(u"applied_keys (device_id, change_key, result, received_at)"_qs,
                     {caller.deviceId, change.key, kept, m_receivedAt});
    m_batch->markApplied(change.key, kept);
}

Done RecordStore::applyInTransaction(const Caller& caller, const Change& change, const QDateTime& now,
                                     ChangeResult& result)
{
    const qint64 seqNo = m_batch->nextSeq();
    if (auto seen = m_batch->appliedResult(change.key)) {
        result = ChangeResult::fromJson(QJsonDocument::fromJson(seen->toUtf8()).object());
        result.firstStatus = result.status;
        result.status = u"duplicate"_qs;
        return withConflictValues(caller, result);
    }
    if (auto problem = consentProblem(change))
        return reject(caller, change, now, *problem, result);

    // Whose the record is comes from what the server stored, never from the push: a change may not move a
    // record to another client, and the stored client's consent and owner decide.
    const StoredRecord* stored = m_batch->stored(change.entity, change.uuid);
    QString clientUuid;
    if (isClientData(change.entity)) {
        const QString named = change.entity == u"client" ? change.uuid : change.fields.value(u"PersonalID").toString();
        clientUuid = stored ? stored->clientUuid : named;
        if (stored && !named.isEmpty() && named != clientUuid)
            return reject(caller, change, now,
                          {ec::RecordOwnerMismatch,
                           QStringLiteral("This %1 belongs to another client on the server; a change cannot move it.")
                               .arg(change.entity)},
                          result);
    }
    if (change.operation == u"delete" && !stored) {
        // Nothing here to delete: nothing is stored either, not even whose it would have been.
        result.status = u"applied"_qs;
        keepResult(caller, change, result);
        return std::nullopt;
    }
    if (clientUuid.isEmpty()) {
        if (auto refused = write_rights::refusal(caller, change, stored, nullptr))
            return reject(caller, change, now, *refused, result);
    } else {
        auto read = m_batch->consent(clientUuid);
        if (auto* failed = failureOf(read))
            return *failed;
        const ClientConsentState& consent = *std::get<ClientConsentState*>(read);
        // Only an agency that may see a client may add to their records (a new client is anyone's to add).
        const bool owned = !write_rights::unowned(consent);
        if (owned && !consent.authority().visibleTo(caller))
            return reject(caller, change, now,
                          {ec::ClientNotVisible,
                           QStringLiteral("This agency may not change the records of a client it cannot see.")},
                          result);
        // After a restriction only a release the server first saw later lets the client's data in again.
        const QString releaseId = change.fields.value(kConsent).toObject().value(u"ReleaseID").toString();
        const auto release = consent.releases.constFind(releaseId);
        if (consent.restrictedSeq && release != consent.releases.cend() && *release <= *consent.restrictedSeq)
            return reject(caller, change, now,
                          {ec::ClientRestricted,
                           QStringLiteral("The client asked for their data to be removed; only a release signed "
                                          "after that can share it again.")},
                          result);
        if (auto refused = write_rights::refusal(caller, change, stored, &consent))
            return reject(caller, change, now, *refused, result);
        if (auto refused = write_rights::consentRefusal(caller, change, consent))
            return reject(caller, change, now, *refused, result);
        // Another agency carries a release the server holds already: it changes nothing of the consent.
        if (!owned || consent.authority().ownedBy(caller))
            if (auto failed = recordConsent(caller, clientUuid, change.fields.value(kConsent).toObject(), seqNo))
                return failed;
        // The release now in force decides too: an older one a device carries may allow more.
        if (auto refused = write_rights::identifyingRefusal(change, consent))
            return reject(caller, change, now, *refused, result);
    }
    Done done = change.operation == u"delete" ? remove(change, seqNo, result)
                                              : merge(caller, change, clientUuid, seqNo, now, result);
    if (done)
        return done;
    if (result.status == u"rejected")
        return std::nullopt; // reject() kept the result already
    keepResult(caller, change, result);
    return std::nullopt;
}

Done RecordStore::withConflictValues(const Caller& caller, ChangeResult& result)
{
    // The values as a pull would show them now: open conflicts only, of a client the caller still sees, and
    // no name of a restricted client it may not see (the scope may have narrowed since the first answer).
    std::vector<sync::FieldConflict> kept;
    for (sync::FieldConflict conflict : result.conflicts) {
        auto read = m_db.exec(u"SELECT c.server_value, c.device_value, c.field, r.client_uuid FROM conflicts c "
                              "JOIN records r ON r.entity = c.entity AND r.uuid = c.uuid "
                              "WHERE c.id = ? AND c.resolved_at IS NULL"_qs,
                              {conflict.conflictId});
        if (auto* failed = failureOf(read))
            return *failed;
        QSqlQuery& row = *std::get<QSqlQuery*>(read);
        if (!row.next())
            continue; // resolved, or removed with its record
        const QString serverValue = row.value(0).toString();
        const QString deviceValue = row.value(1).toString();
        const QString field = row.value(2).toString();
        const QString client = row.value(3).toString();
        if (!client.isEmpty()) {
            auto consent = m_batch->consent(client);
            if (auto* failed = failureOf(consent))
                return *failed;
            const ClientAuthority authority = (*std::get<ClientConsentState*>(consent)).authority();
            if (!authority.visibleTo(caller)
                || (!authority.namesVisibleTo(caller) && sync::restrictedNameFields().contains(field)))
                continue;
        }
        conflict.serverValue = field_value::fromText(serverValue);
        conflict.deviceValue = field_value::fromText(deviceValue);
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
    keepResult(caller, change, result);
    return std::nullopt;
}

Done RecordStore::recordConsent(const Caller& caller, const QString& clientUuid, const QJsonObject& reference,
                                qint64 seq)
{
    if (reference.isEmpty())
        return std::nullopt;
    auto read = m_batch->consent(clientUuid);
    if (auto* failed = failureOf(read))
        return *failed;
    ClientConsentState& consent = *std::get<ClientConsentState*>(read);
    // The sequence at which the server first saw a release of this client (0: never). Releases come from
    // the owner only (write_rights::consentRefusal), so the content kept is the owner's.
    const QString releaseId = reference.value(u"ReleaseID").toString();
    qint64 seenAt = consent.releases.value(releaseId, 0);
    if (seenAt == 0) {
        m_db.insertLater(u"client_releases (client_uuid, release_id, first_seen_seq, reference)"_qs,
                         {clientUuid, releaseId, seq, compact(reference)});
        consent.releases.insert(releaseId, seq);
        seenAt = seq;
    } else if (consent.releaseReferences.value(releaseId) != reference) {
        auto kept = m_db.exec(u"UPDATE client_releases SET reference = ? WHERE client_uuid = ? AND release_id = ?"_qs,
                              {compact(reference), clientUuid, releaseId});
        if (auto* failed = failureOf(kept))
            return *failed;
    }
    consent.releaseReferences.insert(releaseId, reference);
    const qint64 storedSeenAt
        = consent.known ? consent.releases.value(consent.reference.value(u"ReleaseID").toString(), 0) : 0;
    // The release the server saw last decides who sees the client: server order, never a date. An
    // expiry comes from a workstation's clock, and one a year ahead would pin an old, wider release.
    const bool newer = !consent.known || (consent.reference != reference && seenAt >= storedSeenAt);
    if (!newer)
        return std::nullopt;
    if (consent.known) {
        if (consent.ownerAgency.isEmpty())
            consent.ownerAgency = caller.agencyCode; // a client known before it had an owner: the caller's now
        auto written = m_db.exec(u"UPDATE client_consent SET reference = ?, owner_agency = ? WHERE client_uuid = ?"_qs,
                                 {compact(reference), consent.ownerAgency, clientUuid});
        if (auto* failed = failureOf(written))
            return *failed;
        if (auto failed = scope_loss::record(m_db, clientUuid, consent.reference, reference, seq))
            return failed;
        if (auto failed = removeWithdrawn(caller, clientUuid, reference))
            return failed;
        // Who may see the client changed: deliver all their records again.
        auto resent = m_db.exec(u"UPDATE records SET last_seq = ?, echo_device = NULL WHERE client_uuid = ?"_qs,
                                {seq, clientUuid});
        if (auto* failed = failureOf(resent))
            return *failed;
    } else {
        // The agency that brings the client owns it (write_rights::unowned).
        m_db.insertLater(u"client_consent (client_uuid, reference, owner_agency)"_qs,
                         {clientUuid, compact(reference), caller.agencyCode});
        consent.ownerAgency = caller.agencyCode;
    }
    consent.known = true;
    consent.reference = reference;
    consent.scope = parseStoredScope(reference);
    return std::nullopt;
}

Done RecordStore::removeWithdrawn(const Caller& caller, const QString& clientUuid, const QJsonObject& reference)
{
    // A narrower release takes out what it no longer allows, with the same file scrubbing as a restriction:
    // silence in a later push would leave the old name, SSN or health answers here for every agency.
    auto validated = sync::validateConsentReference({{kConsent, reference}});
    const auto* now = std::get_if<sync::ConsentReference>(&validated);
    if (!now)
        return std::nullopt;
    auto scrubbed = consent_narrowing::scrub(m_db, clientUuid, sync::withdrawnBy(*now));
    if (auto* failed = failureOf(scrubbed))
        return *failed;
    if (std::get<int>(scrubbed) == 0)
        return std::nullopt;
    m_removedData = true;
    return m_audit.record(m_now, caller.login, caller.deviceId, u"consent-narrowed"_qs,
                          u"client "_qs + clientUuid + u": " + QString::number(std::get<int>(scrubbed))
                              + u" stored values removed");
}

Done RecordStore::remove(const Change& change, qint64 seq, ChangeResult& result)
{
    result.status = u"applied"_qs;
    if (m_batch->isNew(change.entity, change.uuid))
        return std::nullopt; // never here: nothing to delete
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
    for (const QString& sql : {u"DELETE FROM field_history WHERE entity = ? AND uuid = ?"_qs,
                               u"DELETE FROM conflicts WHERE entity = ? AND uuid = ?"_qs}) {
        auto done = m_db.exec(sql, {change.entity, change.uuid});
        if (auto* failed = failureOf(done))
            return *failed;
    }
    auto updated = m_db.exec(
        u"UPDATE records SET version = ?, last_seq = ?, operation = 'delete', echo_device = NULL, fields = NULL, "
        "field_versions = NULL "
        "WHERE entity = ? AND uuid = ?"_qs,
        {version + 1, seq, change.entity, change.uuid});
    if (auto* failed = failureOf(updated))
        return *failed;
    result.serverVersion = version + 1;
    result.serverSeq = seq;
    return std::nullopt;
}

} // namespace hearth::server
