#include "tests/gui/consent/ConsentScreensSupport.h"

#include "core/hud/HudCodes.h"
#include "core/services/ConsentRecords.h"
#include "core/services/EnrollmentRecords.h"

namespace hearth::test {

ReleaseOfInformation makeRelease(const QString& clientUuid, SharingChoice choice, const QDate& signedOn,
                                 const QDate& expiresOn)
{
    ReleaseOfInformation r;
    r.clientUuid = clientUuid;
    r.choice = choice;
    r.signedOn = signedOn;
    r.expiresOn = expiresOn.isValid() ? expiresOn : signedOn.addYears(2);
    r.language = QStringLiteral("en");
    if (choice == SharingChoice::LimitedSharing) {
        r.categories = ShareCategories(ShareCategory::IdentifyingProfile) | ShareCategory::EnrollmentsAndServices;
        r.partnerAgencies = {QStringLiteral("Harbor Health")};
    }
    return r;
}

ClientProfile consentedClient(Vault& vault, const QString& first, const QString& last, SharingChoice choice,
                              const QDate& signedOn, const QDate& expiresOn)
{
    ClientProfile c;
    c.firstName = first;
    c.lastName = last;
    c.nameDataQuality = 1;
    c.dob = QDate(1980, 3, 14);
    c.dobDataQuality = 1;
    auto created = ConsentRecords(vault).createClient(c, makeRelease({}, choice, signedOn, expiresOn));
    INFO((created ? QString() : created.message()).toStdString());
    REQUIRE(created.ok());
    return created.value();
}

Enrollment enrollAlone(Vault& vault, const QString& projectUuid, const QString& clientUuid, const QDate& entry)
{
    Enrollment e;
    e.clientUuid = clientUuid;
    e.relationshipToHoH = hud::Relationship::Self;
    e.entryDate = entry;
    auto enrolled = EnrollmentRecords(vault).enrollHousehold(projectUuid, {e});
    INFO((enrolled ? QString() : enrolled.message()).toStdString());
    REQUIRE(enrolled.ok());
    return enrolled->front();
}

} // namespace hearth::test
