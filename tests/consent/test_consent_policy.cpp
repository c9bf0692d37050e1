// The consent policy as staff and clients rely on it: a client's standing through their releases, and
// what leaves while they stand so. What each record may show to whom: test_consent_disclosure.cpp.
#include "core/common/DisplayDates.h"
#include "tests/consent/PolicyRecordSupport.h"
#include "tests/consent/PolicyTestSupport.h"

using namespace hearth;
using namespace hearth::test::policy;
using hearth::test::at;
using hearth::test::kOurAgency;
using hearth::test::release;
using Standing = ConsentStatus::Standing;
using Form = Disclosure::Form;
using Reason = Disclosure::Reason;

namespace {

/// Nothing of the record leaves for anyone outside the agency, for @p reason.
void requireNothingLeaves(const ConsentStatus& status, const OutgoingRecord& record, Reason reason)
{
    for (const Audience& audience : outsideAudiences()) {
        const Disclosure d = kPolicy.decide(status, record, audience);
        CHECK(d.form == Form::Withheld);
        CHECK(d.reason == reason);
        CHECK(d.fields.isEmpty());
        CHECK_FALSE(d.explanation.isEmpty());
    }
    const Disclosure internal = kPolicy.decide(status, record, Audience::agencyInternal());
    CHECK(internal.form == Form::Whole);
    CHECK(internal.fields == record.fields);
}

} // namespace

TEST_CASE("A client without any release keeps everything local")
{
    const ConsentStatus status = consentStatus({}, QDate(2026, 1, 5));
    CHECK(status.standing == Standing::NoneRecorded);
    CHECK_FALSE(status.current);
    CHECK_FALSE(status.restrictionNeeded);
    requireNothingLeaves(status, profile(), Reason::NoConsentRecorded);
    requireNothingLeaves(status, enrollment(QDate(2025, 3, 1), QDate(2025, 3, 1)), Reason::NoConsentRecorded);
}

TEST_CASE("Full Sharing then No Sharing: nothing leaves and the server must restrict what it holds")
{
    const ReleaseOfInformation full = release(SharingChoice::FullSharing, QDate(2025, 1, 10));
    const ReleaseOfInformation noSharing = release(SharingChoice::NoSharing, QDate(2025, 6, 1));

    const ConsentStatus sharing = consentStatus({full}, QDate(2025, 5, 1));
    REQUIRE(sharing.standing == Standing::Active);
    CHECK(kPolicy.decide(sharing, profile(), Audience::centralServer()).form == Form::Whole);

    const ConsentStatus status = consentStatus({noSharing, full}, QDate(2025, 7, 1));
    CHECK(status.standing == Standing::NoSharing);
    CHECK(status.isNoSharing());
    CHECK(status.current == noSharing);
    CHECK(status.restrictionNeeded);
    CHECK_FALSE(status.expiresOn);
    // Records from the time the client shared stay local now too.
    requireNothingLeaves(status, profile(QDate(2025, 2, 1)), Reason::NoSharing);
    requireNothingLeaves(status, enrollment(QDate(2025, 2, 1), QDate(2025, 2, 1)), Reason::NoSharing);
    requireNothingLeaves(status, service(QDate(2025, 2, 2), QDate(2025, 2, 1)), Reason::NoSharing);
    requireNothingLeaves(status,
                         {Kind::Release,
                          full.uuid,
                          u"client-1"_qs,
                          {{u"ReleaseID"_qs, full.uuid}},
                          full.signedOn,
                          std::nullopt,
                          full.recordedAt},
                         Reason::NoSharing);
    CHECK(kPolicy.decide(status, profile(), Audience::centralServer()).explanation
          == u"The client chose No Sharing: nothing about them leaves this workstation."_qs);
}

