// Adding a client in the policy's order, without the screens: consent first, search before create, and
// the release collected for a person who turns out to be here already goes to that person.
#include "core/services/ClientSearch.h"
#include "core/services/NewClientIntake.h"
#include "tests/consent/ConsentTestSupport.h"

using namespace hearth;
using namespace hearth::test;

namespace {
ClientProfile person(const QString& first, const QString& last, QDate dob)
{
    ClientProfile p;
    p.firstName = first;
    p.lastName = last;
    p.nameDataQuality = 1;
    p.dob = dob;
    p.dobDataQuality = 1;
    return p;
}

int clientCount(Vault& vault)
{
    auto all = ClientRecords(vault).list();
    REQUIRE_OK(all);
    return int(all->size());
}
} // namespace

TEST_CASE("a new client is kept only once their consent is recorded", "[consent][intake]")
{
    ConsentStore s;
    NewClientIntake intake(*s.vault);
    const int before = clientCount(*s.vault);

    auto refused = intake.save(person(u"Lena"_qs, u"Vogel"_qs, QDate(1990, 4, 2)));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.message().contains(u"consent"_qs));
    CHECK_FALSE(intake.saveAnonymous(u"sonoma"_qs, 40).ok());
    CHECK(clientCount(*s.vault) == before);

    intake.collectRelease(releaseFor({}, SharingChoice::NoSharing, s.clock.today()), {});
    auto saved = intake.save(person(u"Lena"_qs, u"Vogel"_qs, QDate(1990, 4, 2)));
    REQUIRE_OK(saved);
    REQUIRE(saved->created.has_value());
    CHECK(s.status(saved->created->uuid).standing == ConsentStatus::Standing::NoSharing);
    CHECK_FALSE(intake.release().has_value()); // the next client starts with their own consent
    CHECK(clientCount(*s.vault) == before + 1);
}

TEST_CASE("a likely duplicate is looked at before a new client is saved", "[consent][intake]")
{
    ConsentStore s;
    NewClientIntake first(*s.vault);
    first.collectRelease(releaseFor({}, SharingChoice::FullSharing, s.clock.today()), {});
    auto maria = first.save(person(u"Maria"_qs, u"Lopez"_qs, QDate(1985, 7, 14)));
    REQUIRE_OK(maria);
    REQUIRE(maria->created.has_value());
    const int before = clientCount(*s.vault);

    NewClientIntake intake(*s.vault);
    intake.collectRelease(releaseFor({}, SharingChoice::LimitedSharing, s.clock.today()), {});
    auto held = intake.save(person(u"Maria"_qs, u"López"_qs, QDate(1985, 7, 14)));
    REQUIRE_OK(held);
    CHECK_FALSE(held->created.has_value());
    REQUIRE_FALSE(held->possibleDuplicates.empty());
    CHECK(held->possibleDuplicates.front().client.uuid == maria->created->uuid);
    CHECK(clientCount(*s.vault) == before);
    CHECK(intake.release().has_value()); // kept while someone decides

    SECTION("it is the same person: the release collected is hers")
    {
        REQUIRE_OK(intake.recordForExisting(maria->created->uuid));
        CHECK(s.status(maria->created->uuid).current->choice == SharingChoice::LimitedSharing);
        CHECK_FALSE(intake.release().has_value());
        CHECK(clientCount(*s.vault) == before);
    }
    SECTION("someone else of the same name: added once a person said so")
    {
        auto added
            = intake.save(person(u"Maria"_qs, u"López"_qs, QDate(1985, 7, 14)), NewClientIntake::Duplicates::Reviewed);
        REQUIRE_OK(added);
        REQUIRE(added->created.has_value());
        CHECK(added->created->uuid != maria->created->uuid);
        CHECK(s.status(added->created->uuid).current->choice == SharingChoice::LimitedSharing);
        CHECK(s.status(maria->created->uuid).current->choice == SharingChoice::FullSharing);
        CHECK(clientCount(*s.vault) == before + 1);
    }
}

TEST_CASE("an anonymous client is added from the anonymous choices with their release", "[consent][intake]")
{
    ConsentStore s;
    NewClientIntake intake(*s.vault);
    intake.collectRelease(releaseFor({}, SharingChoice::Anonymous, s.clock.today()), {});
    CHECK(intake.releaseIsAnonymous());
    auto added = intake.saveAnonymous(u"sonoma"_qs, 40);
    REQUIRE_OK(added);
    CHECK(added->anonymousProfile == u"sonoma"_qs);
    CHECK(s.status(added->uuid).current->choice == SharingChoice::Anonymous);
    CHECK_FALSE(intake.release().has_value());
}
