#include "store/ClientRepository.h"

#include "store/Store.h"

namespace hearth {

namespace {
QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

ClientRecord readClient(const Statement& st)
{
    return {st.text(0),
            st.text(1),
            st.text(2),
            QDateTime::fromString(st.text(3), Qt::ISODateWithMs),
            QDateTime::fromString(st.text(4), Qt::ISODateWithMs),
            st.text(5)};
}

const QString kSelect = QStringLiteral(
    "SELECT uuid, first_name, last_name, created_at, updated_at, updated_by FROM clients WHERE deleted = 0 ");
} // namespace

Status ClientRepository::insert(const ClientRecord& c)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT INTO clients (uuid, first_name, last_name, created_at, "
                                                  "updated_at, updated_by) VALUES (?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st->bind(1, c.uuid)
        .bind(2, c.firstName)
        .bind(3, c.lastName)
        .bind(4, iso(c.createdAt))
        .bind(5, iso(c.updatedAt))
        .bind(6, c.updatedBy);
    return st->run();
}

Status ClientRepository::update(const ClientRecord& c)
{
    auto st = m_store.db().prepare(QStringLiteral("UPDATE clients SET first_name = ?2, last_name = ?3, "
                                                  "updated_at = ?4, updated_by = ?5 WHERE uuid = ?1 AND deleted = 0"));
    if (!st)
        return st.error();
    st->bind(1, c.uuid).bind(2, c.firstName).bind(3, c.lastName).bind(4, iso(c.updatedAt)).bind(5, c.updatedBy);
    if (auto r = st->run(); !r)
        return r;
    if (m_store.db().changes() != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("The client record no longer exists."));
    return {};
}

Status ClientRepository::markDeleted(const QString& uuid, const QDateTime& at, const QString& by)
{
    auto st = m_store.db().prepare(QStringLiteral("UPDATE clients SET deleted = 1, first_name = '', last_name = '', "
                                                  "updated_at = ?2, updated_by = ?3 WHERE uuid = ?1 AND deleted = 0"));
    if (!st)
        return st.error();
    st->bind(1, uuid).bind(2, iso(at)).bind(3, by);
    if (auto r = st->run(); !r)
        return r;
    if (m_store.db().changes() != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("The client record no longer exists."));
    return {};
}

Result<std::optional<ClientRecord>> ClientRepository::find(const QString& uuid) const
{
    auto st = m_store.db().prepare(kSelect + QStringLiteral("AND uuid = ?"));
    if (!st)
        return st.error();
    st->bind(1, uuid);
    if (st->next())
        return std::optional<ClientRecord>(readClient(*st));
    if (!st->status())
        return st->status().error();
    return std::optional<ClientRecord>();
}

Result<std::vector<ClientRecord>> ClientRepository::list(int limit) const
{
    auto st = m_store.db().prepare(kSelect + QStringLiteral("ORDER BY last_name, first_name LIMIT ?"));
    if (!st)
        return st.error();
    st->bind(1, qint64(limit));
    std::vector<ClientRecord> out;
    while (st->next())
        out.push_back(readClient(*st));
    if (!st->status())
        return st->status().error();
    return out;
}

} // namespace hearth
