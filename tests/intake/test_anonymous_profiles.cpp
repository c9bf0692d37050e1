// Anonymous-client profiles: what each ready-made profile stores, per the procedure it follows.
#include "core/intake/AnonymousProfiles.h"
#include "core/intake/DataQuality.h"
#include "core/intake/Ssn.h"
#include "tests/intake/IntakeTestSupport.h"

#include <catch2/generators/catch_generators.hpp>

using hearth::ClientProfile;
using hearth::test::kToday;

namespace {

ClientProfile identifiedClient()
{
    ClientProfile c = hearth::test::baselineClient();
    c.middleName = QStringLiteral("Ana");
    c.nameSuffix = QStringLiteral("Jr");
    c.alias = QStringLiteral("Mari");
    c.veteranStatus = 1;
    c.veteranDetails.setCode(QStringLiteral("MilitaryBranch"), 1);
    return c;
}

} // namespace

TEST_CASE("The ready-made profiles are listed with hud-clean as the default")
{
    QStringList ids;
    for (const auto& profile : hearth::anonymousProfiles()) {
        ids.append(profile.id);
        CHECK_FALSE(profile.name.isEmpty());
        CHECK_FALSE(profile.description.isEmpty());
    }
    CHECK(ids == QStringList {u"hud-clean"_qs, u"sonoma"_qs, u"connecticut"_qs});
    CHECK(hearth::defaultAnonymousProfileId() == u"hud-clean"_qs);
    CHECK(hearth::findAnonymousProfile(hearth::defaultAnonymousProfileId()).has_value());
}

TEST_CASE("HUD-clean stores no invented values, only the data-quality codes")
{
    ClientProfile c = identifiedClient();
    REQUIRE(hearth::applyAnonymousProfile(u"hud-clean"_qs, c, c.caseNumber, kToday).ok());
    CHECK(c.firstName.isEmpty());
    CHECK(c.middleName.isEmpty());
    CHECK(c.lastName.isEmpty());
    CHECK(c.nameSuffix.isEmpty());
    CHECK(c.nameDataQuality == 9);
    CHECK(c.ssn.isEmpty());
    CHECK(c.ssnDataQuality == 9);
    CHECK_FALSE(c.dob.has_value());
    CHECK(c.dobDataQuality == 9);
    CHECK(c.veteranStatus == 1); // not identifying: still asked
    CHECK(c.alias == u"Mari"_qs);
    CHECK(c.anonymousProfile == u"hud-clean"_qs);
    CHECK_FALSE(hearth::hasRefusal(hearth::quality::checkClientProfile(c, kToday)));
}

TEST_CASE("HUD-clean turns an age the client gives into an approximate date of birth")
{
    ClientProfile c = identifiedClient();
    REQUIRE(hearth::applyAnonymousProfile(u"hud-clean"_qs, c, c.caseNumber, kToday, 34).ok());
    CHECK(c.dob == QDate(1992, 1, 1));
    CHECK(c.dobDataQuality == 2);
}

TEST_CASE("Sonoma: first name Client, last name the case number, approximate DOB on 1 January")
{
    ClientProfile c = identifiedClient();
    REQUIRE(hearth::applyAnonymousProfile(u"sonoma"_qs, c, u"107650"_qs, kToday, 25).ok());
    CHECK(c.firstName == u"Client"_qs);
    CHECK(c.lastName == u"107650"_qs);
    CHECK(c.middleName.isEmpty());
    CHECK(c.nameDataQuality == 9);
    // The guide's placeholder 123456789 is not stored: empty with "prefers not to answer".
    CHECK(c.ssn.isEmpty());
    CHECK(c.ssnDataQuality == 9);
    CHECK(c.dob == QDate(2001, 1, 1));
    CHECK(c.dobDataQuality == 2);
    CHECK(c.veteranStatus == 9);
    CHECK(c.veteranDetails.isEmpty());
    CHECK(c.anonymousProfile == u"sonoma"_qs);
    CHECK_FALSE(hearth::hasRefusal(hearth::quality::checkClientProfile(c, kToday)));
}

TEST_CASE("Sonoma needs the case number")
{
    ClientProfile c = identifiedClient();
    const ClientProfile before = c;
    const auto status = hearth::applyAnonymousProfile(u"sonoma"_qs, c, u"  "_qs, kToday, 25);
    CHECK_FALSE(status.ok());
    CHECK(status.code() == hearth::ErrorCode::InvalidInput);
    CHECK(c == before);
}

TEST_CASE("Sonoma without an age leaves the date of birth empty rather than inventing one")
{
    ClientProfile c = identifiedClient();
    REQUIRE(hearth::applyAnonymousProfile(u"sonoma"_qs, c, u"107650"_qs, kToday).ok());
    CHECK_FALSE(c.dob.has_value());
    CHECK(c.dobDataQuality == 9);
}

TEST_CASE("Connecticut: Anonymous, keeping a DOB and SSN the client agreed to give")
{
    SECTION("client agreed to DOB and SSN")
    {
        ClientProfile c = identifiedClient();
        REQUIRE(hearth::applyAnonymousProfile(u"connecticut"_qs, c, c.caseNumber, kToday).ok());
        CHECK(c.firstName == u"Anonymous"_qs);
        CHECK(c.lastName == u"Anonymous"_qs);
        CHECK(c.nameDataQuality == 9);
        CHECK(c.ssn == u"512437891"_qs);
        CHECK(c.ssnDataQuality == 1);
        CHECK(c.dob == QDate(1980, 3, 12));
        CHECK(c.dobDataQuality == 1);
        CHECK(c.veteranStatus == 1);
    }
    SECTION("client refused DOB and SSN")
    {
        ClientProfile c = identifiedClient();
        c.ssn.clear();
        c.dob.reset();
        REQUIRE(hearth::applyAnonymousProfile(u"connecticut"_qs, c, c.caseNumber, kToday).ok());
        CHECK(c.ssn.isEmpty());
        CHECK(c.ssnDataQuality == 9);
        CHECK_FALSE(c.dob.has_value());
        CHECK(c.dobDataQuality == 9);
    }
}

TEST_CASE("Unknown profiles and impossible ages are refused without changing the client")
{
    const auto [id, age] = GENERATE(table<const char*, std::optional<int>>({
        {"no-such-profile", std::nullopt},
        {"hud-clean", -1},
        {"hud-clean", 111},
    }));
    ClientProfile c = identifiedClient();
    const ClientProfile before = c;
    CHECK_FALSE(hearth::applyAnonymousProfile(QString::fromLatin1(id), c, c.caseNumber, kToday, age).ok());
    CHECK(c == before);
}
