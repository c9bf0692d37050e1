#include "core/vault/OfflineLease.h"

#include "core/common/DisplayDates.h"

#include <QObject>

namespace hearth::lease {

namespace {
void moveBack(std::optional<QDateTime>& t, qint64 seconds, const QDateTime& now)
{
    if (!t)
        return;
    *t = t->addSecs(-seconds);
    if (*t > now)
        *t = now;
}

QString ranOut(const SyncLease& lease)
{
    const QString since = lease.lastContactAt ? displayDate(lease.lastContactAt->toLocalTime().date()) : QString();
    const QString days = lease.leaseDays == 1 ? QObject::tr("1 day") : QObject::tr("%1 days").arg(lease.leaseDays);
    return QObject::tr("This workstation has not reached the agency server since %1; its offline lease of %2 has run "
                       "out.")
        .arg(since, days);
}
} // namespace

LeaseRecord settled(LeaseRecord record, const std::optional<SyncRegistration>& registration, const QDateTime& now)
{
    if (!record.contactAt && registration)
        record.contactAt = registration->registeredAt.isValid() ? registration->registeredAt : now;
    const qint64 setBack = record.seenAt && *record.seenAt > now ? now.secsTo(*record.seenAt) : 0;
    moveBack(record.contactAt, setBack, now);
    moveBack(record.unlockedAt, setBack, now);
    record.seenAt = now;
    return record;
}

SyncLease evaluate(const LeaseRecord& record, const std::optional<SyncRegistration>& registration, const QDateTime& now)
{
    SyncLease lease;
    lease.applies = registration.has_value();
    if (!lease.applies)
        return lease;
    lease.leaseDays = std::max(1, record.leaseDays.value_or(registration->leaseDays));
    lease.lastContactAt = record.contactAt;
    QDateTime start = record.contactAt.value_or(now);
    if (record.unlockedAt && *record.unlockedAt > start)
        start = *record.unlockedAt;
    lease.expiresAt = start.addDays(lease.leaseDays);
    lease.expired = now >= lease.expiresAt;
    return lease;
}

QString signInRefusal(const SyncLease& lease)
{
    return ranOut(lease) + u' ' + QObject::tr("An administrator must sign in to unlock it.");
}

QString clientBlock(const SyncLease& lease)
{
    return ranOut(lease) + u' '
        + QObject::tr("Client records stay closed until it syncs with the server or an administrator unlocks it on "
                      "the Sync page.");
}

} // namespace hearth::lease
