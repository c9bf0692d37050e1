#include "core/syncstate/SyncState.h"

#include "core/consent/ConsentPolicy.h"
#include "core/services/RecordSupport.h"
#include "core/store/ChangeLog.h"
#include "core/store/ConsentRepository.h"
#include "core/store/KeyValueRepositories.h"
#include "core/store/Store.h"
#include "core/store/SyncStateRepository.h"
#include "core/vault/Locked.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

#include <QSet>

#include <algorithm>

namespace hearth {

namespace {
const QString kDeviceIdKey = QStringLiteral("sync_device_public_id");
const QString kAuditType = QStringLiteral("sync");
} // namespace

Result<QString> SyncState::devicePublicId()
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    QString id;
    auto st = m_vault.openStore().write([&]() -> Status {
        MetaRepository meta(m_vault.openStore().store());
        auto existing = meta.get(kDeviceIdKey);
        if (!existing)
            return existing.error();
        if (!existing->isEmpty()) {
            id = QString::fromUtf8(*existing);
            return {};
        }
        id = records::newId();
        return meta.set(kDeviceIdKey, id.toUtf8());
    });
    if (!st)
        return st.error();
    return id;
}

Result<std::optional<SyncRegistration>> SyncState::registration() const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    return SyncStateRepository(m_vault.openStore().store()).registration();
}

Result<std::optional<SyncRegistration>> SyncState::registrationForStatusCheck() const
{
    // No client data: a revoked workstation must learn it even while client records are closed.
    if (m_vault.state() != Vault::State::Unlocked || !m_vault.user() || !m_vault.openStore().isOpen())
        return lockedError();
    return SyncStateRepository(m_vault.openStore().store()).registration();
}

Status SyncState::saveRegistration(const SyncRegistration& registration)
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st;
    return m_vault.openStore().write([&]() -> Status {
        if (auto st = SyncStateRepository(m_vault.openStore().store()).saveRegistration(registration); !st)
            return st;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::SyncRegister), kAuditType,
                                               registration.deviceId,
                                               QStringLiteral("agency %1").arg(registration.agency));
    });
}

Status SyncState::forgetToken()
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    return m_vault.openStore().write([&]() -> Status {
        SyncStateRepository repo(m_vault.openStore().store());
        auto current = repo.registration();
        if (!current)
            return current.error();
        if (!current->has_value())
            return {};
        SyncRegistration r = **current;
        r.token.clear();
        r.tokenExpiresAt = {};
        return repo.saveRegistration(r);
    });
}

Result<qint64> SyncState::pushCursor() const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    return ChangeLog(m_vault.openStore().store()).cursor(pushConsumer());
}

Result<std::vector<ChangeRecord>> SyncState::pendingChanges(int limit) const
{
    auto cursor = pushCursor();
    if (!cursor)
        return cursor.error();
    return changesAfter(*cursor, limit);
}

Result<std::vector<ChangeRecord>> SyncState::changesAfter(qint64 seq, int limit) const
{
    return ChangeLog(m_vault.openStore().store()).readAfter(seq, limit);
}

Result<qint64> SyncState::pendingCount() const
{
    auto cursor = pushCursor();
    if (!cursor)
        return cursor.error();
    return SyncStateRepository(m_vault.openStore().store()).changeCountAfter(*cursor);
}

Result<PendingChanges> SyncState::pendingByConsent() const
{
    auto cursor = pushCursor();
    if (!cursor)
        return cursor.error();
    auto counts = SyncStateRepository(m_vault.openStore().store()).changeCountsByClientAfter(*cursor);
    if (!counts)
        return counts.error();
    QStringList clients = counts->keys();
    clients.removeAll(QString());
    // Standings only, read here rather than through ConsentRecords: the count is no client data, and the
    // status bar shows it while client records are closed (a compliance block, an expired lease) too.
    auto histories = ConsentRepository(m_vault.openStore().store()).forClients(clients);
    if (!histories)
        return histories.error();
    const QDate today = m_vault.clock().today();
    PendingChanges out;
    for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
        const auto history = histories->constFind(it.key());
        const bool kept
            = !it.key().isEmpty() && (history == histories->cend() || !consentStatus(history.value(), today).shares());
        (kept ? out.keptHere : out.offered) += it.value();
    }
    return out;
}

Result<QHash<QString, qint64>> SyncState::serverVersions(const QStringList& entityUuids) const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    return SyncStateRepository(m_vault.openStore().store()).serverVersions(entityUuids);
}

Status SyncState::recordPushed(qint64 throughSeq, const std::vector<ServerVersion>& versions, int sent,
                               const std::vector<Redelivery>& redeliveries)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write([&]() -> Status {
        SyncStateRepository repo(m_vault.openStore().store());
        if (auto st = repo.saveServerVersions(versions); !st)
            return st;
        for (const Redelivery& r : redeliveries)
            if (auto st = repo.queueRedelivery(r); !st)
                return st;
        if (auto st = ChangeLog(m_vault.openStore().store()).advanceCursor(pushConsumer(), throughSeq, now); !st)
            return st;
        if (sent == 0)
            return {};
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::SyncUpload), kAuditType, {},
                                               QStringLiteral("%1 changes through %2").arg(sent).arg(throughSeq));
    });
}

