#include "core/intake/AnonymousProfiles.h"

#include "core/hud/HudCodes.h"
#include "core/intake/DateOfBirth.h"

#include <QCoreApplication>

namespace hearth {

namespace {

struct AnonymousProfilesText
{
    Q_DECLARE_TR_FUNCTIONS(AnonymousProfiles)
};

} // namespace

const QList<AnonymousProfile>& anonymousProfiles()
{
    using Names = AnonymousProfile::Names;
    static const QList<AnonymousProfile> profiles {
        // HUD-clean: store nothing invented. Every identifying element is empty and its data quality
        // says why, which is exactly what HUD reports expect from a client who declines.
        {QStringLiteral("hud-clean"), AnonymousProfilesText::tr("No identifying data (HUD default)"),
         AnonymousProfilesText::tr(
             "Stores no name, SSN or invented date of birth: each is left empty with \u201cClient prefers not to "
             "answer\u201d. An age the client gives becomes an approximate date of birth on 1 January."),
         Names::Empty, hud::ClientPrefersNotToAnswer, hud::ClientPrefersNotToAnswer, hud::ClientPrefersNotToAnswer,
         false, std::nullopt},
        // Sonoma County HMIS Anonymous Client Entry Guide (April 2025). Two deliberate differences:
        // - The guide types SSN 123456789 with "prefers not to answer". That number breaks the SSA
        //   rules (a sequence), collides for every anonymous client in duplicate checks and contradicts
        //   its own data quality, so the SSN is left empty with data quality 9, which reports the same.
        // - The guide moves the 1 January date "up or down a year or two"; Hearth keeps the age the
        //   client gave, since a random shift only makes the data less accurate (and can turn a
        //   17-year-old into an adult). Its step text says DOB quality "Approximate or partial"
        //   (its screenshot shows "prefers not to answer"); the step text is followed.
        {QStringLiteral("sonoma"),
         AnonymousProfilesText::tr("Sonoma County (first name \u201cClient\u201d, last name the case number)"),
         AnonymousProfilesText::tr(
             "Follows the Sonoma County HMIS Anonymous Client Entry Guide: first name \u201cClient\u201d, last name "
             "the case number, name, SSN and veteran status \u201cClient prefers not to answer\u201d, an approximate "
             "date of birth on 1 January of the year the client's age gives. The guide's placeholder SSN 123456789 is "
             "not stored: the SSN stays empty, which HUD reports the same way."),
         Names::ClientAndCaseNumber, hud::ClientPrefersNotToAnswer, hud::ClientPrefersNotToAnswer,
         hud::ClientPrefersNotToAnswer, false, hud::ClientPrefersNotToAnswer},
        // CT HMIS "Refusal of ROI - How to Add an Anonymous Client" (Steering Committee, 09/08/2023):
        // names become "Anonymous" with a missing-data name quality ("Client Refused" is FY2026's 9);
        // DOB and SSN are entered if the client agrees, otherwise "Client Refused".
        {QStringLiteral("connecticut"), AnonymousProfilesText::tr("Connecticut (\u201cAnonymous\u201d)"),
         AnonymousProfilesText::tr(
             "Follows the Connecticut HMIS guide for clients who refuse the release of information: first and last "
             "name \u201cAnonymous\u201d with name quality \u201cClient prefers not to answer\u201d. A date of birth "
             "or SSN the client agreed to give is kept; otherwise each is left empty with \u201cClient prefers not to "
             "answer\u201d."),
         Names::Anonymous, hud::ClientPrefersNotToAnswer, hud::ClientPrefersNotToAnswer, hud::ClientPrefersNotToAnswer,
         true, std::nullopt},
    };
    return profiles;
}

std::optional<AnonymousProfile> findAnonymousProfile(const QString& id)
{
    for (const AnonymousProfile& profile : anonymousProfiles()) {
        if (profile.id == id)
            return profile;
    }
    return std::nullopt;
}

Status applyAnonymousProfile(const QString& profileId, ClientProfile& client, const QString& caseNumber, QDate today,
                             std::optional<int> approximateAge)
{
    const auto profile = findAnonymousProfile(profileId);
    if (!profile)
        return makeError(
            ErrorCode::InvalidInput,
            AnonymousProfilesText::tr("There is no anonymous-client profile called \u201c%1\u201d.").arg(profileId));
    if (approximateAge && (*approximateAge < 0 || *approximateAge > dob::kMaximumAge))
        return makeError(
            ErrorCode::InvalidInput,
            AnonymousProfilesText::tr("An approximate age must be between 0 and %1.").arg(dob::kMaximumAge));
    if (profile->names == AnonymousProfile::Names::ClientAndCaseNumber && caseNumber.trimmed().isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            AnonymousProfilesText::tr(
                "This profile uses the case number as the last name; save the client first so it has one."));

    client.middleName.clear();
    client.nameSuffix.clear();
    switch (profile->names) {
    case AnonymousProfile::Names::Empty:
        client.firstName.clear();
        client.lastName.clear();
        break;
    case AnonymousProfile::Names::ClientAndCaseNumber:
        client.firstName = QStringLiteral("Client");
        client.lastName = caseNumber.trimmed();
        break;
    case AnonymousProfile::Names::Anonymous:
        client.firstName = QStringLiteral("Anonymous");
        client.lastName = QStringLiteral("Anonymous");
        break;
    }
    client.nameDataQuality = profile->nameDataQuality;

    const bool keepSsn = profile->keepGivenSsnAndDob && !client.ssn.isEmpty();
    if (!keepSsn) {
        client.ssn.clear();
        client.ssnDataQuality = profile->ssnDataQuality;
    }
    const bool keepDob = profile->keepGivenSsnAndDob && client.dob.has_value();
    if (!keepDob) {
        if (approximateAge) {
            client.dob = dob::fromApproximateAge(*approximateAge, today);
            client.dobDataQuality = hud::DataQuality::Partial;
        } else {
            client.dob.reset();
            client.dobDataQuality = profile->dobDataQualityWithoutAge;
        }
    }
    if (profile->veteranStatus) {
        client.veteranStatus = *profile->veteranStatus;
        client.veteranDetails = HudValues();
    }
    client.anonymousProfile = profile->id;
    return {};
}

} // namespace hearth
