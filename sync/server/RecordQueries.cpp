// RecordStore::pull and RecordStore::restrict: what an agency may see, and taking a client back out.
#include "sync/protocol/ConsentReference.h"
#include "sync/protocol/Protocol.h"
#include "sync/server/Accounts.h"
#include "sync/server/ClientAuthority.h"
#include "sync/server/FieldValue.h"
#include "sync/server/RecordStore.h"
#include "sync/server/ScopeCache.h"
#include "sync/server/ScopeLoss.h"
#include "sync/server/ServerAudit.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/ServerTime.h"

#include <QHash>
#include <QJsonDocument>

#include <limits>

namespace hearth::server {

namespace ec = sync::error_code;

Expected<sync::PullReply> RecordStore::pull(const Caller& caller, qint64 since, int limit)
{
    sync::PullReply reply;
    reply.cursor = since;
    ScopeCache scopes(m_db);
    // A page never ends inside one sequence number: a restriction or a new release stamps all of a client's
    // records with one, and a cursor in the middle of them would skip the rest for good. So the page runs
    // to the end of the sequence number of its limit-th record (and may hold more than limit).
    // Records this device pushed and the server stored unchanged are left out (echo_device), but the cursor
    // still moves past them. The newest sequence is read first and bounds the rest: a batch committing
    // meanwhile lands above it and waits for the next pull.
    const QString notEcho = u"(echo_device IS NULL OR echo_device <> ?)"_qs;
    qint64 through = std::numeric_limits<qint64>::max();
    bool more = false;
    auto newest = m_db.exec(u"SELECT MAX(last_seq) FROM records WHERE last_seq > ?"_qs, {since});
    if (auto* failed = failureOf(newest))
        return *failed;
    if (QSqlQuery& row = (*std::get<QSqlQuery*>(newest)); row.next() && !row.value(0).isNull()) {
        through = row.value(0).toLongLong();
        reply.cursor = through;
        auto edge = m_db.exec(u"SELECT last_seq FROM records WHERE last_seq > ? AND last_seq <= ? AND "_qs + notEcho
                                  + u" ORDER BY last_seq LIMIT 1 OFFSET ?"_qs,
                              {since, through, caller.deviceId, limit - 1});
        if (auto* failed = failureOf(edge))
            return *failed;
        if (QSqlQuery& limitRow = (*std::get<QSqlQuery*>(edge)); limitRow.next()) {
            through = limitRow.value(0).toLongLong();
            reply.cursor = through;
            more = true;
        }
    }
    auto rows = m_db.exec(u"SELECT entity, uuid, client_uuid, version, last_seq, operation, fields FROM records "
                          "WHERE last_seq > ? AND last_seq <= ? AND "_qs
                              + notEcho + u" ORDER BY last_seq"_qs,
                          {since, through, caller.deviceId});
    if (auto* failed = failureOf(rows))
        return *failed;
    struct PageRow
    {
        sync::PulledChange change;
        QString clientUuid;
        QString fields;
    };
    std::vector<PageRow> page;
    for (QSqlQuery& row = (*std::get<QSqlQuery*>(rows)); row.next();)
        page.push_back({{row.value(4).toLongLong(),
                         row.value(0).toString(),
                         row.value(1).toString(),
                         row.value(5).toString(),
                         {},
                         row.value(3).toLongLong()},
                        row.value(2).toString(),
                        row.value(6).toString()});
    for (PageRow& row : page) {
        sync::PulledChange change = std::move(row.change);
        std::optional<ClientAuthority> client;
        if (!row.clientUuid.isEmpty()) {
            auto read = scopes.of(row.clientUuid);
            if (auto* failed = failureOf(read))
                return *failed;
            client = std::get<std::optional<ClientAuthority>>(read);
            // Records and tombstones alike go only to agencies that may see the client.
            if (!client || !client->visibleTo(caller))
                continue;
        }
        // A tombstone carries no data: an agency that saw the record learns to drop its copy.
        if (change.operation == u"delete" || change.operation == u"restrict") {
            reply.changes.push_back(std::move(change));
            continue;
        }
        change.fields = field_value::currentValues(row.fields);
        if (client && client->scope) {
            if (!client->namesVisibleTo(caller))
                for (const QString& name : sync::restrictedNameFields())
                    change.fields.remove(name);
            change.fields.insert(u"Consent"_qs, client->scope->toJson());
        }
        reply.changes.push_back(std::move(change));
    }
    reply.more = more;
    // An agency that lost sight of a client under a narrower release drops its copies.
    if (auto failed = scope_loss::addTo(m_db, caller.agencyCode, since, through, reply))
        return *failed;

    // The open conflicts this agency may see, the first page of them (the rest: GET /api/v1/conflicts).
    auto conflicts = openConflicts(caller, scopes, {}, sync::protocol::kMaxConflictsPage);
    if (auto* failed = failureOf(conflicts))
        return *failed;
    auto& listed = std::get<sync::ConflictsPage>(conflicts);
    reply.conflicts = std::move(listed.conflicts);
    reply.conflictsMore = listed.more;
    reply.conflictsCursor = listed.cursor;
    return reply;
}

Expected<RestrictionResult> RecordStore::restrict(const Caller& caller, const sync::RestrictionRequest& request,
                                                  const QDateTime& now)
{
    RestrictionResult result;
    Done done = m_db.transaction([&]() -> Done {
        auto seq = m_db.next(u"seq"_qs);
        if (auto* failed = failureOf(seq))
            return *failed;
        const qint64 seqNo = std::get<qint64>(seq);
        // Only the agency that holds the client's release (its owner) takes them off the server. A client the
        // server never received, or one this agency cannot see, is not found: nothing is stored, not even the id.
        ScopeCache scopes(m_db);
        auto read = scopes.of(request.clientUuid);
        if (auto* failed = failureOf(read))
            return *failed;
        const auto& client = std::get<std::optional<ClientAuthority>>(read);
        if (!client || !client->visibleTo(caller))
            return Failure {ec::NotFound, QStringLiteral("This agency holds no such client on the server.")};
        if (!client->ownedBy(caller))
            return Failure {ec::NotRecordOwner,
                            QStringLiteral("Only the agency that recorded this client's release can take their "
                                           "records off the server.")};
        // The same request again (its answer was lost): the first answer. A request id names one client.
        auto seen
            = m_db.exec(u"SELECT seq, client_uuid FROM restrictions WHERE request_uuid = ?"_qs, {request.requestUuid});
        if (auto* failed = failureOf(seen))
            return *failed;
        if (QSqlQuery& row = (*std::get<QSqlQuery*>(seen)); row.next()) {
            if (row.value(1).toString() != request.clientUuid)
                return Failure {ec::MalformedRequest,
                                QStringLiteral("This request id was used for another client; send a new one.")};
            result.status = u"duplicate"_qs;
            result.serverSeq = row.value(0).toLongLong();
            return std::nullopt;
        }

        auto linked = m_db.exec(u"SELECT entity, uuid FROM records WHERE client_uuid = ?"_qs, {request.clientUuid});
        if (auto* failed = failureOf(linked))
            return *failed;
        std::vector<std::pair<QString, QString>> records;
        for (QSqlQuery& row = (*std::get<QSqlQuery*>(linked)); row.next();)
            records.emplace_back(row.value(0).toString(), row.value(1).toString());
        bool clientRow = false;
        for (const auto& [entity, uuid] : records) {
            clientRow |= entity == u"client" && uuid == request.clientUuid;
            for (const QString& sql : {u"DELETE FROM field_history WHERE entity = ? AND uuid = ?"_qs,
                                       u"DELETE FROM conflicts WHERE entity = ? AND uuid = ?"_qs}) {
                auto removed = m_db.exec(sql, {entity, uuid});
                if (auto* failed = failureOf(removed))
                    return *failed;
            }
            auto marked
                = m_db.exec(u"UPDATE records SET operation = ?, version = version + 1, last_seq = ?, "
                            "echo_device = NULL, fields = NULL, field_versions = NULL WHERE entity = ? AND uuid = ?"_qs,
                            {entity == u"client" ? u"restrict"_qs : u"delete"_qs, seqNo, entity, uuid});
            if (auto* failed = failureOf(marked))
                return *failed;
        }
        result.recordsRemoved = int(records.size());
        if (!clientRow) {
            auto tombstone = m_db.exec(u"INSERT INTO records (entity, uuid, client_uuid, version, last_seq, operation) "
                                       "VALUES ('client', ?, ?, 1, ?, 'restrict')"_qs,
                                       {request.clientUuid, request.clientUuid, seqNo});
            if (auto* failed = failureOf(tombstone))
                return *failed;
        }
        auto consentRow
            = m_db.exec(u"SELECT client_uuid FROM client_consent WHERE client_uuid = ?"_qs, {request.clientUuid});
        if (auto* failed = failureOf(consentRow))
            return *failed;
        auto mark = (*std::get<QSqlQuery*>(consentRow)).next()
            ? m_db.exec(u"UPDATE client_consent SET restricted_seq = ? WHERE client_uuid = ?"_qs,
                        {seqNo, request.clientUuid})
            : m_db.exec(u"INSERT INTO client_consent (client_uuid, reference, restricted_seq) VALUES (?, '{}', ?)"_qs,
                        {request.clientUuid, seqNo});
        if (auto* failed = failureOf(mark))
            return *failed;
        auto logged = m_db.exec(u"INSERT INTO restrictions (request_uuid, client_uuid, reason, requested_at, "
                                "received_at, device_id, seq) VALUES (?, ?, ?, ?, ?, ?, ?)"_qs,
                                {request.requestUuid, request.clientUuid, request.reason, iso(request.requestedAt),
                                 iso(now), caller.deviceId, seqNo});
        if (auto* failed = failureOf(logged))
            return *failed;
        result.status = u"applied"_qs;
        result.serverSeq = seqNo;
        return m_audit.record(now, caller.login, caller.deviceId, u"client-restricted"_qs,
                              u"client "_qs + request.clientUuid + u": " + request.reason + u", "
                                  + QString::number(records.size()) + u" records removed");
    });
    if (done)
        return *done;
    if (result.status == u"applied")
        if (auto failed = m_db.purgeRemovedData())
            return *failed;
    return result;
}

} // namespace hearth::server