TEST_CASE("A client who always chose No Sharing needs no restriction on the server")
{
    const ConsentStatus status
        = consentStatus({release(SharingChoice::NoSharing, QDate(2025, 1, 10))}, QDate(2025, 7, 1));
    CHECK(status.standing == Standing::NoSharing);
    CHECK_FALSE(status.restrictionNeeded);
    requireNothingLeaves(status, profile(), Reason::NoSharing);
}

TEST_CASE("No Sharing then Full Sharing without past records keeps the records from before here")
{
    const ReleaseOfInformation noSharing = release(SharingChoice::NoSharing, QDate(2025, 1, 10));
    ReleaseOfInformation full = release(SharingChoice::FullSharing, QDate(2025, 6, 1));
    full.includePastRecords = false;
    const ConsentStatus status = consentStatus({full, noSharing}, QDate(2025, 7, 1));
    REQUIRE(status.standing == Standing::Active);
    CHECK(status.shareFrom == QDate(2025, 6, 1));
    CHECK_FALSE(status.restrictionNeeded);

    const auto central = Audience::centralServer();
    const Disclosure older = kPolicy.decide(status, enrollment(QDate(2025, 3, 1), QDate(2025, 6, 20)), central);
    CHECK(older.form == Form::Withheld);
    CHECK(older.reason == Reason::BeforeConsent);
    // A service after the consent still goes with its enrollment, which stays here.
    const Disclosure lateService = kPolicy.decide(status, service(QDate(2025, 6, 5), QDate(2025, 3, 1)), central);
    CHECK(lateService.reason == Reason::BeforeConsent);
    CHECK(kPolicy.decide(status, service(QDate(2025, 5, 31), QDate(2025, 5, 31)), central).reason
          == Reason::BeforeConsent);

    const Disclosure newer = kPolicy.decide(status, enrollment(QDate(2025, 6, 1), QDate(2025, 6, 1)), central);
    CHECK(newer.form == Form::Whole);
    CHECK(kPolicy.decide(status, service(QDate(2025, 6, 2), QDate(2025, 6, 1)), central).form == Form::Whole);
    // The profile is not dated: it is who the consent is about.
    CHECK(kPolicy.decide(status, profile(QDate(2025, 2, 1)), central).form == Form::Whole);
    // The agency's own reports keep the older records.
    CHECK(kPolicy.decide(status, enrollment(QDate(2025, 3, 1), QDate(2025, 3, 1)), Audience::agencyInternal()).form
          == Form::Whole);
    CHECK(kPolicy.explain(status, QDate(2025, 7, 1))
              .contains(u"Records from before %1 stay on this workstation."_qs.arg(displayDate(QDate(2025, 6, 1)))));
}

TEST_CASE("No Sharing then Full Sharing with past records shares the older records too")
{
    const ReleaseOfInformation noSharing = release(SharingChoice::NoSharing, QDate(2025, 1, 10));
    ReleaseOfInformation full = release(SharingChoice::FullSharing, QDate(2025, 6, 1));
    full.includePastRecords = true;
    const ConsentStatus status = consentStatus({noSharing, full}, QDate(2025, 7, 1));
    CHECK(status.standing == Standing::Active);
    CHECK_FALSE(status.shareFrom);
    CHECK(kPolicy.decide(status, enrollment(QDate(2025, 3, 1), QDate(2025, 3, 1)), Audience::centralServer()).form
          == Form::Whole);
}

TEST_CASE("A renewal within a sharing run keeps the run's past-records answer")
{
    const ReleaseOfInformation noSharing = release(SharingChoice::NoSharing, QDate(2022, 1, 10));
    ReleaseOfInformation first = release(SharingChoice::FullSharing, QDate(2022, 6, 1));
    first.includePastRecords = false;
    ReleaseOfInformation renewal = release(SharingChoice::FullSharing, QDate(2024, 5, 20));
    renewal.includePastRecords = true; // not asked again: it cannot widen the earlier answer
    const ConsentStatus status = consentStatus({noSharing, first, renewal}, QDate(2025, 1, 5));
    CHECK(status.current == renewal);
    CHECK(status.shareFrom == QDate(2022, 6, 1));
}

