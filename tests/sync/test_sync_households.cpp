// A family's stay recorded at one desk before its first sync, with every step a shelter takes in a night:
// enrollment, check-in, a head changed and changed back, two children exited together, the mother exited
// and reopened. One writer: its first sync must raise no conflict, and both desks end with every exit.
#include "core/syncstate/SyncState.h"
#include "tests/sync/TwoDesksSupport.h"

using namespace hearth;
using namespace hearth::test;
using namespace hearth::test::desks;

namespace {

struct Family
{
    QString household;
    QString mother;
    QString son;
    QString daughter;
};

/// Enrolls a mother (head) and two children at @p desk, checks them in, changes head to the son and back,
/// exits the children together, then exits the mother and reopens her.
Family recordFamilyNight(Workstation& desk)
{
    Family f;
    const QString mother = desk.client(u"Marta"_qs, u"Vega"_qs);
    const QString son = desk.client(u"Teo"_qs, u"Vega"_qs);
    const QString daughter = desk.client(u"Lia"_qs, u"Vega"_qs);
    for (const QString& c : {mother, son, daughter})
        desk.record(c, SharingChoice::FullSharing);
    desk.clock.advanceSeconds(60);
    auto made = EnrollmentRecords(*desk.vault)
                    .enrollHousehold(desk.shelter.uuid,
                                     {Workstation::member(mother, 1), Workstation::member(son, 2),
                                      Workstation::member(daughter, 2)});
    REQUIRE_OK(made);
    f.household = made->front().householdId;
    for (const Enrollment& e : *made) {
        if (e.clientUuid == mother)
            f.mother = e.uuid;
        else if (e.clientUuid == son)
            f.son = e.uuid;
        else
            f.daughter = e.uuid;
    }
    desk.clock.advanceSeconds(60);
    REQUIRE_OK(ServiceRecords(*desk.vault).checkIn({f.mother, f.son, f.daughter}, QDate(2026, 1, 2)));

    EnrollmentRecords enrollments(*desk.vault);
    desk.clock.advanceSeconds(60);
    REQUIRE_OK(enrollments.changeHead(f.household, f.son, 2)); // by mistake, as in the exit dialog
    desk.clock.advanceSeconds(60);
    REQUIRE_OK(enrollments.changeHead(f.household, f.mother, 2)); // and back
    desk.clock.advanceSeconds(60);
    REQUIRE_OK(enrollments.exit({{f.son, QDate(2026, 1, 5), 12, {}, {}}, {f.daughter, QDate(2026, 1, 5), 12, {}, {}}}));
    desk.clock.advanceSeconds(60);
    REQUIRE_OK(enrollments.exit({{f.mother, QDate(2026, 1, 5), 12, {}, {}}}));
    desk.clock.advanceSeconds(60);
    REQUIRE_OK(enrollments.reopen(f.mother));
    return f;
}

void checkFamily(Workstation& desk, const Family& f)
{
    EnrollmentRecords enrollments(*desk.vault);
    const auto mother = enrollments.find(f.mother);
    REQUIRE_OK(mother);
    CHECK(mother->isHead());
    CHECK(mother->isActive());
    for (const QString& child : {f.son, f.daughter}) {
        const auto e = enrollments.find(child);
        REQUIRE_OK(e);
        CHECK(e->relationshipToHoH == 2);
        CHECK(e->exitDate == QDate(2026, 1, 5));
        CHECK(e->destination == 12);
    }
}

} // namespace

TEST_CASE("one desk's family night syncs without a conflict, and both desks keep every exit", "[sync][e2e]")
{
    START_SERVER(server);
    const int batchSize = GENERATE(5, 200); // the whole night in one push, as the application sends it
    Workstation a(batchSize);
    Workstation b;
    const Family family = recordFamilyNight(a);
    checkFamily(a, family);

    a.registerWith(server.url());
    a.sync();
    CHECK(a.conflicts().empty());
    a.sync();
    b.registerWith(server.url());
    b.sync();
    CHECK(b.conflicts().empty());
    a.sync();

    checkFamily(a, family);
    checkFamily(b, family);
    CHECK(a.conflicts().empty());
    CHECK(SyncState(*a.vault).pendingCount().value() == 0);
    CHECK(SyncState(*b.vault).pendingCount().value() == 0);
    const auto son = server.record(family.son);
    REQUIRE(son);
    CHECK(son->fields.value(u"ExitDate").toString() == u"2026-01-05");
    const auto mother = server.record(family.mother);
    REQUIRE(mother);
    CHECK(mother->fields.value(u"RelationshipToHoH").toInt() == 1);
    CHECK(mother->fields.value(u"ExitDate").toString().isEmpty());
}
