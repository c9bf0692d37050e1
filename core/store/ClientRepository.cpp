#include "core/store/ClientRepository.h"

#include "core/intake/IntakeJson.h"
#include "core/store/JsonColumn.h"
#include "core/store/SqlValues.h"
#include "core/store/Store.h"

namespace hearth {

namespace {
/// NOT NULL name columns: a name that was never typed is stored as ''.
const QString kSelect = QStringLiteral("SELECT data FROM clients WHERE deleted = 0 ");

Error missing()
{
    return makeError(ErrorCode::NotFound, QObject::tr("That client record no longer exists."));
}
} // namespace

Status ClientRepository::insert(const ClientProfile& c)
{
    auto st
        = m_store.db().prepare(QStringLiteral("INSERT INTO clients (uuid, case_number, first_name, last_name, data, "
                                              "created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st->bind(1, c.uuid)
        .bind(2, c.caseNumber)
        .bind(3, orEmpty(c.firstName))
        .bind(4, orEmpty(c.lastName))
        .bind(5, json_column::encode(intake_json::toJson(c)))
        .bind(6, iso(c.createdAt))
        .bind(7, iso(c.updatedAt))
        .bind(8, c.updatedBy);
    return st->run();
}

Status ClientRepository::update(const ClientProfile& c)
{
    auto st = m_store.db().prepare(QStringLiteral("UPDATE clients SET first_name = ?2, last_name = ?3, data = ?4, "
                                                  "updated_at = ?5, updated_by = ?6 WHERE uuid = ?1 AND deleted = 0"));
    if (!st)
        return st.error();
    st->bind(1, c.uuid)
        .bind(2, orEmpty(c.firstName))
        .bind(3, orEmpty(c.lastName))
        .bind(4, json_column::encode(intake_json::toJson(c)))
        .bind(5, iso(c.updatedAt))
        .bind(6, c.updatedBy);
    if (auto r = st->run(); !r)
        return r;
    if (m_store.db().changes() != 1)
        return missing();
    return {};
}

Status ClientRepository::markDeleted(const QString& uuid, const QDateTime& at, const QString& by)
{
    auto st = m_store.db().prepare(QStringLiteral("UPDATE clients SET deleted = 1, first_name = '', last_name = '', "
                                                  "data = '{}', updated_at = ?2, updated_by = ?3 "
                                                  "WHERE uuid = ?1 AND deleted = 0"));
    if (!st)
        return st.error();
    st->bind(1, uuid).bind(2, iso(at)).bind(3, by);
    if (auto r = st->run(); !r)
        return r;
    if (m_store.db().changes() != 1)
        return missing();
    return {};
}

Result<std::optional<ClientProfile>> ClientRepository::find(const QString& uuid) const
{
    auto st = m_store.db().prepare(kSelect + QStringLiteral("AND uuid = ?"));
    if (!st)
        return st.error();
    st->bind(1, uuid);
    if (st->next())
        return std::optional<ClientProfile>(intake_json::clientFromJson(json_column::decode(st->text(0))));
    if (!st->status())
        return st->status().error();
    return std::optional<ClientProfile>();
}

Result<std::vector<ClientProfile>> ClientRepository::list(int limit) const
{
    auto st = m_store.db().prepare(kSelect + QStringLiteral("ORDER BY last_name, first_name LIMIT ?"));
    if (!st)
        return st.error();
    st->bind(1, qint64(limit));
    std::vector<ClientProfile> out;
    while (st->next())
        out.push_back(intake_json::clientFromJson(json_column::decode(st->text(0))));
    if (!st->status())
        return st->status().error();
    return out;
}

Status ClientRepository::forEachSearchPerson(const std::function<void(const SearchPerson&)>& visit) const
{
    auto st = m_store.db().prepare(
        QStringLiteral("SELECT uuid, first_name, last_name, data FROM clients WHERE deleted = 0"));
    if (!st)
        return st.error();
    SearchPerson p;
    while (st->next()) {
        const QJsonObject data = json_column::decode(st->text(3));
        p.id = st->text(0);
        p.firstName = st->text(1);
        p.lastName = st->text(2);
        p.middleName = data.value(u"MiddleName"_qs).toString();
        p.alias = data.value(u"Alias"_qs).toString();
        const QDate dob = QDate::fromString(data.value(u"DOB"_qs).toString(), Qt::ISODate);
        p.dob = dob.isValid() ? std::optional<QDate>(dob) : std::nullopt;
        p.ssn = data.value(u"SSN"_qs).toString();
        visit(p);
    }
    return st->status();
}

Result<bool> ClientRepository::caseNumberTaken(const QString& caseNumber) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT 1 FROM clients WHERE case_number = ?"));
    if (!st)
        return st.error();
    st->bind(1, caseNumber);
    const bool taken = st->next();
    if (!st->status())
        return st->status().error();
    return taken;
}

Result<QHash<QString, AuditRecordClient>> ClientRepository::clientsOfRecords(const QStringList& recordUuids) const
{
    QHash<QString, AuditRecordClient> out;
    if (recordUuids.isEmpty())
        return out;
    // One primary-key look-up per table for each id: the record is the client, or names its client.
    auto st = m_store.db().prepare(QStringLiteral(
        "SELECT uuid, first_name, last_name, case_number FROM clients WHERE deleted = 0 AND uuid IN (?1, "
        "(SELECT client_uuid FROM enrollments WHERE uuid = ?1), (SELECT client_uuid FROM services WHERE uuid = ?1), "
        "(SELECT client_uuid FROM consents WHERE uuid = ?1))"));
    if (!st)
        return st.error();
    for (const QString& uuid : recordUuids) {
        if (out.contains(uuid))
            continue;
        st->reset();
        st->bind(1, uuid);
        if (st->next())
            out.insert(uuid, {st->text(0), st->text(1), st->text(2), st->text(3)});
        if (!st->status())
            return st->status().error();
    }
    return out;
}

Result<bool> ClientRepository::exists(const QString& uuid) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT 1 FROM clients WHERE uuid = ? AND deleted = 0"));
    if (!st)
        return st.error();
    st->bind(1, uuid);
    const bool found = st->next();
    if (!st->status())
        return st->status().error();
    return found;
}

Result<QSet<QString>> ClientRepository::droppedAmong(const QStringList& uuids) const
{
    QSet<QString> out;
    if (uuids.isEmpty())
        return out;
    auto st = m_store.db().prepare(QStringLiteral("SELECT 1 FROM clients WHERE uuid = ? AND deleted = 1"));
    if (!st)
        return st.error();
    for (const QString& uuid : uuids) {
        st->reset();
        st->bind(1, uuid);
        if (st->next())
            out.insert(uuid);
        if (!st->status())
            return st->status().error();
    }
    return out;
}

Result<bool> ClientRepository::revive(const QString& uuid)
{
    auto st = m_store.db().prepare(QStringLiteral("UPDATE clients SET deleted = 0 WHERE uuid = ? AND deleted = 1"));
    if (!st)
        return st.error();
    st->bind(1, uuid);
    if (auto r = st->run(); !r)
        return r.error();
    return m_store.db().changes() == 1;
}

Status ClientRepository::drop(const QString& uuid, const QDateTime& at)
{
    auto st = m_store.db().prepare(
        QStringLiteral("UPDATE clients SET deleted = 1, first_name = '', last_name = '', data = '{}', "
                       "updated_at = ?2, updated_by = '' WHERE uuid = ?1 AND deleted = 0"));
    if (!st)
        return st.error();
    st->bind(1, uuid).bind(2, at.isValid() ? iso(at) : QStringLiteral("")); // NOT NULL
    return st->run();
}

} // namespace hearth
