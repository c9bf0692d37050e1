// Intake services against a real encrypted store: case numbers, projects, households,
// enrollments, exits, reopening and bed nights, with their permission checks and audit trail.
#include "core/services/AuditReader.h"
#include "core/services/ClientSearch.h"
#include "core/services/ServiceRecords.h"
#include "core/store/CaseNumbers.h"
#include "tests/core/IntakeTestSupport.h"

#include <QLocale>

#include <ctime>

using namespace hearth;
using namespace hearth::test;

namespace {
bool audited(Vault& vault, const char* action, const QString& uuid)
{
    AuditFilter f;
    f.action = QString::fromLatin1(action);
    f.recordUuid = uuid;
    auto entries = AuditReader(vault).query(f);
    REQUIRE_OK(entries);
    return !entries->empty();
}

ExitRequest exitOf(const QString& enrollmentUuid, QDate date, int destination = 116)
{
    ExitRequest x;
    x.enrollmentUuid = enrollmentUuid;
    x.exitDate = date;
    x.destination = destination;
    return x;
}
} // namespace

TEST_CASE("every client gets a distinct case number that keeps counting after a lock", "[intake][clients]")
{
    IntakeStore s;
    auto first = ClientRecords(*s.vault).create(u"Ada"_qs, u"One"_qs);
    auto second = ClientRecords(*s.vault).create(u"Bea"_qs, u"Two"_qs);
    REQUIRE_OK(first);
    REQUIRE_OK(second);
    CHECK(CaseNumbers::looksLikeCaseNumber(first->caseNumber));
    CHECK(first->caseNumber != second->caseNumber);
    CHECK(first->caseNumber.left(5) == second->caseNumber.left(5)); // one workstation prefix
    CHECK(first->caseNumber.mid(6).toInt() + 1 == second->caseNumber.mid(6).toInt());

    s.vault->lock();
    REQUIRE_OK(s.vault->unlock(kAdminPassword));
    auto third = ClientRecords(*s.vault).create(u"Cy"_qs, u"Three"_qs);
    REQUIRE_OK(third);
    CHECK(third->caseNumber.mid(6).toInt() == second->caseNumber.mid(6).toInt() + 1);
    // A case number the form sends is ignored: the store's number stays.
    ClientProfile edited = *third;
    edited.caseNumber = first->caseNumber;
    REQUIRE_OK(ClientRecords(*s.vault).update(edited));
    CHECK(ClientRecords(*s.vault).open(third->uuid).value().caseNumber == third->caseNumber);
}

TEST_CASE("a full client profile survives the store unchanged", "[intake][clients]")
{
    IntakeStore s;
    ClientProfile c;
    c.firstName = u"  María "_qs;
    c.middleName = u"José"_qs;
    c.lastName = u"García-López"_qs;
    c.nameSuffix = u"Jr."_qs;
    c.nameDataQuality = 1;
    c.alias = u"Majo"_qs;
    c.ssn = u"XXXXX6789"_qs;
    c.ssnDataQuality = 2;
    c.dob = QDate(1980, 3, 12);
    c.dobDataQuality = 1;
    c.raceEthnicity = {u"HispanicLatinao"_qs, u"White"_qs};
    c.additionalRaceEthnicity = u"Oaxacan"_qs;
    c.sex = 0;
    c.veteranStatus = 1;
    c.veteranDetails.setCode(u"MilitaryBranch"_qs, 1);
    c.veteranDetails.setCode(u"YearEnteredService"_qs, 1999);
    auto made = ClientRecords(*s.vault).create(c);
    REQUIRE_OK(made);
    auto back = ClientRecords(*s.vault).open(made->uuid);
    REQUIRE_OK(back);
    CHECK(back->firstName == u"María"_qs); // tidied
    CHECK(*back == *made);
    CHECK(back->veteranDetails.code(u"YearEnteredService"_qs) == 1999);
    CHECK(back->dob == QDate(1980, 3, 12));
}