Result<std::vector<Redelivery>> SyncState::redeliveries() const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    return SyncStateRepository(m_vault.openStore().store()).redeliveries();
}

Result<std::vector<ChangeRecord>> SyncState::latestChangesOf(const QString& clientUuid) const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    auto uuids = SyncStateRepository(m_vault.openStore().store()).recordsOfClient(clientUuid);
    if (!uuids)
        return uuids.error();
    auto history = ChangeLog(m_vault.openStore().store()).forEntities(*uuids, 100000);
    if (!history)
        return history.error();
    // Newest first: the first row of each record is its current state.
    QSet<QString> seen;
    std::vector<ChangeRecord> out;
    for (ChangeRecord& c : *history) {
        if (seen.contains(c.entityUuid))
            continue;
        seen.insert(c.entityUuid);
        out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end(), [](const ChangeRecord& a, const ChangeRecord& b) { return a.seq < b.seq; });
    return out;
}

Result<qint64> SyncState::firstChangeOf(const QString& clientUuid) const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    return SyncStateRepository(m_vault.openStore().store()).firstChangeOfClient(clientUuid);
}

Status SyncState::finishRedelivery(const QString& clientUuid, const std::vector<ServerVersion>& versions, int sent)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    return m_vault.openStore().write([&]() -> Status {
        SyncStateRepository repo(m_vault.openStore().store());
        if (auto st = repo.saveServerVersions(versions); !st)
            return st;
        if (auto st = repo.removeRedelivery(clientUuid); !st)
            return st;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::SyncUpload), QStringLiteral("client"),
                                               clientUuid, QStringLiteral("re-delivered %1 records").arg(sent));
    });
}

Result<SyncOutcome> SyncState::outcome() const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    return SyncStateRepository(m_vault.openStore().store()).outcome();
}

Status SyncState::recordSuccess()
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write(
        [&] { return SyncStateRepository(m_vault.openStore().store()).recordContact(now, true); });
}

Status SyncState::recordFailure(const QString& code, const QString& message, bool reachedServer)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write([&]() -> Status {
        SyncStateRepository repo(m_vault.openStore().store());
        if (reachedServer)
            if (auto st = repo.recordContact(now, false); !st)
                return st;
        return repo.recordError(now, code, message);
    });
}

Status SyncState::recordRefusal(const QString& message, int changeCount)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write([&]() -> Status {
        if (auto st = SyncStateRepository(m_vault.openStore().store())
                          .recordError(now, QStringLiteral("refused-marker"), message);
            !st)
            return st;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::SyncRefusedMarker), kAuditType, {},
                                               QStringLiteral("batch of %1 changes not sent").arg(changeCount));
    });
}

Status SyncState::recordRestrictionDelivered(const QString& requestUuid)
{
    return closeRestriction(requestUuid, {});
}

Status SyncState::closeRestriction(const QString& requestUuid, const QString& detail)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write([&]() -> Status {
        if (auto st = ConsentRepository(m_vault.openStore().store()).markRestrictionDelivered(requestUuid, now); !st)
            return st;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::SyncRestriction),
                                               QStringLiteral("restriction"), requestUuid, detail);
    });
}

Status SyncState::recordSending(qint64 throughSeq)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write([&]() -> Status {
        ChangeLog log(m_vault.openStore().store());
        auto sent = log.cursor(sentConsumer());
        if (!sent)
            return sent.error();
        if (throughSeq <= *sent)
            return {}; // a batch sent again (a retry, a re-delivery) moves nothing
        return log.advanceCursor(sentConsumer(), throughSeq, now);
    });
}

Result<bool> SyncState::reachedServer(const QString& clientUuid) const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    SyncStateRepository repo(m_vault.openStore().store());
    auto versions = repo.serverVersions({clientUuid});
    if (!versions)
        return versions.error();
    if (!versions->isEmpty())
        return true;
    // Before this row existed (stores from earlier versions), the push cursor is the best record of what left.
    auto sent = ChangeLog(m_vault.openStore().store()).cursor(sentConsumer());
    auto pushed = ChangeLog(m_vault.openStore().store()).cursor(pushConsumer());
    if (!sent || !pushed)
        return (!sent ? sent : pushed).error();
    auto first = repo.firstChangeOfClient(clientUuid);
    if (!first)
        return first.error();
    return *first > 0 && *first <= std::max(*sent, *pushed);
}

Status SyncState::recordRestrictionUnneeded(const QString& requestUuid)
{
    return closeRestriction(requestUuid, QStringLiteral("not sent: nothing of the client reached the server"));
}

} // namespace hearth
