#pragma once

#include "core/store/LeaseRepository.h"
#include "core/syncstate/SyncState.h"

#include <QString>

#include <optional>

namespace hearth::lease {

/// @p record re-anchored to @p now, the form to keep. A clock set back (now before the last reading
/// seen) moves the contact and unlock times back by as much, so the lease keeps the time it had left
/// instead of starting over; a contact still in the future counts as now. The unregistered start
/// (no contact yet) is the registration time.
LeaseRecord settled(LeaseRecord record, const std::optional<SyncRegistration>& registration, const QDateTime& now);

/// The lease of a settled @p record: applies once registered; runs leaseDays from the later of the last
/// contact and an administrator's unlock.
SyncLease evaluate(const LeaseRecord& record, const std::optional<SyncRegistration>& registration,
                   const QDateTime& now);

/// Why a user without EditAgencySettings may not sign in under an expired @p lease.
QString signInRefusal(const SyncLease& lease);
/// Why client records are closed to an administrator (and to anyone still signed in) under an expired lease.
QString clientBlock(const SyncLease& lease);

} // namespace hearth::lease