TEST_CASE("revealing a whole SSN needs the permission and is audited", "[intake][clients][permissions]")
{
    IntakeStore s;
    ClientProfile c;
    c.firstName = u"Sam"_qs;
    c.nameDataQuality = 1;
    c.ssn = u"123456780"_qs;
    c.ssnDataQuality = 1;
    const QString uuid = ClientRecords(*s.vault).create(c).value().uuid;
    s.addUser(u"bo.staff"_qs, Role::AgencyStaff, kThirdPassword);

    s.switchTo(u"bo.staff"_qs, kThirdPassword);
    CHECK(ClientRecords(*s.vault).revealSsn(uuid).code() == ErrorCode::PermissionDenied);

    s.switchTo(kAdminLogin, kAdminPassword);
    CHECK_FALSE(audited(*s.vault, audit::SsnReveal, uuid));
    auto ssn = ClientRecords(*s.vault).revealSsn(uuid);
    REQUIRE_OK(ssn);
    CHECK(*ssn == u"123456780"_qs);
    CHECK(audited(*s.vault, audit::SsnReveal, uuid));
}

TEST_CASE("only administrators define projects, and a project needs a name and a start", "[intake][projects]")
{
    IntakeStore s;
    Project p;
    p.projectType = 13;
    p.cocCode = u"ca-504"_qs;
    p.operatingStart = QDate(2025, 7, 1);
    CHECK(ProjectRecords(*s.vault).create(p).code() == ErrorCode::InvalidInput);
    p.name = u"Rapid Re-Housing"_qs;
    auto made = ProjectRecords(*s.vault).create(p);
    REQUIRE_OK(made);
    CHECK(made->cocCode == u"CA-504"_qs);
    CHECK(ProjectRecords(*s.vault).list().value().size() == 2);

    s.addUser(u"bo.staff"_qs, Role::AgencyStaff, kThirdPassword);
    s.switchTo(u"bo.staff"_qs, kThirdPassword);
    CHECK(ProjectRecords(*s.vault).create(p).code() == ErrorCode::PermissionDenied);
    CHECK(ProjectRecords(*s.vault).list().value().size() == 2); // staff still see them to enroll
}

TEST_CASE("a household enrollment has exactly one head of household", "[intake][households]")
{
    IntakeStore s;
    const QString mom = s.client(u"Rosa"_qs, u"Diaz"_qs);
    const QString son = s.client(u"Leo"_qs, u"Diaz"_qs);
    const QString girl = s.client(u"Ana"_qs, u"Diaz"_qs);
    EnrollmentRecords enrollments(*s.vault);

    auto none = enrollments.enrollHousehold(s.shelter.uuid, {s.member(mom, 3), s.member(son, 2)});
    CHECK(none.code() == ErrorCode::InvalidInput);
    auto two = enrollments.enrollHousehold(s.shelter.uuid, {s.member(mom, 1), s.member(son, 1)});
    CHECK(two.code() == ErrorCode::InvalidInput);
    CHECK(two.message().contains(u"exactly one"_qs));

    auto family = enrollments.enrollHousehold(s.shelter.uuid, {s.member(mom, 1), s.member(son, 2), s.member(girl, 2)});
    REQUIRE_OK(family);
    REQUIRE(family->size() == 3);
    const QString household = family->front().householdId;
    for (const Enrollment& e : *family) {
        CHECK(e.householdId == household);
        CHECK(e.enrollmentCoC == u"CA-504"_qs); // 3.16 defaults to the project's CoC
    }
    // A second head cannot join; a member can.
    const QString dad = s.client(u"Tomas"_qs, u"Diaz"_qs);
    CHECK(enrollments.addToHousehold(household, s.member(dad, 1)).code() == ErrorCode::InvalidInput);
    REQUIRE_OK(enrollments.addToHousehold(household, s.member(dad, 3, QDate(2026, 1, 4))));
    CHECK(enrollments.household(household).value().size() == 4);
    // Becoming head goes through changeHead, not an edit.
    Enrollment sonEdit = (*family)[1];
    sonEdit.relationshipToHoH = 1;
    CHECK(enrollments.update(sonEdit).code() == ErrorCode::InvalidInput);
}

