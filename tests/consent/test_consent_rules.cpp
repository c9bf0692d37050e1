// The release rules: default expiry and what keeps a release from being recorded.
#include "core/consent/ConsentRules.h"
#include "tests/consent/PolicyTestSupport.h"

#include <catch2/generators/catch_generators.hpp>

#include <functional>
#include <vector>

using namespace hearth;
using hearth::test::release;

namespace {

const QDate kRulesToday(2026, 1, 5);

ConsentStatus standingOf(const std::vector<ReleaseOfInformation>& history)
{
    return consentStatus(history, kRulesToday);
}

} // namespace

TEST_CASE("A release expires after the agency's number of months")
{
    struct Row
    {
        QDate signedOn;
        int months;
        QDate expected;
    };
    const Row row = GENERATE(values<Row>({
        {QDate(2026, 1, 5), 24, QDate(2028, 1, 5)},
        {QDate(2024, 2, 29), 24, QDate(2026, 2, 28)}, // no 29 Feb in 2026: the last day of February
        {QDate(2024, 2, 29), 48, QDate(2028, 2, 29)},
        {QDate(2025, 8, 31), 6, QDate(2026, 2, 28)},
        {QDate(2025, 12, 31), 12, QDate(2026, 12, 31)},
        {QDate(), 24, QDate()},
    }));
    ConsentSettings settings;
    settings.expiryMonths = row.months;
    CAPTURE(row.signedOn, row.months);
    CHECK(defaultExpiry(row.signedOn, settings) == row.expected);
}

TEST_CASE("The default settings expire a release after two years and warn 30 days ahead")
{
    CHECK(defaultExpiry(QDate(2025, 3, 1), ConsentSettings()) == QDate(2027, 3, 1));
    CHECK(ConsentSettings().warningDays == 30);
}

