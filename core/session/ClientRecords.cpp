#include "session/ClientRecords.h"

#include "session/Vault.h"
#include "store/ChangeLog.h"
#include "store/Store.h"

#include <QUuid>

namespace hearth {

namespace {
const QString kEntity = QStringLiteral("client");

QJsonObject fieldsOf(const ClientRecord& c)
{
    return {{u"firstName"_qs, c.firstName},
            {u"lastName"_qs, c.lastName},
            {u"createdAt"_qs, c.createdAt.toUTC().toString(Qt::ISODateWithMs)},
            {u"updatedAt"_qs, c.updatedAt.toUTC().toString(Qt::ISODateWithMs)},
            {u"updatedBy"_qs, c.updatedBy}};
}

Status requireName(const QString& first, const QString& last)
{
    if (first.trimmed().isEmpty() && last.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QObject::tr("Enter at least a first or a last name."));
    return {};
}
} // namespace

Result<ClientRecord> ClientRecords::create(const QString& firstName, const QString& lastName)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    if (auto st = requireName(firstName, lastName); !st)
        return st.error();
    const QDateTime now = m_vault.clock().now();
    ClientRecord c {QUuid::createUuid().toString(QUuid::WithoutBraces),
                    firstName.trimmed(),
                    lastName.trimmed(),
                    now,
                    now,
                    m_vault.user()->login};
    Status st = m_vault.write([&]() -> Status {
        Store& s = *m_vault.store();
        if (auto r = ClientRepository(s).insert(c); !r)
            return r;
        if (auto r = ChangeLog(s).append({0, kEntity, c.uuid, QStringLiteral("insert"), now, c.updatedBy, fieldsOf(c)});
            !r)
            return r;
        return m_vault.appendAudit(QString::fromLatin1(audit::RecordCreate), kEntity, c.uuid);
    });
    if (!st)
        return st.error();
    return c;
}

Status ClientRecords::update(const ClientRecord& input)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    if (auto st = requireName(input.firstName, input.lastName); !st)
        return st;
    ClientRecord c = input;
    c.firstName = c.firstName.trimmed();
    c.lastName = c.lastName.trimmed();
    c.updatedAt = m_vault.clock().now();
    c.updatedBy = m_vault.user()->login;
    return m_vault.write([&]() -> Status {
        Store& s = *m_vault.store();
        if (auto r = ClientRepository(s).update(c); !r)
            return r;
        if (auto r = ChangeLog(s).append(
                {0, kEntity, c.uuid, QStringLiteral("update"), c.updatedAt, c.updatedBy, fieldsOf(c)});
            !r)
            return r;
        return m_vault.appendAudit(QString::fromLatin1(audit::RecordEdit), kEntity, c.uuid);
    });
}

Status ClientRecords::remove(const QString& uuid)
{
    if (auto st = m_vault.require(Permission::DeleteClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    const QString by = m_vault.user()->login;
    return m_vault.write([&]() -> Status {
        Store& s = *m_vault.store();
        if (auto r = ClientRepository(s).markDeleted(uuid, now, by); !r)
            return r;
        if (auto r = ChangeLog(s).append({0, kEntity, uuid, QStringLiteral("delete"), now, by, {}}); !r)
            return r;
        return m_vault.appendAudit(QString::fromLatin1(audit::RecordDelete), kEntity, uuid);
    });
}

Result<ClientRecord> ClientRecords::open(const QString& uuid)
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    auto found = ClientRepository(*m_vault.store()).find(uuid);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, QObject::tr("That client record no longer exists."));
    if (auto st = m_vault.recordAudit(QString::fromLatin1(audit::RecordView), kEntity, uuid); !st)
        return st.error();
    return **found;
}

Result<std::vector<ClientRecord>> ClientRecords::list(int limit) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    return ClientRepository(*m_vault.store()).list(limit);
}

} // namespace hearth