TEST_CASE("overlapping stays of one client in one project are refused with the dates", "[intake][enrollments]")
{
    IntakeStore s;
    const QString ana = s.client(u"Ana"_qs, u"Ruiz"_qs);
    EnrollmentRecords enrollments(*s.vault);
    auto first = enrollments.enrollHousehold(s.shelter.uuid, {s.member(ana, 1, QDate(2025, 12, 1))});
    REQUIRE_OK(first);
    auto again = enrollments.enrollHousehold(s.shelter.uuid, {s.member(ana, 1, QDate(2025, 12, 20))});
    CHECK(again.code() == ErrorCode::InvalidInput);
    CHECK(again.message().contains(QLocale().toString(QDate(2025, 12, 1), QLocale::ShortFormat)));

    REQUIRE_OK(enrollments.exit({exitOf(first->front().uuid, QDate(2025, 12, 10))}));
    // The exit day is free again; a stay inside the old one is not.
    CHECK(enrollments.enrollHousehold(s.shelter.uuid, {s.member(ana, 1, QDate(2025, 12, 5))}).code()
          == ErrorCode::InvalidInput);
    auto later = enrollments.enrollHousehold(s.shelter.uuid, {s.member(ana, 1, QDate(2025, 12, 10))});
    REQUIRE_OK(later);
    // Reopening the first stay would now overlap the second.
    CHECK(enrollments.reopen(first->front().uuid).code() == ErrorCode::InvalidInput);
}

TEST_CASE("entry and exit dates are checked against the project and each other", "[intake][enrollments]")
{
    IntakeStore s;
    const QString ana = s.client(u"Ana"_qs, u"Ruiz"_qs);
    EnrollmentRecords enrollments(*s.vault);
    CHECK(enrollments.enrollHousehold(s.shelter.uuid, {s.member(ana, 1, QDate(2024, 12, 31))}).code()
          == ErrorCode::InvalidInput); // before the project opened
    CHECK(enrollments.enrollHousehold(s.shelter.uuid, {s.member(ana, 1, QDate(2026, 1, 6))}).code()
          == ErrorCode::InvalidInput); // tomorrow
    auto stay = enrollments.enrollHousehold(s.shelter.uuid, {s.member(ana, 1, QDate(2026, 1, 2))});
    REQUIRE_OK(stay);
    auto early = enrollments.exit({exitOf(stay->front().uuid, QDate(2026, 1, 1))});
    CHECK(early.code() == ErrorCode::InvalidInput);
    CHECK(early.message().contains(u"before the project start date"_qs));
    REQUIRE_OK(enrollments.exit({exitOf(stay->front().uuid, QDate(2026, 1, 2))})); // same-day exit is allowed
    CHECK(enrollments.exit({exitOf(stay->front().uuid, QDate(2026, 1, 3))}).code() == ErrorCode::InvalidInput);
}

TEST_CASE("the head of household leaves last or hands over first", "[intake][households][exit]")
{
    IntakeStore s;
    const QString mom = s.client(u"Rosa"_qs, u"Diaz"_qs);
    const QString son = s.client(u"Leo"_qs, u"Diaz"_qs);
    const QString girl = s.client(u"Ana"_qs, u"Diaz"_qs);
    EnrollmentRecords enrollments(*s.vault);
    auto family
        = enrollments.enrollHousehold(s.shelter.uuid, {s.member(mom, 1), s.member(son, 2), s.member(girl, 2)}).value();
    const QString household = family[0].householdId;

    auto headFirst = enrollments.exit({exitOf(family[0].uuid, QDate(2026, 1, 4))});
    CHECK(headFirst.code() == ErrorCode::InvalidInput);
    CHECK(headFirst.message().contains(u"head"_qs));

    // Two members at once, head included, while the third stays: still refused, nothing written.
    CHECK(
        enrollments.exit({exitOf(family[1].uuid, QDate(2026, 1, 4)), exitOf(family[0].uuid, QDate(2026, 1, 4))}).code()
        == ErrorCode::InvalidInput);
    CHECK(enrollments.find(family[1].uuid).value().isActive());

    // Hand over to the son, then the mother can leave.
    REQUIRE_OK(enrollments.changeHead(household, family[1].uuid, 3));
    auto members = enrollments.household(household).value();
    CHECK(std::count_if(members.begin(), members.end(), [](const Enrollment& e) { return e.isHead(); }) == 1);
    CHECK(enrollments.find(family[0].uuid).value().relationshipToHoH == 3);
    REQUIRE_OK(enrollments.exit({exitOf(family[0].uuid, QDate(2026, 1, 4))}));
    CHECK(audited(*s.vault, audit::HouseholdHeadChange, family[1].uuid));

    // Everyone left at once, head included, is fine.
    REQUIRE_OK(
        enrollments.exit({exitOf(family[1].uuid, QDate(2026, 1, 5)), exitOf(family[2].uuid, QDate(2026, 1, 5))}));
}