TEST_CASE("Release problem table")
{
    const QString noSigned = u"Enter the date the client signed the release."_qs;
    const QString futureSigned = u"The release cannot be signed on a day still to come."_qs;
    const QString noExpiry = u"Enter the date the release expires."_qs;
    const QString expiryNotAfter = u"The release must expire after the day it was signed."_qs;
    const QString noCollector = u"Record which staff member collected the release."_qs;
    const QString noCategory = u"Choose at least one kind of information the client agrees to share."_qs;
    const QString noAgency = u"Choose at least one partner agency the client agrees to share with."_qs;
    const QString pastRecords
        = u"Choose whether the records kept while the client was not sharing may be shared too."_qs;

    const ReleaseOfInformation earlierFull = release(SharingChoice::FullSharing, QDate(2025, 1, 10));
    const ReleaseOfInformation earlierNoSharing = release(SharingChoice::NoSharing, QDate(2025, 1, 10));
    const ConsentStatus none = standingOf({});
    const ConsentStatus active = standingOf({earlierFull});
    const ConsentStatus noSharing = standingOf({earlierNoSharing});
    const ConsentStatus revokedFull = standingOf({test::revoked(earlierFull, QDate(2025, 6, 1))});
    const ConsentStatus sharedThenNoSharing
        = standingOf({earlierFull, release(SharingChoice::NoSharing, QDate(2025, 6, 1))});

    struct Row
    {
        const char* name;
        SharingChoice choice;
        std::function<void(ReleaseOfInformation&)> change;
        ConsentStatus before;
        QStringList expected;
    };
    using C = SharingChoice;
    auto same = [](ReleaseOfInformation&) {
    };
    const Row row = GENERATE_REF(values<Row>({
        {"full, first release", C::FullSharing, same, none, {}},
        {"no sharing, first release", C::NoSharing, same, none, {}},
        {"signed today",
         C::FullSharing,
         [](ReleaseOfInformation& r) {
             r.signedOn = kRulesToday;
             r.expiresOn = kRulesToday.addYears(2);
         },
         none,
         {}},
        {"signed tomorrow",
         C::FullSharing,
         [](ReleaseOfInformation& r) { r.signedOn = kRulesToday.addDays(1); },
         none,
         {futureSigned}},
        {"no signed date", C::FullSharing, [](ReleaseOfInformation& r) { r.signedOn = QDate(); }, none, {noSigned}},
        {"no expiry", C::FullSharing, [](ReleaseOfInformation& r) { r.expiresOn = QDate(); }, none, {noExpiry}},
        {"expires the day it was signed",
         C::FullSharing,
         [](ReleaseOfInformation& r) { r.expiresOn = r.signedOn; },
         none,
         {expiryNotAfter}},
        {"expires before it was signed",
         C::FullSharing,
         [](ReleaseOfInformation& r) { r.expiresOn = r.signedOn.addDays(-1); },
         none,
         {expiryNotAfter}},
        {"expires the day after",
         C::FullSharing,
         [](ReleaseOfInformation& r) { r.expiresOn = r.signedOn.addDays(1); },
         none,
         {}},
        {"no collector",
         C::FullSharing,
         [](ReleaseOfInformation& r) { r.collectedBy = u"  "_qs; },
         none,
         {noCollector}},
        {"limited with category and agency",
         C::LimitedSharing,
         [](ReleaseOfInformation& r) {
             r.categories = ShareCategory::EnrollmentsAndServices;
             r.partnerAgencies = {u"Agency A"_qs};
         },
         none,
         {}},
        {"limited without category",
         C::LimitedSharing,
         [](ReleaseOfInformation& r) { r.partnerAgencies = {u"Agency A"_qs}; },
         none,
         {noCategory}},
        {"limited without agency",
         C::LimitedSharing,
         [](ReleaseOfInformation& r) {
             r.categories = ShareCategory::IdentifyingProfile;
             r.partnerAgencies = {u" "_qs};
         },
         none,
         {noAgency}},
        {"limited with neither", C::LimitedSharing, same, none, {noCategory, noAgency}},
        {"no sharing ignores categories and agencies", C::NoSharing, same, none, {}},
        {"anonymous ignores categories and agencies", C::Anonymous, same, none, {}},
        {"sharing again after no sharing, unset", C::FullSharing, same, noSharing, {pastRecords}},
        {"sharing again after no sharing, excluded",
         C::FullSharing,
         [](ReleaseOfInformation& r) { r.includePastRecords = false; },
         noSharing,
         {}},
        {"sharing again after no sharing, included",
         C::Anonymous,
         [](ReleaseOfInformation& r) { r.includePastRecords = true; },
         noSharing,
         {}},
        {"sharing again after a revocation, unset", C::Anonymous, same, revokedFull, {pastRecords}},
        {"sharing again after shared then no sharing, unset", C::FullSharing, same, sharedThenNoSharing, {pastRecords}},
        {"no sharing again after no sharing", C::NoSharing, same, noSharing, {}},
        {"renewal of an active release", C::FullSharing, same, active, {}},
        {"everything wrong",
         C::LimitedSharing,
         [](ReleaseOfInformation& r) {
             r.signedOn = QDate();
             r.expiresOn = QDate();
             r.collectedBy.clear();
         },
         noSharing,
         {noSigned, noExpiry, noCollector, noCategory, noAgency, pastRecords}},
    }));
    ReleaseOfInformation candidate = release(row.choice, QDate(2025, 12, 1));
    row.change(candidate);
    CAPTURE(row.name);
    CHECK(releaseProblems(candidate, row.before, kRulesToday) == row.expected);
}

TEST_CASE("A Coordinated Entry release is checked only for its dates and collector")
{
    const ConsentStatus noSharing = standingOf({release(SharingChoice::NoSharing, QDate(2025, 1, 10))});
    ReleaseOfInformation ces
        = release(SharingChoice::LimitedSharing, QDate(2025, 12, 1), ReleaseKind::CoordinatedEntry);
    CHECK(releaseProblems(ces, noSharing, kRulesToday).isEmpty());
    ces.signedOn = kRulesToday.addDays(3);
    ces.collectedBy.clear();
    CHECK(releaseProblems(ces, noSharing, kRulesToday)
          == QStringList {u"The release cannot be signed on a day still to come."_qs,
                          u"Record which staff member collected the release."_qs});
}

TEST_CASE("Only a client who is not sharing must choose about past records")
{
    const ReleaseOfInformation full = release(SharingChoice::FullSharing, QDate(2024, 1, 10));
    CHECK_FALSE(needsPastRecordsChoice(standingOf({})));
    CHECK_FALSE(needsPastRecordsChoice(standingOf({full})));
    CHECK_FALSE(needsPastRecordsChoice(consentStatus({full}, QDate(2026, 3, 1)))); // expired is not an opt-out
    CHECK(needsPastRecordsChoice(standingOf({release(SharingChoice::NoSharing, QDate(2024, 1, 10))})));
    CHECK(needsPastRecordsChoice(standingOf({test::revoked(full, QDate(2025, 1, 1))})));
}
