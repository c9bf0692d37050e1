#include "core/store/HeldBackRepository.h"

#include "core/store/SqlValues.h"
#include "core/store/Store.h"

namespace hearth {

Result<int> HeldBackRepository::holdClient(const QString& clientUuid, const QDateTime& at)
{
    // What is still here of the client after a restriction was entered or edited here (or carries what was).
    const QStringList sql {
        QStringLiteral("INSERT OR IGNORE INTO sync_held_back SELECT uuid, 'service', client_uuid, 'restricted', ?2 "
                       "FROM services WHERE client_uuid = ?1"),
        QStringLiteral("INSERT OR IGNORE INTO sync_held_back SELECT uuid, 'enrollment', client_uuid, 'restricted', "
                       "?2 FROM enrollments WHERE client_uuid = ?1"),
        QStringLiteral("INSERT OR IGNORE INTO sync_held_back SELECT uuid, 'consent', client_uuid, 'restricted', ?2 "
                       "FROM consents WHERE client_uuid = ?1"),
        QStringLiteral("INSERT OR IGNORE INTO sync_held_back SELECT uuid, 'client', uuid, 'restricted', ?2 "
                       "FROM clients WHERE uuid = ?1 AND deleted = 0"),
    };
    int held = 0;
    for (const QString& statement : sql) {
        auto st = m_store.db().prepare(statement);
        if (!st)
            return st.error();
        st->bind(1, clientUuid).bind(2, iso(at));
        if (auto r = st->run(); !r)
            return r.error();
        held += int(m_store.db().changes());
    }
    return held;
}

Status HeldBackRepository::hold(const QString& entity, const QString& entityUuid, const QString& clientUuid,
                                const QString& reason, const QDateTime& at)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT OR IGNORE INTO sync_held_back (entity_uuid, entity, "
                                                  "client_uuid, reason, held_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
    if (!st)
        return st.error();
    st->bind(1, entityUuid).bind(2, entity).bind(3, clientUuid).bind(4, reason).bind(5, iso(at));
    return st->run();
}

Result<std::vector<HeldBackRecord>> HeldBackRepository::all() const
{
    auto st = m_store.db().prepare(QStringLiteral(
        "SELECT entity_uuid, entity, client_uuid, reason, held_at FROM sync_held_back ORDER BY held_at, entity_uuid"));
    if (!st)
        return st.error();
    std::vector<HeldBackRecord> out;
    while (st->next())
        out.push_back({st->text(0), st->text(1), st->text(2), st->text(3),
                       QDateTime::fromString(st->text(4), Qt::ISODateWithMs)});
    if (!st->status())
        return st->status().error();
    return out;
}

Result<QHash<QString, QDateTime>> HeldBackRepository::heldRecords() const
{
    auto held = all();
    if (!held)
        return held.error();
    QHash<QString, QDateTime> out;
    for (const HeldBackRecord& r : *held)
        out.insert(r.entityUuid, r.heldAt);
    return out;
}

Result<QHash<QString, QDateTime>> HeldBackRepository::heldClients() const
{
    auto held = all();
    if (!held)
        return held.error();
    QHash<QString, QDateTime> out;
    for (const HeldBackRecord& r : *held)
        if (r.reason == u"restricted")
            out.insert(r.clientUuid, r.heldAt);
    return out;
}

Status HeldBackRepository::release(const QString& clientUuid)
{
    return m_store.db().exec(QStringLiteral("DELETE FROM sync_held_back WHERE client_uuid = ?1"), clientUuid);
}

} // namespace hearth