TEST_CASE("Records kept before the first release are shared once the client consents")
{
    const ConsentStatus status
        = consentStatus({release(SharingChoice::FullSharing, QDate(2025, 6, 1))}, QDate(2025, 7, 1));
    CHECK_FALSE(status.shareFrom);
    CHECK(kPolicy.decide(status, enrollment(QDate(2025, 3, 1), QDate(2025, 3, 1)), Audience::centralServer()).form
          == Form::Whole);
}

TEST_CASE("An expired release covers what was written while it was in force")
{
    const ReleaseOfInformation full = release(SharingChoice::FullSharing, QDate(2024, 1, 10)); // expires 2026-01-10
    const ConsentStatus status = consentStatus({full}, QDate(2026, 2, 1));
    REQUIRE(status.standing == Standing::Expired);
    CHECK(status.shares());
    CHECK(status.expiresOn == QDate(2026, 1, 10));
    CHECK_FALSE(status.restrictionNeeded);
    CHECK_FALSE(status.expiresWithin(QDate(2026, 2, 1), 30));

    const auto central = Audience::centralServer();
    CHECK(kPolicy.decide(status, enrollment(QDate(2025, 3, 1), QDate(2026, 1, 10)), central).form == Form::Whole);
    const Disclosure after = kPolicy.decide(status, enrollment(QDate(2025, 3, 1), QDate(2026, 1, 11)), central);
    CHECK(after.form == Form::Withheld);
    CHECK(after.reason == Reason::Expired);
    CHECK(after.fields.isEmpty());
    OutgoingRecord undated = profile();
    undated.changedAt = QDateTime();
    CHECK(kPolicy.decide(status, undated, central).reason == Reason::Expired);
    CHECK(kPolicy.explain(status, QDate(2026, 2, 1))
              .contains(u"Expired on %1: new information stays here until the release is renewed."_qs.arg(
                  displayDate(QDate(2026, 1, 10)))));

    SECTION("renewed: the gap is shared, since an expiry is not an opt-out")
    {
        const ReleaseOfInformation renewal = release(SharingChoice::FullSharing, QDate(2026, 2, 15));
        const ConsentStatus renewed = consentStatus({full, renewal}, QDate(2026, 3, 1));
        CHECK(renewed.standing == Standing::Active);
        CHECK(renewed.expiresOn == QDate(2028, 2, 15));
        CHECK_FALSE(renewed.shareFrom);
        CHECK(kPolicy.decide(renewed, enrollment(QDate(2026, 1, 20), QDate(2026, 1, 20)), central).form == Form::Whole);
    }
}

TEST_CASE("The expiry warning counts days to the expiry of an active release")
{
    const ConsentStatus status
        = consentStatus({release(SharingChoice::FullSharing, QDate(2024, 1, 10))}, QDate(2025, 12, 20));
    CHECK(status.standing == Standing::Active);
    CHECK(status.expiresWithin(QDate(2025, 12, 20), 30));
    CHECK(status.expiresWithin(QDate(2025, 12, 11), 30));
    CHECK_FALSE(status.expiresWithin(QDate(2025, 12, 10), 30));
    CHECK(status.expiresWithin(QDate(2026, 1, 10), 0));
    CHECK(kPolicy.explain(status, QDate(2025, 12, 20)).contains(u"Expires in 21 days: ask the client to renew it."_qs));
    CHECK_FALSE(consentStatus({}, QDate(2025, 12, 20)).expiresWithin(QDate(2025, 12, 20), 30));
}

