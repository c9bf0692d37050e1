#include "sync/server/ScopeLoss.h"

#include "sync/protocol/ConsentReference.h"
#include "sync/server/ServerDatabase.h"

#include <algorithm>
#include <iterator>

namespace hearth::server::scope_loss {

namespace {

/// A stored reference, or nothing when it is not one (a restricted client's '{}'): nobody saw them.
std::optional<sync::ConsentReference> parsed(const QJsonObject& reference)
{
    auto validated = sync::validateConsentReference({{u"Consent"_qs, reference}});
    if (auto* ref = std::get_if<sync::ConsentReference>(&validated))
        return *ref;
    return std::nullopt;
}

} // namespace

Done record(ServerDatabase& db, const QString& clientUuid, const QJsonObject& before, const QJsonObject& after,
            qint64 seq)
{
    const auto was = parsed(before);
    const auto now = parsed(after);
    // Full Sharing and Anonymous are seen by all: nobody loses sight, and most changes end here.
    if (!was
        || (now
            && (now->choice == sync::ConsentReference::FullSharing
                || now->choice == sync::ConsentReference::Anonymous)))
        return std::nullopt;
    auto agencies = db.exec(u"SELECT code, name FROM agencies"_qs);
    if (auto* failed = failureOf(agencies))
        return *failed;
    QStringList lost;
    for (QSqlQuery& row = (*std::get<QSqlQuery*>(agencies)); row.next();) {
        const QStringList names {row.value(0).toString(), row.value(1).toString()};
        if (was->visibleTo(names) && !(now && now->visibleTo(names)))
            lost.push_back(names.front());
    }
    for (const QString& code : lost) {
        auto inserted = db.exec(u"INSERT INTO scope_losses (seq, client_uuid, agency_code) VALUES (?, ?, ?)"_qs,
                                {seq, clientUuid, code});
        if (auto* failed = failureOf(inserted))
            return *failed;
    }
    return std::nullopt;
}

Expected<std::vector<sync::PulledChange>> tombstones(ServerDatabase& db, const QString& agencyCode, qint64 since,
                                                     qint64 through)
{
    auto rows = db.exec(u"SELECT seq, client_uuid FROM scope_losses WHERE agency_code = ? AND seq > ? AND seq <= ? "
                        "ORDER BY seq"_qs,
                        {agencyCode, since, through});
    if (auto* failed = failureOf(rows))
        return *failed;
    std::vector<sync::PulledChange> changes;
    // A tombstone carries no data: the agency knew the client's id already.
    for (QSqlQuery& row = (*std::get<QSqlQuery*>(rows)); row.next();)
        changes.push_back({row.value(0).toLongLong(), u"client"_qs, row.value(1).toString(), u"restrict"_qs, {}, 0});
    return changes;
}

Done addTo(ServerDatabase& db, const QString& agencyCode, qint64 since, qint64 through, sync::PullReply& reply)
{
    auto lost = tombstones(db, agencyCode, since, through);
    if (auto* failed = failureOf(lost))
        return *failed;
    auto& losses = std::get<std::vector<sync::PulledChange>>(lost);
    if (losses.empty())
        return std::nullopt;
    reply.cursor = std::max(reply.cursor, losses.back().serverSeq);
    std::vector<sync::PulledChange> merged;
    merged.reserve(reply.changes.size() + losses.size());
    // At one sequence number the tombstone comes first: the records stamped with it are not this agency's.
    std::merge(std::make_move_iterator(losses.begin()), std::make_move_iterator(losses.end()),
               std::make_move_iterator(reply.changes.begin()), std::make_move_iterator(reply.changes.end()),
               std::back_inserter(merged),
               [](const sync::PulledChange& a, const sync::PulledChange& b) { return a.serverSeq < b.serverSeq; });
    reply.changes = std::move(merged);
    return std::nullopt;
}

} // namespace hearth::server::scope_loss
