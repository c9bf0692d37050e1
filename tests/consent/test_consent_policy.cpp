// The consent policy as staff and clients rely on it: a client's standing through their releases,
// and what of each record may leave this workstation, to whom, in which form.
#include "tests/consent/PolicyTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <vector>

using namespace hearth;
using hearth::test::at;
using hearth::test::kOurAgency;
using hearth::test::release;
using Standing = ConsentStatus::Standing;
using Form = Disclosure::Form;
using Reason = Disclosure::Reason;
using Kind = OutgoingRecord::Kind;

namespace {

const ConsentPolicy kPolicy(kOurAgency);

QJsonObject profileJson()
{
    return {{u"PersonalID"_qs, u"client-1"_qs},
            {u"CaseNumber"_qs, u"HH-00042"_qs},
            {u"FirstName"_qs, u"Rosa"_qs},
            {u"MiddleName"_qs, u"Maria"_qs},
            {u"LastName"_qs, u"Delgado"_qs},
            {u"NameSuffix"_qs, u"Jr"_qs},
            {u"NameDataQuality"_qs, 1},
            {u"Alias"_qs, u"Rosie"_qs},
            {u"SSN"_qs, u"123456789"_qs},
            {u"SSNDataQuality"_qs, 1},
            {u"DOB"_qs, u"1980-04-02"_qs},
            {u"DOBDataQuality"_qs, 1},
            {u"RaceEthnicity"_qs, QJsonArray {u"6"_qs}},
            {u"AdditionalRaceEthnicity"_qs, u"Purepecha"_qs},
            {u"VeteranStatus"_qs, 0}};
}

OutgoingRecord profile(const QDate& changed = QDate(2025, 12, 1))
{
    return {Kind::ClientProfile, u"client-1"_qs, u"client-1"_qs, profileJson(),
            std::nullopt,        std::nullopt,   at(changed)};
}

QJsonObject assessment(const QString& file, const QJsonObject& values)
{
    return {{u"File"_qs, file},
            {u"DataCollectionStage"_qs, 1},
            {u"InformationDate"_qs, u"2025-06-01"_qs},
            {u"Values"_qs, values}};
}

OutgoingRecord enrollment(const QDate& entry, const QDate& changed)
{
    const QJsonArray assessments {
        assessment(u"Disabilities"_qs, {{u"DisabilityType"_qs, 9}, {u"DisabilityResponse"_qs, 1}}),
        assessment(u"HealthAndDV"_qs,
                   {{u"DomesticViolenceSurvivor"_qs, 1},
                    {u"WhenOccurred"_qs, 2},
                    {u"CurrentlyFleeing"_qs, 0},
                    {u"GeneralHealthStatus"_qs, 3},
                    {u"PregnancyStatus"_qs, 1},
                    {u"DueDate"_qs, QJsonObject {{u"date"_qs, u"2026-03-01"_qs}}}}),
        assessment(u"IncomeBenefits"_qs,
                   {{u"IncomeFromAnySource"_qs, 1},
                    {u"SSI"_qs, 1},
                    {u"OtherIncomeSourceIdentify"_qs, u"cans from Rosa's cousin"_qs},
                    {u"InsuranceFromAnySource"_qs, 1},
                    {u"Medicaid"_qs, 1},
                    {u"OtherInsuranceIdentify"_qs, u"county plan"_qs},
                    {u"ADAP"_qs, 0}}),
    };
    const QJsonObject json {{u"EnrollmentID"_qs, u"enrollment-1"_qs},
                            {u"PersonalID"_qs, u"client-1"_qs},
                            {u"EntryDate"_qs, entry.toString(Qt::ISODate)},
                            {u"DisablingCondition"_qs, 1},
                            {u"EntryValues"_qs, QJsonObject {{u"LivingSituation"_qs, 116}}},
                            {u"ExitValues"_qs, QJsonObject {{u"OtherDestination"_qs, u"Rosa's sister's flat"_qs}}},
                            {u"Assessments"_qs, assessments}};
    return {Kind::Enrollment, u"enrollment-1"_qs, u"client-1"_qs, json, entry, std::nullopt, at(changed)};
}

OutgoingRecord service(const QDate& provided, const QDate& entry)
{
    const QJsonObject json {{u"ServicesID"_qs, u"service-1"_qs},
                            {u"PersonalID"_qs, u"client-1"_qs},
                            {u"DateProvided"_qs, provided.toString(Qt::ISODate)},
                            {u"RecordType"_qs, 200},
                            {u"Notes"_qs, u"arrived late"_qs}};
    return {Kind::Service, u"service-1"_qs, u"client-1"_qs, json, provided, entry, at(provided, 20)};
}

OutgoingRecord localOnly(Kind kind)
{
    return {kind,         u"release-x"_qs, u"client-1"_qs,        {{u"Bytes"_qs, u"iVBORw0KGgo"_qs}},
            std::nullopt, std::nullopt,    at(QDate(2025, 1, 10))};
}

std::vector<Audience> outsideAudiences()
{
    return {Audience::centralServer(), Audience::partner(u"Agency A"_qs), Audience::partner(kOurAgency)};
}

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

QString serialized(const QJsonObject& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
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
              .contains(u"Records from before 1 Jun 2025 stay on this workstation."_qs));
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
              .contains(u"Expired on 10 Jan 2026: new information stays here until the release is renewed."_qs));

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
    CHECK(kPolicy.explain(status, QDate(2025, 5, 1)).value(0).startsWith(u"Revoked on 2 Apr 2025"_qs));

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
              .contains(u"Coordinated Entry release: signed 1 Feb 2025, until 1 Feb 2027."_qs));

    const ConsentStatus cesOnly = consentStatus({ces}, QDate(2025, 3, 1));
    CHECK(cesOnly.standing == Standing::NoneRecorded);
    CHECK(cesOnly.coordinatedEntry == ces);
    CHECK_FALSE(consentStatus({test::revoked(ces, QDate(2025, 2, 20))}, QDate(2025, 3, 1)).coordinatedEntry);
    CHECK_FALSE(consentStatus({ces}, QDate(2027, 2, 2)).coordinatedEntry);
    CHECK_FALSE(consentStatus({release(SharingChoice::NoSharing, QDate(2025, 2, 1), ReleaseKind::CoordinatedEntry)},
                              QDate(2025, 3, 1))
                    .coordinatedEntry);
}