TEST_CASE("A revocation stops everything from then on and asks the server to restrict")
{
    const ReleaseOfInformation full
        = test::revoked(release(SharingChoice::FullSharing, QDate(2025, 1, 10)), QDate(2025, 4, 2));
    const ConsentStatus status = consentStatus({full}, QDate(2025, 5, 1));
    CHECK(status.standing == Standing::Revoked);
    CHECK(status.restrictionNeeded);
    CHECK_FALSE(status.shares());
    requireNothingLeaves(status, profile(QDate(2025, 2, 1)), Reason::Revoked);
    requireNothingLeaves(status, enrollment(QDate(2025, 2, 1), QDate(2025, 2, 1)), Reason::Revoked);
    CHECK(kPolicy.explain(status, QDate(2025, 5, 1))
              .value(0)
              .startsWith(u"Revoked on %1"_qs.arg(displayDate(QDate(2025, 4, 2)))));

    SECTION("a later consent after the revocation must not reach back")
    {
        ReleaseOfInformation again = release(SharingChoice::FullSharing, QDate(2025, 9, 1));
        again.includePastRecords = false;
        const ConsentStatus renewed = consentStatus({full, again}, QDate(2025, 10, 1));
        CHECK(renewed.standing == Standing::Active);
        CHECK(renewed.shareFrom == QDate(2025, 9, 1));
        CHECK_FALSE(renewed.restrictionNeeded);
    }
}

TEST_CASE("The newest release by the time it was recorded decides, not by the day it was signed")
{
    ReleaseOfInformation laterSigned = release(SharingChoice::FullSharing, QDate(2025, 5, 1));
    laterSigned.recordedAt = at(QDate(2025, 5, 2));
    ReleaseOfInformation recordedLast = release(SharingChoice::NoSharing, QDate(2025, 4, 1)); // paper form entered late
    recordedLast.recordedAt = at(QDate(2025, 5, 3));
    CHECK(consentStatus({recordedLast, laterSigned}, QDate(2025, 6, 1)).standing == Standing::NoSharing);

    SECTION("on the same moment, the later signature decides")
    {
        recordedLast.recordedAt = laterSigned.recordedAt;
        CHECK(consentStatus({laterSigned, recordedLast}, QDate(2025, 6, 1)).standing == Standing::Active);
        CHECK(consentStatus({recordedLast, laterSigned}, QDate(2025, 6, 1)).standing == Standing::Active);
    }
}

TEST_CASE("A Coordinated Entry release does not change the HMIS standing")
{
    const ReleaseOfInformation noSharing = release(SharingChoice::NoSharing, QDate(2025, 1, 10));
    const ReleaseOfInformation ces
        = release(SharingChoice::FullSharing, QDate(2025, 2, 1), ReleaseKind::CoordinatedEntry);
    const ConsentStatus status = consentStatus({noSharing, ces}, QDate(2025, 3, 1));
    CHECK(status.standing == Standing::NoSharing);
    CHECK(status.current == noSharing);
    CHECK(status.coordinatedEntry == ces);
    requireNothingLeaves(status, profile(), Reason::NoSharing);
    CHECK(kPolicy.explain(status, QDate(2025, 3, 1))
              .contains(u"Coordinated Entry release: signed %1, until %2."_qs.arg(displayDate(QDate(2025, 2, 1)),
                                                                                  displayDate(QDate(2027, 2, 1)))));

    const ConsentStatus cesOnly = consentStatus({ces}, QDate(2025, 3, 1));
    CHECK(cesOnly.standing == Standing::NoneRecorded);
    CHECK(cesOnly.coordinatedEntry == ces);
    CHECK_FALSE(consentStatus({test::revoked(ces, QDate(2025, 2, 20))}, QDate(2025, 3, 1)).coordinatedEntry);
    CHECK_FALSE(consentStatus({ces}, QDate(2027, 2, 2)).coordinatedEntry);
    CHECK_FALSE(consentStatus({release(SharingChoice::NoSharing, QDate(2025, 2, 1), ReleaseKind::CoordinatedEntry)},
                              QDate(2025, 3, 1))
                    .coordinatedEntry);
}
