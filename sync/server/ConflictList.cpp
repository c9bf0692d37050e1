// RecordStore::openConflicts and RecordStore::conflicts: the open conflicts an agency may see, a page at a
// time, oldest first (docs/sync-protocol.md, "Conflicts").
#include "sync/protocol/ConsentReference.h"
#include "sync/protocol/Protocol.h"
#include "sync/server/Accounts.h"
#include "sync/server/FieldValue.h"
#include "sync/server/RecordStore.h"
#include "sync/server/ScopeCache.h"
#include "sync/server/ServerDatabase.h"

namespace hearth::server {

namespace {

/// Where a page starts: after the conflict with this creation sequence and id (a page's `cursor`).
struct Position
{
    qint64 seq = -1;
    QString id;

    QString text() const { return QString::number(seq) + u':' + id; }
    static std::optional<Position> parse(const QString& text)
    {
        if (text.isEmpty())
            return Position {};
        const qsizetype colon = text.indexOf(u':');
        bool ok = false;
        const qint64 seq = colon > 0 ? text.left(colon).toLongLong(&ok) : -1;
        const QString id = text.mid(colon + 1);
        if (!ok || seq < 0 || id.isEmpty() || id.size() > 64)
            return std::nullopt;
        return Position {seq, id};
    }
};

} // namespace

Expected<sync::ConflictsPage> RecordStore::conflicts(const Caller& caller, const QString& after, int limit)
{
    ScopeCache scopes(m_db);
    return openConflicts(caller, scopes, after, limit);
}

Expected<sync::ConflictsPage> RecordStore::openConflicts(const Caller& caller, ScopeCache& scopes, const QString& after,
                                                         int limit)
{
    std::optional<Position> from = Position::parse(after);
    if (!from)
        return Failure {sync::error_code::MalformedRequest,
                        QStringLiteral("\"after\" must be a cursor the server gave.")};
    // Raised by this agency's devices (another agency's proposed values are not its to see), of clients it may
    // still see. Which of them it may see is decided here, row by row, so the rows are read in chunks until
    // the page is full or none are left.
    sync::ConflictsPage page;
    bool exhausted = false;
    while (!exhausted && int(page.conflicts.size()) < limit) {
        // The server's side: whoever wrote the version it kept (record_versions); the other: the device.
        auto read = m_db.exec(u"SELECT c.id, c.entity, c.uuid, c.field, c.server_value, c.device_value, "
                              "r.client_uuid, c.created_seq, rv.user_login, sd.name, su.agency_code, sa.name, "
                              "rv.written_at, d.name, d.user_login, ua.name, c.raised_at, c.device_id, rv.device_id "
                              "FROM conflicts c "
                              "JOIN records r ON r.entity = c.entity AND r.uuid = c.uuid "
                              "JOIN devices d ON d.id = c.device_id JOIN users u ON u.login = d.user_login "
                              "JOIN agencies ua ON ua.code = u.agency_code "
                              "LEFT JOIN record_versions rv ON rv.entity = c.entity AND rv.uuid = c.uuid "
                              "AND rv.version = c.server_version "
                              "LEFT JOIN devices sd ON sd.id = rv.device_id "
                              "LEFT JOIN users su ON su.login = rv.user_login "
                              "LEFT JOIN agencies sa ON sa.code = su.agency_code "
                              "WHERE c.resolved_at IS NULL AND u.agency_code = ? "
                              "AND (c.created_seq > ? OR (c.created_seq = ? AND c.id > ?)) "
                              "ORDER BY c.created_seq, c.id LIMIT ?"_qs,
                              {caller.agencyCode, from->seq, from->seq, from->id, limit + 1});
        if (auto* failed = failureOf(read))
            return *failed;
        struct Row
        {
            sync::FieldConflict conflict;
            QString clientUuid;
            Position position;
        };
        std::vector<Row> rows;
        QSqlQuery& query = *std::get<QSqlQuery*>(read);
        while (query.next()) {
            // Another agency's user and workstation stay unnamed: only the agency is said.
            const bool ours = query.value(10).toString() == caller.agencyCode;
            const sync::ConflictSide serverSide {
                ours ? query.value(8).toString() : QString(), ours ? query.value(9).toString() : QString(),
                query.value(11).toString(), query.value(12).toString(), query.value(18).toString() == caller.deviceId};
            const sync::ConflictSide deviceSide {query.value(14).toString(), query.value(13).toString(),
                                                 query.value(15).toString(), query.value(16).toString(),
                                                 query.value(17).toString() == caller.deviceId};
            rows.push_back({{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                             query.value(3).toString(), field_value::fromText(query.value(4).toString()),
                             field_value::fromText(query.value(5).toString()), serverSide, deviceSide},
                            query.value(6).toString(),
                            {query.value(7).toLongLong(), query.value(0).toString()}});
        }
        query.finish();
        exhausted = int(rows.size()) <= limit;
        for (Row& row : rows) {
            if (int(page.conflicts.size()) == limit) {
                page.more = true; // a row is left after a full page
                break;
            }
            from = row.position;
            if (!row.clientUuid.isEmpty()) {
                auto scope = scopes.of(row.clientUuid);
                if (auto* failed = failureOf(scope))
                    return *failed;
                const auto& client = std::get<std::optional<ClientAuthority>>(scope);
                if (!client || !client->visibleTo(caller)
                    || (!client->namesVisibleTo(caller) && sync::restrictedNameFields().contains(row.conflict.field)))
                    continue;
            }
            page.conflicts.push_back(std::move(row.conflict));
        }
    }
    if (page.more)
        page.cursor = from->text();
    return page;
}

} // namespace hearth::server
