// Shared set-up for the intake service tests: a store with a shelter project and helpers to
// create clients and households through the real services.
#pragma once

#include "core/services/ClientRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "core/services/ProjectRecords.h"
#include "core/services/UserAdministration.h"
#include "tests/core/CoreTestSupport.h"

namespace hearth::test {

/// A store whose administrator is signed in, with a night-by-night shelter that opened in 2025.
struct IntakeStore : TestStore
{
    Project shelter;

    IntakeStore()
    {
        create();
        Project p;
        p.name = QStringLiteral("Harbor Night Shelter");
        p.projectType = 1; // ES night-by-night
        p.cocCode = QStringLiteral("CA-504");
        p.fundingSources = {8};
        p.tracksBedNights = true;
        p.operatingStart = QDate(2025, 1, 1);
        auto made = ProjectRecords(*vault).create(p);
        REQUIRE_OK(made);
        shelter = *made;
    }

    QString client(const QString& first, const QString& last)
    {
        auto made = ClientRecords(*vault).create(first, last);
        REQUIRE_OK(made);
        return made->uuid;
    }

    static Enrollment member(const QString& clientUuid, int relationship, QDate entry = QDate(2026, 1, 2))
    {
        Enrollment e;
        e.clientUuid = clientUuid;
        e.relationshipToHoH = relationship;
        e.entryDate = entry;
        return e;
    }

    /// Adds a user whose first password change is done, then signs the administrator back in.
    void addUser(const QString& login, Role role, const QString& password)
    {
        REQUIRE_OK(UserAdministration(*vault).addUser(login, {}, role, kOtherPassword));
        switchTo(login, kOtherPassword);
        REQUIRE_OK(vault->changePassword(kOtherPassword, password));
        switchTo(kAdminLogin, kAdminPassword);
    }
};

} // namespace hearth::test
