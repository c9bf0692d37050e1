// Per-client completeness: which universal elements hold real answers.
#include "core/intake/Completeness.h"
#include "tests/intake/IntakeTestSupport.h"

using hearth::test::kToday;

namespace {

QStringList missingIds(const hearth::Completeness& c)
{
    QStringList ids;
    for (const auto& e : c.missing())
        ids.append(e.id);
    return ids;
}

} // namespace

TEST_CASE("A fully answered client is 100% complete")
{
    const auto c = hearth::completenessOf(hearth::test::baselineClient(), kToday);
    CHECK(c.total == 6);
    CHECK(c.answered == 6);
    CHECK(c.percent() == 100);
    CHECK(c.missing().isEmpty());
}

TEST_CASE("Missing-data answers count as missing")
{
    hearth::ClientProfile client = hearth::test::baselineClient();
    client.ssn = QStringLiteral("XXXXXXXXX");
    client.ssnDataQuality = 8;
    client.veteranStatus = 9;
    const auto c = hearth::completenessOf(client, kToday);
    CHECK(missingIds(c) == QStringList {u"3.02"_qs, u"3.07"_qs});
    CHECK(c.percent() == 66);
}

TEST_CASE("Veteran status is not expected of children")
{
    hearth::ClientProfile child = hearth::test::baselineClient();
    child.dob = QDate(2018, 6, 1);
    child.veteranStatus = 99;
    const auto c = hearth::completenessOf(child, kToday);
    CHECK(c.total == 5);
    CHECK(c.percent() == 100);
}

TEST_CASE("An anonymous client under the HUD-clean profile is mostly missing")
{
    hearth::ClientProfile client = hearth::test::baselineClient();
    client.firstName.clear();
    client.lastName.clear();
    client.nameDataQuality = 9;
    client.ssn.clear();
    client.ssnDataQuality = 9;
    client.dob.reset();
    client.dobDataQuality = 9;
    const auto c = hearth::completenessOf(client, kToday);
    CHECK(missingIds(c) == QStringList {u"3.01"_qs, u"3.02"_qs, u"3.03"_qs});
    CHECK(c.percent() == 50);
}

TEST_CASE("Enrollment elements join the count")
{
    const hearth::Project project = hearth::test::baselineProject();
    hearth::Enrollment enrollment = hearth::test::baselineEnrollment(project);
    enrollment.enrollmentCoC.clear();
    enrollment.exitDate = kToday;
    enrollment.destination = 30;
    const auto c = hearth::completenessOf(hearth::test::baselineClient(), kToday, {enrollment});
    CHECK(c.total == 6 + 5);
    CHECK(missingIds(c) == QStringList {u"3.16"_qs, u"3.12"_qs});
}
