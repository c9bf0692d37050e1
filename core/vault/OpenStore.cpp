#include "core/vault/OpenStore.h"

#include "core/store/AuditLog.h"
#include "core/store/ChangeLog.h"
#include "core/store/Store.h"
#include "core/vault/Locked.h"

#include <QObject>

namespace hearth {

OpenStore::OpenStore(const Clock& clock, const std::optional<SessionUser>& user)
    : m_clock(clock)
    , m_user(user)
{
}

OpenStore::~OpenStore() = default;

Store& OpenStore::store() const
{
    Q_ASSERT(m_store);
    return *m_store;
}

void OpenStore::open(std::unique_ptr<Store> store)
{
    m_store = std::move(store);
}

void OpenStore::close()
{
    m_store.reset();
}

Status OpenStore::write(const std::function<Status()>& work)
{
    if (!m_store)
        return lockedError();
    return m_store->transaction(work);
}

Status OpenStore::appendAudit(const QString& action, const QString& recordType, const QString& recordUuid,
                              const QString& detail)
{
    if (!m_store)
        return lockedError();
    const QString who = m_user ? m_user->login : QStringLiteral("(system)");
    return AuditLog(*m_store).append({0, m_clock.now(), who, action, recordType, recordUuid, detail});
}

Status OpenStore::recordChange(const QString& entity, const QString& uuid, const QString& operation,
                               const QJsonObject& fields, const char* auditAction, const QString& detail)
{
    if (!m_store || !m_user)
        return lockedError();
    const QDateTime now = m_clock.now();
    if (auto st = ChangeLog(*m_store).append({0, entity, uuid, operation, now, m_user->login, fields}); !st)
        return st;
    return appendAudit(QString::fromLatin1(auditAction), entity, uuid, detail);
}

Status OpenStore::recordAudit(const QString& action, const QString& recordType, const QString& recordUuid,
                              const QString& detail)
{
    return write([&] { return appendAudit(action, recordType, recordUuid, detail); });
}

} // namespace hearth
