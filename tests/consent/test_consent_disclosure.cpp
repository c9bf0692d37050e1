// The consent policy's disclosures: what of each record may leave this workstation, to whom and in which
// form (signatures, the central server's consent reference, restricted names, Anonymous and Limited
// Sharing), and how the client page explains it.
#include "core/common/DisplayDates.h"
#include "tests/consent/PolicyRecordSupport.h"
#include "tests/consent/PolicyTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace hearth;
using namespace hearth::test::policy;
using hearth::test::at;
using hearth::test::kOurAgency;
using hearth::test::release;
using Standing = ConsentStatus::Standing;
using Form = Disclosure::Form;
using Reason = Disclosure::Reason;

namespace {

OutgoingRecord localOnly(Kind kind)
{
    return {kind,         u"release-x"_qs, u"client-1"_qs,        {{u"Bytes"_qs, u"iVBORw0KGgo"_qs}},
            std::nullopt, std::nullopt,    at(QDate(2025, 1, 10))};
}

QString serialized(const QJsonObject& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

} // namespace

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
          == QStringList {
              u"Full Sharing with all HMIS partner agencies until %1."_qs.arg(displayDate(QDate(2028, 1, 3)))});
    const ReleaseOfInformation lim = test::limited(
        QDate(2026, 1, 3), ShareCategories(ShareCategory::IdentifyingProfile) | ShareCategory::EnrollmentsAndServices,
        {u"Agency A"_qs, u"Agency B"_qs});
    CHECK(kPolicy.explain(consentStatus({lim}, today), today)
          == QStringList {u"Limited Sharing with Agency A, Agency B until %1: identifying profile, "
                          "enrollments and services. Not shared: health and disability, domestic violence."_qs.arg(
                              displayDate(QDate(2028, 1, 3)))});
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
