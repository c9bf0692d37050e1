// SyncInbox: what a pulled delete or restriction kept here, for an administrator to decide
// (docs/sync.md, "Kept after the server removed them").
#include "core/store/AuditLog.h"
#include "core/store/ClientRepository.h"
#include "core/store/HeldBackRepository.h"
#include "core/store/Store.h"
#include "core/syncstate/InboxDrops.h"
#include "core/syncstate/SyncInbox.h"
#include "core/vault/OpenStore.h"
#include "core/vault/SearchIndex.h"
#include "core/vault/Vault.h"

#include <algorithm>
#include <map>

namespace hearth {

Result<std::vector<HeldBackClient>> SyncInbox::heldBack() const
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st.error();
    Store& s = m_vault.openStore().store();
    auto held = HeldBackRepository(s).all();
    if (!held)
        return held.error();
    std::map<QString, HeldBackClient> byClient;
    for (const HeldBackRecord& r : *held) {
        HeldBackClient& c = byClient[r.clientUuid];
        if (c.records == 0) {
            c.clientUuid = r.clientUuid;
            c.heldAt = r.heldAt;
        }
        ++c.records;
        // A restriction of the whole client says more than a single record's delete.
        if (c.reason.isEmpty() || r.reason == u"restricted")
            c.reason = r.reason;
    }
    std::vector<HeldBackClient> out;
    for (auto& [uuid, client] : byClient) {
        auto profile = ClientRepository(s).find(uuid);
        if (!profile)
            return profile.error();
        if (*profile)
            client.name = QString((*profile)->firstName + u' ' + (*profile)->lastName).trimmed();
        out.push_back(std::move(client));
    }
    std::sort(out.begin(), out.end(),
              [](const HeldBackClient& a, const HeldBackClient& b) { return a.heldAt < b.heldAt; });
    return out;
}

Status SyncInbox::discardHeldBack(const QString& clientUuid)
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st;
    if (auto st = m_vault.require(Permission::DeleteClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    Store& s = m_vault.openStore().store();
    bool profileDropped = false;
    Status st = m_vault.openStore().write([&]() -> Status {
        auto held = HeldBackRepository(s).all();
        if (!held)
            return held.error();
        // Children before parents: services, then stays and releases, the profile last.
        const QStringList order {u"service"_qs, u"enrollment"_qs, u"consent"_qs, u"client"_qs};
        int removed = 0;
        for (const QString& entity : order)
            for (const HeldBackRecord& r : *held)
                if (r.clientUuid == clientUuid && r.entity == entity) {
                    if (auto dropped = inbox_drops::dropRecord(s, r.entity, r.entityUuid, now); !dropped)
                        return dropped;
                    ++removed;
                    profileDropped |= entity == u"client";
                }
        if (removed == 0)
            return makeError(ErrorCode::NotFound, QObject::tr("Nothing is kept for this client any more."));
        if (auto released = HeldBackRepository(s).release(clientUuid); !released)
            return released;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::SyncHeldBackDiscarded),
                                               QStringLiteral("client"), clientUuid,
                                               QStringLiteral("%1 kept record(s) deleted here").arg(removed));
    });
    if (st && profileDropped)
        m_vault.searchIndex().remove(clientUuid);
    return st;
}

} // namespace hearth