TEST_CASE("Signatures and scanned forms never leave the workstation")
{
    const ConsentStatus status
        = consentStatus({release(SharingChoice::FullSharing, QDate(2025, 1, 10))}, QDate(2025, 3, 1));
    for (const Kind kind : {Kind::Signature, Kind::ScannedForm}) {
        for (const Audience& audience : outsideAudiences()) {
            const Disclosure d = kPolicy.decide(status, localOnly(kind), audience);
            CHECK(d.form == Form::Withheld);
            CHECK(d.reason == Reason::LocalOnly);
            CHECK(d.fields.isEmpty());
        }
        CHECK(kPolicy.decide(status, localOnly(kind), Audience::agencyInternal()).form == Form::Whole);
    }
}

TEST_CASE("The central server gets a consent reference with every record it receives")
{
    const ReleaseOfInformation full = release(SharingChoice::FullSharing, QDate(2025, 1, 10));
    const ConsentStatus status = consentStatus({full}, QDate(2025, 3, 1));
    const Disclosure d = kPolicy.decide(status, profile(), Audience::centralServer());
    REQUIRE(d.form == Form::Whole);
    const QJsonObject consent = d.fields.value(u"Consent"_qs).toObject();
    CHECK(consent.value(u"ReleaseID"_qs).toString() == full.uuid);
    CHECK(consent.value(u"Choice"_qs).toInt() == 1);
    CHECK(consent.value(u"Categories"_qs).toInt() == 0xF);
    CHECK(consent.value(u"SharedWith"_qs).toArray().isEmpty());
    CHECK(consent.value(u"Restricted"_qs).toBool() == false);
    CHECK(consent.value(u"EnteringAgency"_qs).toString() == kOurAgency);
    CHECK(consent.value(u"ExpiresOn"_qs).toString() == u"2027-01-10"_qs);
    QJsonObject rest = d.fields;
    rest.remove(u"Consent"_qs);
    CHECK(rest == profileJson());
    // A partner viewing it, or the agency's own report, needs no reference.
    CHECK_FALSE(kPolicy.decide(status, profile(), Audience::partner(u"Agency A"_qs)).fields.contains(u"Consent"_qs));
    CHECK_FALSE(kPolicy.decide(status, profile(), Audience::agencyInternal()).fields.contains(u"Consent"_qs));

    const ReleaseOfInformation lim
        = test::limited(QDate(2025, 1, 10), ShareCategory::EnrollmentsAndServices, {u"Agency A"_qs, u"Agency B"_qs});
    const QJsonObject limitedConsent
        = kPolicy
              .decide(consentStatus({lim}, QDate(2025, 3, 1)), enrollment(QDate(2025, 2, 1), QDate(2025, 2, 1)),
                      Audience::centralServer())
              .fields.value(u"Consent"_qs)
              .toObject();
    CHECK(limitedConsent.value(u"Choice"_qs).toInt() == 2);
    CHECK(limitedConsent.value(u"Categories"_qs).toInt() == 0x2);
    CHECK(limitedConsent.value(u"SharedWith"_qs).toArray() == QJsonArray {u"Agency A"_qs, u"Agency B"_qs});
}