TEST_CASE("a head change made with an exit is saved with it or not at all; a younger head over an adult 'child' "
          "is refused",
          "[intake][households][exit]")
{
    IntakeStore s;
    ClientRecords clients(*s.vault);
    const auto born = [&](const QString& first, QDate dob) {
        ClientProfile c = clients.create(first, u"Diaz"_qs).value();
        c.dob = dob;
        c.dobDataQuality = 1;
        REQUIRE_OK(clients.update(c));
        return c.uuid;
    };
    const QString mom = born(u"Rosa"_qs, QDate(1990, 3, 1));
    const QString boy = born(u"Leo"_qs, QDate(2022, 5, 1));
    const QString aunt = born(u"Eva"_qs, QDate(1985, 7, 1));
    EnrollmentRecords enrollments(*s.vault);
    auto family
        = enrollments.enrollHousehold(s.shelter.uuid, {s.member(mom, 1), s.member(boy, 2), s.member(aunt, 4)}).value();
    const QString household = family[0].householdId;

    // The 4-year-old as head with his mother as his "Child": refused, alone or with an exit.
    CHECK(enrollments.changeHead(household, family[1].uuid, 2).code() == ErrorCode::InvalidInput);
    CHECK(enrollments.exit({exitOf(family[0].uuid, QDate(2026, 1, 4))}, HeadChange {family[1].uuid, 2}).code()
          == ErrorCode::InvalidInput);
    CHECK(enrollments.find(family[0].uuid).value().isHead());
    CHECK(enrollments.find(family[0].uuid).value().isActive());

    // An exit refused for its own reason takes the head change with it.
    CHECK(enrollments.exit({exitOf(family[0].uuid, QDate(2025, 1, 4))}, HeadChange {family[2].uuid, 4}).code()
          == ErrorCode::InvalidInput); // before the project start
    CHECK(enrollments.find(family[0].uuid).value().isHead());
    CHECK(enrollments.find(family[2].uuid).value().relationshipToHoH == 4);

    // The aunt heads the household and the mother leaves, in one step.
    REQUIRE_OK(enrollments.exit({exitOf(family[0].uuid, QDate(2026, 1, 4))}, HeadChange {family[2].uuid, 4}));
    CHECK(enrollments.find(family[2].uuid).value().isHead());
    CHECK(enrollments.find(family[0].uuid).value().relationshipToHoH == 4);
    CHECK_FALSE(enrollments.find(family[0].uuid).value().isActive());
}

TEST_CASE("reopening clears the exit date and keeps the exit data; clearing it all is a permission",
          "[intake][exit][reopen]")
{
    IntakeStore s;
    s.addUser(u"bo.staff"_qs, Role::AgencyStaff, kThirdPassword);
    const QString ana = s.client(u"Ana"_qs, u"Ruiz"_qs);
    EnrollmentRecords enrollments(*s.vault);
    const QString stay = enrollments.enrollHousehold(s.shelter.uuid, {s.member(ana, 1)}).value().front().uuid;
    ExitRequest x = exitOf(stay, QDate(2026, 1, 4), 116);
    x.exitValues.setText(u"OtherDestination"_qs, u"n/a"_qs);
    Assessment income;
    income.file = u"IncomeBenefits"_qs;
    income.informationDate = QDate(2026, 1, 4);
    income.values.setCode(u"IncomeFromAnySource"_qs, 0);
    x.exitAssessments = {income};
    REQUIRE_OK(enrollments.exit({x}));

    s.switchTo(u"bo.staff"_qs, kThirdPassword);
    CHECK(enrollments.reopen(stay, true).code() == ErrorCode::PermissionDenied);
    REQUIRE_OK(enrollments.reopen(stay));
    Enrollment reopened = enrollments.find(stay).value();
    CHECK(reopened.isActive());
    CHECK(reopened.destination == 116);
    CHECK(reopened.exitValues.text(u"OtherDestination"_qs) == u"n/a"_qs);
    CHECK(reopened.assessments.size() == 1);
    CHECK(enrollments.reopen(stay).code() == ErrorCode::InvalidInput); // already open

    REQUIRE_OK(enrollments.exit({exitOf(stay, QDate(2026, 1, 5), 101)}));
    s.switchTo(kAdminLogin, kAdminPassword);
    REQUIRE_OK(enrollments.reopen(stay, true));
    Enrollment cleared = enrollments.find(stay).value();
    CHECK(cleared.isActive());
    CHECK_FALSE(cleared.destination.has_value());
    CHECK(cleared.exitValues.isEmpty());
    CHECK(cleared.assessments.isEmpty());
    CHECK(audited(*s.vault, audit::Reopen, stay));
    CHECK(audited(*s.vault, audit::ClearExitData, stay));
}

