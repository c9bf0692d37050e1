// Shared set-up for the consent service tests: an intake store plus releases recorded through the
// real ConsentRecords service.
#pragma once

#include "core/services/ConsentRecords.h"
#include "core/store/ChangeLog.h"
#include "core/store/Store.h"
#include "tests/core/IntakeTestSupport.h"

namespace hearth::test {

/// A release of @p choice signed today; Limited Sharing names one category and one agency.
inline ReleaseOfInformation releaseFor(const QString& clientUuid, SharingChoice choice, QDate signedOn)
{
    ReleaseOfInformation r;
    r.clientUuid = clientUuid;
    r.choice = choice;
    r.signedOn = signedOn;
    r.language = QStringLiteral("en");
    if (choice == SharingChoice::LimitedSharing) {
        r.categories = ShareCategory::EnrollmentsAndServices;
        r.partnerAgencies = {QStringLiteral("Coastal Outreach")};
    }
    return r;
}

struct ConsentStore : IntakeStore
{
    /// Records a release through the service, one minute after the last change.
    ReleaseOfInformation record(const QString& clientUuid, SharingChoice choice,
                                std::optional<bool> includePastRecords = std::nullopt)
    {
        clock.advanceSeconds(60);
        ReleaseOfInformation r = releaseFor(clientUuid, choice, clock.today());
        r.includePastRecords = includePastRecords;
        auto made = ConsentRecords(*vault).record(r);
        REQUIRE_OK(made);
        return *made;
    }

    ConsentStatus status(const QString& clientUuid)
    {
        auto st = ConsentRecords(*vault).status(clientUuid);
        REQUIRE_OK(st);
        return *st;
    }

    QString enroll(const QString& clientUuid, const QString& projectUuid, QDate entry = QDate(2026, 1, 2))
    {
        auto made = EnrollmentRecords(*vault).enrollHousehold(projectUuid, {member(clientUuid, 1, entry)});
        REQUIRE_OK(made);
        return made->front().uuid;
    }

    /// Every change-log row, read the way the sync module reads it (signs the user out and back in).
    std::vector<ChangeRecord> changeLog()
    {
        const QString login = vault->user()->login;
        vault->signOut();
        std::vector<ChangeRecord> out;
        {
            auto store = Store::open(databasePath(), dataKey());
            REQUIRE_OK(store);
            auto changes = ChangeLog(**store).readAfter(0, 100000);
            REQUIRE_OK(changes);
            out = std::move(changes).value();
        }
        REQUIRE(login == kAdminLogin);
        REQUIRE_OK(vault->signIn(kAdminLogin, kAdminPassword));
        return out;
    }
};

} // namespace hearth::test