TEST_CASE("A restricted client's name is seen only by the entering agency")
{
    ReleaseOfInformation full = release(SharingChoice::FullSharing, QDate(2025, 1, 10));
    full.restricted = true;
    const ConsentStatus status = consentStatus({full}, QDate(2025, 3, 1));

    const Disclosure other = kPolicy.decide(status, profile(), Audience::partner(u"Agency A"_qs));
    CHECK(other.form == Form::Partial);
    CHECK(other.reason == Reason::Restricted);
    for (const QString& name : {u"FirstName"_qs, u"MiddleName"_qs, u"LastName"_qs, u"NameSuffix"_qs, u"Alias"_qs})
        CHECK_FALSE(other.fields.contains(name));
    CHECK(other.fields.value(u"SSN"_qs).toString() == u"123456789"_qs);
    CHECK(other.explanation == u"Restricted client: the name is visible only to Hearth House."_qs);

    CHECK(kPolicy.decide(status, profile(), Audience::partner(u"hearth house "_qs)).form == Form::Whole);
    const Disclosure central = kPolicy.decide(status, profile(), Audience::centralServer());
    CHECK(central.form == Form::Whole); // the server scopes by agency itself, told by the reference
    CHECK(central.fields.value(u"Consent"_qs).toObject().value(u"Restricted"_qs).toBool());
    CHECK(
        kPolicy.decide(status, enrollment(QDate(2025, 2, 1), QDate(2025, 2, 1)), Audience::partner(u"Agency A"_qs)).form
        == Form::Whole);
    CHECK(kPolicy.explain(status, QDate(2025, 3, 1))
              .contains(u"Restricted: the name is visible only to Hearth House."_qs));
}

TEST_CASE("A restricted client's name is seen by the agencies they granted it to under Limited Sharing")
{
    ReleaseOfInformation limited = release(SharingChoice::LimitedSharing, QDate(2025, 1, 10));
    limited.categories = ShareCategories(ShareCategory::IdentifyingProfile) | ShareCategory::EnrollmentsAndServices;
    limited.partnerAgencies = {u"Agency A"_qs};
    limited.restricted = true;
    const ConsentStatus status = consentStatus({limited}, QDate(2025, 3, 1));

    const Disclosure granted = kPolicy.decide(status, profile(), Audience::partner(u"Agency A"_qs));
    CHECK(granted.form == Form::Whole);
    CHECK(granted.fields.value(u"LastName"_qs).toString() == profile().fields.value(u"LastName"_qs).toString());
    CHECK_FALSE(kPolicy.decide(status, profile(), Audience::partner(u"Agency B"_qs)).allowed());
}

TEST_CASE("An Anonymous client's records leave without anything that identifies them")
{
    const ConsentStatus status
        = consentStatus({release(SharingChoice::Anonymous, QDate(2025, 1, 10))}, QDate(2025, 3, 1));
    const Disclosure p = kPolicy.decide(status, profile(), Audience::centralServer());
    CHECK(p.form == Form::Deidentified);
    CHECK(p.reason == Reason::AnonymousClient);
    CHECK_FALSE(ConsentPolicy::carriesIdentifyingData(p.fields));
    for (const QString& field : ConsentPolicy::identifyingFields())
        CHECK_FALSE(p.fields.contains(field));
    CHECK_FALSE(p.fields.contains(u"AdditionalRaceEthnicity"_qs));
    CHECK(p.fields.value(u"NameDataQuality"_qs).toInt() == 9);
    CHECK(p.fields.value(u"SSNDataQuality"_qs).toInt() == 9);
    CHECK(p.fields.value(u"DOBDataQuality"_qs).toInt() == 9);
    CHECK(p.fields.value(u"RaceEthnicity"_qs).toArray() == QJsonArray {u"6"_qs});

    const Disclosure e
        = kPolicy.decide(status, enrollment(QDate(2025, 2, 1), QDate(2025, 2, 1)), Audience::partner(u"Agency A"_qs));
    CHECK(e.form == Form::Deidentified);
    CHECK_FALSE(ConsentPolicy::carriesIdentifyingData(e.fields));
    const QString text = serialized(e.fields);
    CHECK_FALSE(text.contains(u"Rosa"_qs));
    CHECK(text.contains(u"GeneralHealthStatus"_qs)); // what does not identify them is shared

    const Disclosure note = kPolicy.decide(status,
                                           {Kind::Note,
                                            u"note-1"_qs,
                                            u"client-1"_qs,
                                            {{u"Note"_qs, u"x"_qs}},
                                            QDate(2025, 2, 1),
                                            std::nullopt,
                                            at(QDate(2025, 2, 1))},
                                           Audience::centralServer());
    CHECK(note.form == Form::Withheld);
    CHECK(note.reason == Reason::AnonymousClient);
}

