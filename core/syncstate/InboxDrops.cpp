#include "core/syncstate/InboxDrops.h"

#include "core/store/ChangeLog.h"
#include "core/store/ClientRepository.h"
#include "core/store/ConsentRepository.h"
#include "core/store/EnrollmentRepository.h"
#include "core/store/ServiceRepository.h"
#include "core/store/Store.h"
#include "core/store/SyncConflictRepository.h"
#include "core/store/SyncStateRepository.h"
#include "core/store/SyncWaitingRepository.h"

namespace hearth::inbox_drops {

Status dropRecord(Store& store, const QString& entity, const QString& uuid, const QDateTime& at)
{
    Status st;
    if (entity == u"client") {
        st = ClientRepository(store).drop(uuid, at);
    } else if (entity == u"enrollment") {
        st = SyncStateRepository(store).removeServerVersionsOfEnrollment(uuid);
        if (st)
            st = ServiceRepository(store).removeOfEnrollment(uuid);
        if (st)
            st = EnrollmentRepository(store).remove(uuid);
    } else if (entity == u"service") {
        st = ServiceRepository(store).remove(uuid);
    } else if (entity == u"consent") {
        st = ConsentRepository(store).removeWithAttachments(uuid);
    }
    if (st)
        st = SyncStateRepository(store).removeServerVersion(uuid);
    if (st)
        st = SyncWaitingRepository(store).remove(uuid);
    if (st)
        st = SyncConflictRepository(store).removeOfEntity(uuid);
    return st;
}

Status dropClient(Store& store, const QString& clientUuid, const QDateTime& at)
{
    // Only what came from the server goes: a row with a change-log row was entered or edited here (and a
    // pulled enrollment holding such a service stays with it). Versions first, while the rows that name
    // them still exist.
    Status st = SyncStateRepository(store).removeServerVersionsOfClient(clientUuid);
    if (st)
        st = ServiceRepository(store).removePulledOfClient(clientUuid);
    if (st)
        st = EnrollmentRepository(store).removePulledOfClient(clientUuid);
    if (st)
        st = ConsentRepository(store).removePulledOfClient(clientUuid);
    if (st)
        st = SyncWaitingRepository(store).removeOfClient(clientUuid);
    if (st)
        st = SyncConflictRepository(store).removeOfClient(clientUuid);
    if (!st)
        return st;
    auto kept = ChangeLog(store).hasLocalWork(clientUuid);
    if (!kept)
        return kept.error();
    if (*kept)
        return {}; // the profile stays with the records that need it
    return dropRecord(store, QStringLiteral("client"), clientUuid, at);
}

} // namespace hearth::inbox_drops
