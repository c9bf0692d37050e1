#include "core/store/SyncWaitingRepository.h"

#include "core/store/JsonColumn.h"
#include "core/store/Store.h"

namespace hearth {

Status SyncWaitingRepository::save(const InboundRecord& r, const QString& clientUuid)
{
    auto st = m_store.db().prepare(QStringLiteral(
        "INSERT OR REPLACE INTO sync_inbox_waiting (entity_uuid, entity, client_uuid, operation, version, "
        "server_seq, fields) VALUES (?,?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st->bind(1, r.uuid)
        .bind(2, r.entity)
        .bind(3, clientUuid.isNull() ? QStringLiteral("") : clientUuid)
        .bind(4, r.operation)
        .bind(5, r.version)
        .bind(6, r.serverSeq)
        .bind(7, json_column::encode(r.fields));
    return st->run();
}

Result<std::vector<InboundRecord>> SyncWaitingRepository::all() const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT entity_uuid, entity, operation, version, server_seq, "
                                                  "fields FROM sync_inbox_waiting ORDER BY server_seq"));
    if (!st)
        return st.error();
    std::vector<InboundRecord> out;
    while (st->next())
        out.push_back(
            {st->integer(4), st->text(1), st->text(0), st->text(2), json_column::decode(st->text(5)), st->integer(3)});
    if (!st->status())
        return st->status().error();
    return out;
}

Status SyncWaitingRepository::remove(const QString& entityUuid)
{
    return m_store.db().exec(QStringLiteral("DELETE FROM sync_inbox_waiting WHERE entity_uuid = ?"), entityUuid);
}

Status SyncWaitingRepository::removeOfClient(const QString& clientUuid)
{
    return m_store.db().exec(
        QStringLiteral("DELETE FROM sync_inbox_waiting WHERE client_uuid = ?1 OR entity_uuid = ?1"), clientUuid);
}

} // namespace hearth