TEST_CASE("Limited Sharing keeps to the agencies the client named")
{
    const ConsentStatus status
        = consentStatus({test::limited(QDate(2025, 1, 10), allShareCategories(), {u"Agency A"_qs})}, QDate(2025, 3, 1));
    const OutgoingRecord stay = enrollment(QDate(2025, 2, 1), QDate(2025, 2, 1));
    const Disclosure other = kPolicy.decide(status, stay, Audience::partner(u"Agency B"_qs));
    CHECK(other.form == Form::Withheld);
    CHECK(other.reason == Reason::AgencyNotConsented);
    CHECK(other.explanation == u"The client did not agree to share with Agency B."_qs);
    CHECK(kPolicy.decide(status, profile(), Audience::partner(u"Agency B"_qs)).form == Form::Withheld);
    CHECK(kPolicy.decide(status, stay, Audience::partner(u"agency a"_qs)).form == Form::Whole);
    CHECK(kPolicy.decide(status, stay, Audience::partner(kOurAgency)).form == Form::Whole);
    CHECK(kPolicy.decide(status, stay, Audience::centralServer()).form == Form::Whole);
}

TEST_CASE("Limited Sharing keeps to the kinds of information the client agreed to")
{
    const Audience agencyA = Audience::partner(u"Agency A"_qs);
    const OutgoingRecord stay = enrollment(QDate(2025, 2, 1), QDate(2025, 2, 1));
    auto statusFor = [](ShareCategories categories) {
        return consentStatus({test::limited(QDate(2025, 1, 10), categories, {u"Agency A"_qs})}, QDate(2025, 3, 1));
    };

    SECTION("enrollments without health or domestic violence")
    {
        const ConsentStatus status
            = statusFor(ShareCategories(ShareCategory::IdentifyingProfile) | ShareCategory::EnrollmentsAndServices);
        const Disclosure d = kPolicy.decide(status, stay, agencyA);
        CHECK(d.form == Form::Partial);
        CHECK(d.reason == Reason::CategoryNotConsented);
        CHECK_FALSE(d.fields.contains(u"DisablingCondition"_qs));
        const QJsonArray assessments = d.fields.value(u"Assessments"_qs).toArray();
        REQUIRE(assessments.size() == 2); // the Disabilities rows are gone entirely
        const QJsonObject dv = assessments.at(0).toObject().value(u"Values"_qs).toObject();
        CHECK(dv.isEmpty());
        const QJsonObject income = assessments.at(1).toObject().value(u"Values"_qs).toObject();
        CHECK(income.keys() == QStringList {u"IncomeFromAnySource"_qs, u"OtherIncomeSourceIdentify"_qs, u"SSI"_qs});
        CHECK(d.fields.value(u"EntryValues"_qs).toObject().value(u"LivingSituation"_qs).toInt() == 116);
        CHECK(d.fields.value(u"ExitValues"_qs).toObject().contains(u"OtherDestination"_qs));
    }
    SECTION("enrollments with health, without identity: free text goes")
    {
        const ConsentStatus status
            = statusFor(ShareCategories(ShareCategory::HealthAndDisability) | ShareCategory::EnrollmentsAndServices);
        const Disclosure d = kPolicy.decide(status, stay, agencyA);
        CHECK(d.form == Form::Partial);
        const QString text = serialized(d.fields);
        CHECK(text.contains(u"GeneralHealthStatus"_qs));
        CHECK(text.contains(u"DisabilityResponse"_qs));
        CHECK(text.contains(u"Medicaid"_qs));
        CHECK_FALSE(text.contains(u"county plan"_qs));
        CHECK_FALSE(text.contains(u"Rosa"_qs));
        CHECK_FALSE(text.contains(u"CurrentlyFleeing"_qs));
        CHECK_FALSE(ConsentPolicy::carriesIdentifyingData(d.fields));

        const Disclosure p = kPolicy.decide(status, profile(), agencyA);
        CHECK(p.form == Form::Deidentified);
        CHECK(p.reason == Reason::CategoryNotConsented);
        CHECK_FALSE(ConsentPolicy::carriesIdentifyingData(p.fields));
        CHECK(kPolicy.decide(status, service(QDate(2025, 2, 2), QDate(2025, 2, 1)), agencyA).fields.value(u"Notes"_qs)
              == QJsonValue::Undefined);
    }
    SECTION("everything agreed: the record leaves whole")
    {
        const Disclosure d = kPolicy.decide(statusFor(allShareCategories()), stay, agencyA);
        CHECK(d.form == Form::Whole);
        CHECK(d.fields == stay.fields);
    }
    SECTION("no enrollments and services: only the profile")
    {
        const ConsentStatus status = statusFor(ShareCategory::IdentifyingProfile);
        CHECK(kPolicy.decide(status, profile(), agencyA).form == Form::Whole);
        for (const OutgoingRecord& record : {stay, service(QDate(2025, 2, 2), QDate(2025, 2, 1)),
                                             OutgoingRecord {Kind::Note,
                                                             u"note-1"_qs,
                                                             u"client-1"_qs,
                                                             {{u"Note"_qs, u"x"_qs}},
                                                             QDate(2025, 2, 1),
                                                             std::nullopt,
                                                             at(QDate(2025, 2, 1))}}) {
            const Disclosure d = kPolicy.decide(status, record, Audience::centralServer());
            CHECK(d.form == Form::Withheld);
            CHECK(d.reason == Reason::CategoryNotConsented);
        }
        CHECK(kPolicy
                  .decide(status,
                          {Kind::Release,
                           u"r"_qs,
                           u"client-1"_qs,
                           {{u"ReleaseID"_qs, u"r"_qs}},
                           QDate(2025, 1, 10),
                           std::nullopt,
                           at(QDate(2025, 1, 10))},
                          Audience::centralServer())
                  .form
              == Form::Whole);
    }
}