TEST_CASE("check-in records one bed night per person per night", "[intake][services]")
{
    IntakeStore s;
    const QString mom = s.client(u"Rosa"_qs, u"Diaz"_qs);
    const QString son = s.client(u"Leo"_qs, u"Diaz"_qs);
    EnrollmentRecords enrollments(*s.vault);
    auto family = enrollments.enrollHousehold(s.shelter.uuid, {s.member(mom, 1), s.member(son, 2)}).value();
    ServiceRecords services(*s.vault);
    const QStringList both {family[0].uuid, family[1].uuid};

    auto night = services.checkIn(both, QDate(2026, 1, 3));
    REQUIRE_OK(night);
    CHECK(night->size() == 2);
    CHECK(services.checkedIn(family[1].uuid, QDate(2026, 1, 3)).value());
    auto twice = services.checkIn({family[1].uuid}, QDate(2026, 1, 3));
    CHECK(twice.code() == ErrorCode::InvalidInput);
    CHECK(twice.message().contains(u"Already checked in"_qs));
    // A failed batch writes nothing.
    CHECK(services.checkIn(both, QDate(2026, 1, 3)).code() == ErrorCode::InvalidInput);
    CHECK(services.forEnrollment(family[0].uuid).value().size() == 1);

    CHECK(services.checkIn({family[0].uuid}, QDate(2026, 1, 1)).code() == ErrorCode::InvalidInput); // before entry
    CHECK(services.checkIn({family[0].uuid}, QDate(2026, 1, 6)).code() == ErrorCode::InvalidInput); // future
    REQUIRE_OK(services.checkIn(both, QDate(2026, 1, 4)));
    REQUIRE_OK(enrollments.exit({exitOf(family[1].uuid, QDate(2026, 1, 5))}));
    CHECK(services.checkIn({family[1].uuid}, QDate(2026, 1, 5)).code() == ErrorCode::InvalidInput); // left that day
    CHECK(services.forEnrollment(family[1].uuid).value().size() == 2);

    // Other services are listed with the bed nights; removing one keeps the rest.
    ServiceRecord meal;
    meal.enrollmentUuid = family[0].uuid;
    meal.recordType = 0;
    meal.typeProvided = 1;
    meal.dateProvided = QDate(2026, 1, 4);
    meal.notes = u"Case management: housing plan"_qs;
    auto added = services.add(meal);
    REQUIRE_OK(added);
    CHECK(services.forEnrollment(family[0].uuid).value().size() == 3);
    REQUIRE_OK(services.remove(added->uuid));
    CHECK(services.forEnrollment(family[0].uuid).value().size() == 2);
}

TEST_CASE("a project that does not track bed nights refuses check-in", "[intake][services]")
{
    IntakeStore s;
    Project outreach;
    outreach.name = u"Street Outreach"_qs;
    outreach.projectType = 4;
    outreach.cocCode = u"CA-504"_qs;
    outreach.operatingStart = QDate(2025, 1, 1);
    const QString project = ProjectRecords(*s.vault).create(outreach).value().uuid;
    const QString ana = s.client(u"Ana"_qs, u"Ruiz"_qs);
    const QString stay = EnrollmentRecords(*s.vault).enrollHousehold(project, {s.member(ana, 1)}).value().front().uuid;
    CHECK(ServiceRecords(*s.vault).checkIn({stay}, QDate(2026, 1, 3)).code() == ErrorCode::InvalidInput);
}

TEST_CASE("a client's history lists changes to the profile, enrollments and services", "[intake][history]")
{
    IntakeStore s;
    const QString ana = s.client(u"Ana"_qs, u"Ruiz"_qs);
    const QString stay
        = EnrollmentRecords(*s.vault).enrollHousehold(s.shelter.uuid, {s.member(ana, 1)}).value().front().uuid;
    REQUIRE_OK(ServiceRecords(*s.vault).checkIn({stay}, QDate(2026, 1, 3)));
    auto history = ClientRecords(*s.vault).history(ana);
    REQUIRE_OK(history);
    REQUIRE(history->size() == 3);
    CHECK(history->at(0).entity == u"service"_qs); // newest first
    CHECK(history->at(1).entity == u"enrollment"_qs);
    CHECK(history->at(2).entity == u"client"_qs);
}

