#pragma once

#include "core/consent/Consent.h"
#include "core/intake/ClientProfile.h"
#include "tests/gui/intake/IntakeGuiSupport.h"

namespace hearth::test {

/// A release of @p choice signed on @p signedOn, expiring on @p expiresOn (two years later when not
/// given). Limited Sharing covers the identifying profile and enrollments, with "Harbor Health".
ReleaseOfInformation makeRelease(const QString& clientUuid, SharingChoice choice, const QDate& signedOn,
                                 const QDate& expiresOn = {});

/// A client created with their first HMIS release through ConsentRecords::createClient.
ClientProfile consentedClient(Vault& vault, const QString& first, const QString& last, SharingChoice choice,
                              const QDate& signedOn = QDate(2026, 1, 2), const QDate& expiresOn = {});

/// Enrolls @p clientUuid alone into @p projectUuid on @p entry through EnrollmentRecords.
Enrollment enrollAlone(Vault& vault, const QString& projectUuid, const QString& clientUuid, const QDate& entry);

} // namespace hearth::test