TEST_CASE("The client page explains the consent in plain lines")
{
    const QDate today(2026, 1, 5);
    CHECK(kPolicy.explain(consentStatus({release(SharingChoice::NoSharing, QDate(2025, 12, 1))}, today), today)
          == QStringList {u"No Sharing: nothing about this client leaves this workstation. Their record is kept here, "
                          "encrypted, for the agency's own reports."_qs});
    CHECK(kPolicy.explain(consentStatus({release(SharingChoice::FullSharing, QDate(2026, 1, 3))}, today), today)
          == QStringList {u"Full Sharing with all HMIS partner agencies until 3 Jan 2028."_qs});
    const ReleaseOfInformation lim = test::limited(
        QDate(2026, 1, 3), ShareCategories(ShareCategory::IdentifyingProfile) | ShareCategory::EnrollmentsAndServices,
        {u"Agency A"_qs, u"Agency B"_qs});
    CHECK(kPolicy.explain(consentStatus({lim}, today), today)
          == QStringList {u"Limited Sharing with Agency A, Agency B until 3 Jan 2028: identifying profile, "
                          "enrollments and services. Not shared: health and disability, domestic violence."_qs});
    const QStringList none = kPolicy.explain(consentStatus({}, today), today);
    CHECK(none.size() == 1);
    const ReleaseOfInformation full = release(SharingChoice::FullSharing, QDate(2025, 1, 10));
    const QStringList revoked = kPolicy.explain(consentStatus({test::revoked(full, QDate(2025, 4, 2))}, today), today);
    CHECK(revoked.contains(u"The HMIS will be asked to restrict what it already holds about this client."_qs));
}

TEST_CASE("Identifying data is found however deep it is nested")
{
    CHECK_FALSE(ConsentPolicy::carriesIdentifyingData({}));
    CHECK_FALSE(ConsentPolicy::carriesIdentifyingData({{u"FirstName"_qs, u" "_qs}, {u"SSN"_qs, QJsonValue::Null}}));
    CHECK(ConsentPolicy::carriesIdentifyingData({{u"DOB"_qs, u"1980-01-01"_qs}}));
    CHECK(ConsentPolicy::carriesIdentifyingData(
        {{u"Assessments"_qs,
          QJsonArray {QJsonObject {{u"Values"_qs, QJsonObject {{u"OtherInsuranceIdentify"_qs, u"x"_qs}}}}}}}));
    CHECK(ConsentPolicy::carriesIdentifyingData({{u"ExitValues"_qs, QJsonObject {{u"OtherDestination"_qs, u"y"_qs}}}}));
    CHECK_FALSE(ConsentPolicy::carriesIdentifyingData(
        {{u"CollectedByName"_qs, u"Staff"_qs}, {u"RevocationNote"_qs, u"asked by phone"_qs}}));
}