TEST_CASE("search before create finds stored clients and follows edits and deletions", "[intake][search]")
{
    IntakeStore s;
    ClientProfile william;
    william.firstName = u"William"_qs;
    william.lastName = u"Hernández"_qs;
    william.nameDataQuality = 1;
    william.dob = QDate(1971, 4, 9);
    william.dobDataQuality = 1;
    william.ssn = u"XXXXX4821"_qs;
    william.ssnDataQuality = 2;
    const ClientProfile stored = ClientRecords(*s.vault).create(william).value();
    s.client(u"Wilma"_qs, u"Hart"_qs);

    SearchQuery typed;
    typed.firstName = u"Bill"_qs;
    typed.lastName = u"hernandez"_qs;
    auto found = ClientSearch(*s.vault).search(typed);
    REQUIRE_OK(found);
    REQUIRE_FALSE(found->empty());
    CHECK(found->front().client.uuid == stored.uuid);
    CHECK(found->front().client.caseNumber == stored.caseNumber);
    CHECK(found->front().match.explanation().join(u' ').contains(u"Bill"_qs));

    // Saving someone who looks like William warns; someone else does not.
    ClientProfile again;
    again.firstName = u"Wiliam"_qs;
    again.lastName = u"Hernandez"_qs;
    again.dob = QDate(1971, 9, 4); // day and month swapped
    auto dupes = ClientSearch(*s.vault).likelyDuplicates(again);
    REQUIRE_OK(dupes);
    REQUIRE(dupes->size() == 1);
    CHECK(dupes->front().client.uuid == stored.uuid);
    ClientProfile stranger;
    stranger.firstName = u"Priya"_qs;
    stranger.lastName = u"Natarajan"_qs;
    stranger.dob = QDate(1990, 2, 2);
    CHECK(ClientSearch(*s.vault).likelyDuplicates(stranger).value().empty());
    // The record itself is not its own duplicate.
    CHECK(ClientSearch(*s.vault).likelyDuplicates(stored).value().empty());

    // Edits reach the index at once; a deleted client is no longer suggested.
    ClientProfile renamed = stored;
    renamed.lastName = u"Okafor"_qs;
    REQUIRE_OK(ClientRecords(*s.vault).update(renamed));
    SearchQuery byNewName;
    byNewName.lastName = u"Okafor"_qs;
    CHECK(ClientSearch(*s.vault).search(byNewName).value().front().client.uuid == stored.uuid);
    REQUIRE_OK(ClientRecords(*s.vault).remove(stored.uuid));
    auto afterDelete = ClientSearch(*s.vault).search(byNewName);
    REQUIRE_OK(afterDelete);
    for (const ClientMatch& m : *afterDelete)
        CHECK(m.client.uuid != stored.uuid);

    // The index is rebuilt from the store after a lock.
    s.vault->lock();
    CHECK(ClientSearch(*s.vault).search(typed).code() != ErrorCode::InvalidInput);
    REQUIRE_OK(s.vault->unlock(kAdminPassword));
    SearchQuery wilma;
    wilma.firstName = u"Wilma"_qs;
    wilma.lastName = u"Hart"_qs;
    CHECK(ClientSearch(*s.vault).search(wilma).value().front().client.lastName == u"Hart"_qs);
}

TEST_CASE("an anonymous client gets the agency's profile, with the case number where Sonoma wants it",
          "[intake][anonymous]")
{
    IntakeStore s;
    ClientProfile sonoma;
    sonoma.anonymousProfile = u"sonoma"_qs;
    sonoma.firstName = u"Typed"_qs; // replaced by the profile
    sonoma.dob = QDate(1990, 6, 15);
    auto made = ClientRecords(*s.vault).create(sonoma);
    REQUIRE_OK(made);
    CHECK(made->firstName == u"Client"_qs);
    CHECK(made->lastName == made->caseNumber);
    CHECK(made->dob == QDate(made->dob->year(), 1, 1));
    CHECK(made->dobDataQuality == 2);

    ClientProfile clean;
    clean.anonymousProfile = u"hud-clean"_qs;
    auto hud = ClientRecords(*s.vault).create(clean);
    REQUIRE_OK(hud);
    CHECK(hud->firstName.isEmpty());
    CHECK(hud->ssn.isEmpty());
    CHECK_FALSE(hud->dob.has_value());
    CHECK(hud->nameDataQuality == 9);

    ClientProfile unknown;
    unknown.anonymousProfile = u"no-such-profile"_qs;
    CHECK(ClientRecords(*s.vault).create(unknown).code() == ErrorCode::InvalidInput);
}

