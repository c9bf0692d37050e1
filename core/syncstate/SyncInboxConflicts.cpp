// SyncInbox's conflict bookkeeping: conflicts from push replies and pulls, and which change-log rows
// resolve one (the push names the conflict in `resolves`).
#include "core/store/ChangeLog.h"
#include "core/store/ConsentRepository.h"
#include "core/store/Store.h"
#include "core/store/SyncConflictRepository.h"
#include "core/syncstate/SyncInbox.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

namespace hearth {

namespace {
Result<QString> clientOfConflict(Store& s, const SyncConflict& c)
{
    if (c.entity == u"client" || !c.clientUuid.isEmpty())
        return c.entity == u"client" ? c.entityUuid : c.clientUuid;
    auto owner = ConsentRepository(s).ownerOf(c.entity, c.entityUuid);
    if (!owner)
        return owner.error();
    return *owner ? (*owner)->clientUuid : QString();
}

/// Keeps one reported conflict with its client and the time it was reported; @p changed is set when the
/// store did not know it yet, or now learns more of it (its values, who made each side).
Status saveReported(Store& s, SyncConflictRepository& known, SyncConflict c, const QDateTime& now, bool& changed)
{
    auto found = known.find(c.conflictId);
    if (!found)
        return found.error();
    const auto learns = [&c](const SyncConflict& had) {
        return had.serverValue != c.serverValue || had.deviceValue != c.deviceValue
            || (c.serverSide.known() && had.serverSide.at != c.serverSide.at)
            || (c.deviceSide.known() && had.deviceSide.at != c.deviceSide.at);
    };
    changed |= !found->has_value() || learns(**found);
    auto client = clientOfConflict(s, c);
    if (!client)
        return client.error();
    c.clientUuid = *client;
    c.reportedAt = now;
    return known.save(c);
}
} // namespace

Result<bool> SyncInbox::addConflicts(const std::vector<SyncConflict>& conflicts)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    if (conflicts.empty())
        return false;
    Store& s = m_vault.openStore().store();
    bool changed = false;
    Status st = m_vault.openStore().write([&]() -> Status {
        SyncConflictRepository known(s);
        for (SyncConflict c : conflicts) {
            if (auto saved = saveReported(s, known, c, m_vault.clock().now(), changed); !saved)
                return saved;
        }
        return {};
    });
    if (!st)
        return st.error();
    return changed;
}

Result<bool> SyncInbox::replaceConflicts(const std::vector<SyncConflict>& conflicts)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    Store& s = m_vault.openStore().store();
    bool changed = false;
    Status st = m_vault.openStore().write([&]() -> Status {
        SyncConflictRepository known(s);
        auto resolvedHere = known.pendingResolutions();
        if (!resolvedHere)
            return resolvedHere.error();
        QSet<QString> keep;
        for (SyncConflict c : conflicts) {
            if (resolvedHere->contains(c.conflictId))
                continue;
            keep.insert(c.conflictId);
            if (auto saved = saveReported(s, known, c, m_vault.clock().now(), changed); !saved)
                return saved;
        }
        auto removed = known.removeAllExcept(keep);
        if (!removed)
            return removed.error();
        changed |= *removed > 0;
        return {};
    });
    if (!st)
        return st.error();
    return changed;
}

Result<QHash<qint64, QString>> SyncInbox::resolutionsFor(const std::vector<qint64>& changeSeqs) const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    return SyncConflictRepository(m_vault.openStore().store()).resolutionsFor(changeSeqs);
}

Status SyncInbox::clearDeliveredResolutions()
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    Store& s = m_vault.openStore().store();
    auto pushCursor = ChangeLog(s).cursor(SyncState::pushConsumer());
    if (!pushCursor)
        return pushCursor.error();
    return m_vault.openStore().write([&] { return SyncConflictRepository(s).clearResolutionsThrough(*pushCursor); });
}

} // namespace hearth