TEST_CASE("impossible client data is refused and nothing is written", "[intake][quality]")
{
    IntakeStore s;
    ClientProfile future;
    future.firstName = u"Tess"_qs;
    future.nameDataQuality = 1;
    future.dob = QDate(2026, 3, 1);
    future.dobDataQuality = 1;
    auto refused = ClientRecords(*s.vault).create(future);
    CHECK(refused.code() == ErrorCode::InvalidInput);
    CHECK(ClientRecords(*s.vault).list().value().empty());

    ClientProfile badSsn;
    badSsn.firstName = u"Tess"_qs;
    badSsn.nameDataQuality = 1;
    badSsn.ssn = u"12-34"_qs;
    badSsn.ssnDataQuality = 1;
    CHECK(ClientRecords(*s.vault).create(badSsn).code() == ErrorCode::InvalidInput);
    // A number that breaks the validity rules is only a warning: it is kept as typed.
    ClientProfile suspicious = badSsn;
    suspicious.ssn = u"123456789"_qs;
    auto kept = ClientRecords(*s.vault).create(suspicious);
    REQUIRE_OK(kept);
    CHECK(kept->ssn == u"123456789"_qs);
}

TEST_CASE("users who may not reveal an SSN only ever receive its last four digits", "[intake][clients][permissions]")
{
    IntakeStore s;
    ClientProfile c;
    c.firstName = u"Sam"_qs;
    c.lastName = u"Reyes"_qs;
    c.nameDataQuality = 1;
    c.ssn = u"123456780"_qs;
    c.ssnDataQuality = 1;
    const QString uuid = ClientRecords(*s.vault).create(c).value().uuid;
    s.addUser(u"bo.staff"_qs, Role::AgencyStaff, kThirdPassword);
    s.switchTo(u"bo.staff"_qs, kThirdPassword);

    ClientProfile seen = ClientRecords(*s.vault).open(uuid).value();
    CHECK(seen.ssn == u"XXXXX6780"_qs);
    CHECK(seen.ssnWithheld); // so the form's checks leave the number they cannot see alone
    CHECK(ClientRecords(*s.vault).list().value().front().ssn == u"XXXXX6780"_qs);
    SearchQuery q;
    q.lastName = u"Reyes"_qs;
    CHECK(ClientSearch(*s.vault).search(q).value().front().client.ssn == u"XXXXX6780"_qs);
    CHECK(ClientSearch(*s.vault).search(q).value().front().client.ssnWithheld);

    // The mark is the service's to decide: a caller that claims it for another number is checked as usual.
    ClientProfile forged = seen;
    forged.ssn = u"XXXXX0000"_qs;
    CHECK(ClientRecords(*s.vault).update(forged).code() == ErrorCode::InvalidInput);

    // Editing something else sends the withheld form back: the stored number stays whole.
    seen.alias = u"Sammy"_qs;
    REQUIRE_OK(ClientRecords(*s.vault).update(seen));
    s.switchTo(kAdminLogin, kAdminPassword);
    CHECK(ClientRecords(*s.vault).open(uuid).value().ssn == u"123456780"_qs);
    CHECK(ClientRecords(*s.vault).open(uuid).value().alias == u"Sammy"_qs);
}

TEST_CASE("tonight is the workstation's calendar date, not the UTC one", "[intake][services][clock]")
{
    const QByteArray previous = qgetenv("TZ");
    qputenv("TZ", "America/Los_Angeles");
    tzset();
    // 8 pm in California on 5 January is already 6 January in UTC.
    ManualClock clock(QDateTime(QDate(2026, 1, 6), QTime(4, 0), Qt::UTC));
    CHECK(clock.today() == QDate(2026, 1, 5));
    if (previous.isEmpty())
        qunsetenv("TZ");
    else
        qputenv("TZ", previous);
    tzset();
}
