// Search before create: each kind of slip still finds the client, first, and says why.
#include "tests/search/SearchTestSupport.h"

#include <catch2/catch_test_macros.hpp>

#include <thread>

using namespace hearth;
using namespace hearth::test;

namespace {

const QString kWilliam = QStringLiteral("c-william");
const QString kMaria = QStringLiteral("c-maria");
const QString kJose = QStringLiteral("c-jose");
const QString kLan = QStringLiteral("c-lan");
const QString kCatherine = QStringLiteral("c-catherine");

DuplicateIndex indexWithClients()
{
    DuplicateIndex index = populatedIndex();
    index.upsert(client("c-william", "William", "Johnson", {1980, 5, 17}, "123456789", "Earl", "Smokey"));
    index.upsert(client("c-maria", "María", "García-López", {1985, 3, 7}, "XXXXX4321", "Guadalupe"));
    index.upsert(client("c-jose", "José", "De La Cruz Hernández", {1972, 11, 2}));
    index.upsert(client("c-lan", "Lan", "Nguyễn", {1990, 8, 21}, "", "Thị"));
    index.upsert(client("c-catherine", "Catherine", "Phillips", {1964, 1, 30}, "987651111"));
    return index;
}

void requireFirst(const DuplicateIndex& index, const SearchQuery& q, const QString& id)
{
    const auto results = index.search(q);
    INFO("first result " << (results.empty() ? std::string("none") : results.front().id.toStdString()));
    REQUIRE(rankOf(results, id) == 0);
}

bool hasReason(const SearchMatch& match, MatchReason reason)
{
    return match.reasons.contains(reason);
}

} // namespace

TEST_CASE("search: slips in the name still find the client first", "[search]")
{
    const DuplicateIndex index = indexWithClients();
    const QDate dob(1980, 5, 17);

    SECTION("a letter missing, extra, wrong or swapped")
    {
        for (const char* last : {"Johnsn", "Johnnson", "Jahnson", "Jonhson"})
            requireFirst(index, query("William", last, dob), kWilliam);
        requireFirst(index, query("Wlliam", "Johnson", dob), kWilliam);
        const auto results = index.search(query("Wiliam", "Johnsno", dob));
        REQUIRE(rankOf(results, kWilliam) == 0);
        CHECK(hasReason(results.front(), MatchReason::SimilarSpelling));
        CHECK(results.front().likelyDuplicate);
    }
    SECTION("a nickname, and the explanation names it")
    {
        const auto results = index.search(query("Bill", "Johnson", dob));
        REQUIRE(rankOf(results, kWilliam) == 0);
        CHECK(hasReason(results.front(), MatchReason::Nickname));
        CHECK(results.front().explanation().contains(QStringLiteral("Nickname: Bill for William")));
        CHECK(results.front().likelyDuplicate);
    }
    SECTION("the alias as first name")
    {
        const auto results = index.search(query("Smokey", "Johnson", dob));
        REQUIRE(rankOf(results, kWilliam) == 0);
        CHECK(hasReason(results.front(), MatchReason::Alias));
        CHECK(results.front().explanation().contains(QStringLiteral("Also known as Smokey")));
    }
    SECTION("the middle name as first name")
    {
        const auto results = index.search(query("Earl", "Johnson", dob));
        REQUIRE(rankOf(results, kWilliam) == 0);
        CHECK(hasReason(results.front(), MatchReason::MiddleName));
    }
    SECTION("first and last name the other way round")
    {
        const auto results = index.search(query("Johnson", "William", dob));
        REQUIRE(rankOf(results, kWilliam) == 0);
        CHECK(hasReason(results.front(), MatchReason::NameOrderSwapped));
    }
    SECTION("spelled differently, sounding alike")
    {
        const auto results = index.search(query("Kathryn", "Filips", {1964, 1, 30}));
        REQUIRE(rankOf(results, kCatherine) == 0);
        CHECK(hasReason(results.front(), MatchReason::SoundsAlike));
    }
}

TEST_CASE("search: accents, case, hyphens and two-part surnames do not matter", "[search]")
{
    const DuplicateIndex index = indexWithClients();

    SECTION("no accents, any case")
    {
        const auto results = index.search(query("JOSE", "de la cruz hernandez"));
        REQUIRE(rankOf(results, kJose) == 0);
        CHECK(hasReason(results.front(), MatchReason::ExactName));
        CHECK(results.front().explanation().contains(QStringLiteral("Same first and last name")));
        requireFirst(index, query("lan", "NGUYEN", {1990, 8, 21}), kLan);
    }
    SECTION("hyphen, space or nothing between the surname parts")
    {
        for (const char* last : {"Garcia Lopez", "garcia-lopez", "Garcialopez", "GARCÍA LÓPEZ"})
            requireFirst(index, query("Maria", last, {1985, 3, 7}), kMaria);
    }
    SECTION("one part of the surname")
    {
        for (const char* last : {"Garcia", "Lopez"}) {
            const auto results = index.search(query("Maria", last, {1985, 3, 7}));
            REQUIRE(rankOf(results, kMaria) == 0);
            CHECK(hasReason(results.front(), MatchReason::SurnamePart));
        }
        requireFirst(index, query("Jose", "Cruz", {1972, 11, 2}), kJose);
        requireFirst(index, query("Jose", "Delacruz", {1972, 11, 2}), kJose);
    }
}

TEST_CASE("search: slips in the date of birth still find the client", "[search]")
{
    const DuplicateIndex index = indexWithClients();

    SECTION("day and month swapped")
    {
        const auto results = index.search(query("Maria", "Garcia", {1985, 7, 3}));
        REQUIRE(rankOf(results, kMaria) == 0);
        CHECK(hasReason(results.front(), MatchReason::DobDayMonthSwapped));
        CHECK(results.front().explanation().contains(QStringLiteral("Date of birth with day and month swapped")));
        CHECK(results.front().likelyDuplicate);
    }
    SECTION("a mistyped year")
    {
        for (const QDate dob : {QDate(1958, 3, 7), QDate(1986, 3, 7), QDate(1995, 3, 7), QDate(1975, 3, 7)}) {
            const auto results = index.search(query("Maria", "Garcia Lopez", dob));
            REQUIRE(rankOf(results, kMaria) == 0);
            CHECK(hasReason(results.front(), MatchReason::DobYearTypo));
        }
    }
    SECTION("a date of birth alone")
    {
        const auto results = index.search(query("", "", {1964, 1, 30}));
        REQUIRE(rankOf(results, kCatherine) >= 0);
        CHECK(hasReason(results[std::size_t(rankOf(results, kCatherine))], MatchReason::SameDob));
    }
}

TEST_CASE("search: SSN last four and single fields search on their own", "[search]")
{
    const DuplicateIndex index = indexWithClients();

    SECTION("SSN last four alone, and with a name")
    {
        const auto alone = index.search(query("", "", {}, "1111"));
        REQUIRE(rankOf(alone, kCatherine) >= 0);
        const auto withName = index.search(query("Cathy", "Philips", {}, "1111"));
        REQUIRE(rankOf(withName, kCatherine) == 0);
        CHECK(hasReason(withName.front(), MatchReason::SameSsnLast4));
        CHECK(withName.front().explanation().contains(QStringLiteral("Same last four of SSN")));
    }
    SECTION("partial SSN: the last four are used when known")
    {
        requireFirst(index, query("Maria", "Garcia", {}, "4321"), kMaria);
    }
    SECTION("last name only, first name only")
    {
        REQUIRE(rankOf(index.search(query("", "Garcia-Lopez"), 50), kMaria) >= 0);
        REQUIRE(rankOf(index.search(query("Catherine", "Phillips"), 50), kCatherine) == 0);
    }
    SECTION("empty query finds nothing")
    {
        CHECK(index.search(SearchQuery {}).empty());
        CHECK(index.search(query("  ", "-")).empty());
        CHECK(index.search(query("William", "Johnson"), 0).empty());
    }
}

TEST_CASE("search: results are ranked, scored and limited", "[search]")
{
    const DuplicateIndex index = indexWithClients();
    const auto results = index.search(query("Bill", "Johnson", {1980, 5, 17}), 5);
    REQUIRE(!results.empty());
    CHECK(results.size() <= 5);
    for (std::size_t i = 1; i < results.size(); ++i)
        CHECK(results[i - 1].score >= results[i].score);
    for (const SearchMatch& m : results) {
        CHECK(m.score > 0.0);
        CHECK(m.score <= 1.0);
        CHECK(!m.reasons.isEmpty());
        CHECK(!m.explanation().isEmpty());
    }
    const auto exact = index.search(query("William", "Johnson", {1980, 5, 17}, "6789"));
    REQUIRE(rankOf(exact, kWilliam) == 0);
    CHECK(exact.front().score == 1.0);
    INFO(joined(exact.front().explanation()));
    CHECK(exact.front().explanation()
          == QStringList({QStringLiteral("Same first and last name"), QStringLiteral("Same date of birth"),
                          QStringLiteral("Same last four of SSN")}));
}

TEST_CASE("search: a different person is not flagged as a likely duplicate", "[search]")
{
    const DuplicateIndex index = indexWithClients();
    // Same common surname, different first name, date of birth and SSN.
    for (const auto& match : index.search(query("Harold", "Johnson", {1951, 12, 24}, "5555")))
        CHECK_FALSE(match.likelyDuplicate);
    // Someone born the same day with an unrelated name.
    for (const auto& match : index.search(query("Zbigniew", "Kowalczyk", {1980, 5, 17})))
        CHECK_FALSE(match.likelyDuplicate);
}

TEST_CASE("search: upsert replaces, remove removes, clear empties", "[search]")
{
    DuplicateIndex index;
    index.upsert(client("a", "William", "Johnson", {1980, 5, 17}, "123456789"));
    index.upsert(client("b", "Rosa", "Martinez", {1977, 2, 14}));
    REQUIRE(index.size() == 2);

    index.upsert(client("a", "Wilhelmina", "Okafor", {1999, 9, 9}));
    CHECK(index.size() == 2);
    CHECK(rankOf(index.search(query("William", "Johnson", {1980, 5, 17})), QStringLiteral("a")) < 0);
    CHECK(rankOf(index.search(query("Wilhelmina", "Okafor")), QStringLiteral("a")) == 0);
    CHECK(index.search(query("", "", {}, "6789")).empty());

    index.remove(QStringLiteral("a"));
    CHECK(index.size() == 1);
    CHECK(index.search(query("Wilhelmina", "Okafor", {1999, 9, 9})).empty());
    index.remove(QStringLiteral("unknown"));
    CHECK(index.size() == 1);

    // A freed slot is reused without leaking the old client's data.
    index.upsert(client("c", "Tran", "Pham"));
    CHECK(index.size() == 2);
    CHECK(index.search(query("Wilhelmina", "Okafor", {1999, 9, 9})).empty());
    CHECK(rankOf(index.search(query("Tran", "Pham")), QStringLiteral("c")) == 0);

    index.clear();
    CHECK(index.size() == 0);
    CHECK(index.search(query("Rosa", "Martinez")).empty());
}

TEST_CASE("search: free text is split into name, date of birth and SSN", "[search]")
{
    SearchQuery q = SearchQuery::fromFreeText(QStringLiteral("garcia lopez, maria"));
    CHECK(q.lastName == QStringLiteral("garcia lopez"));
    CHECK(q.firstName == QStringLiteral("maria"));

    q = SearchQuery::fromFreeText(QStringLiteral("  Maria  Garcia Lopez 3/7/1985 4321 "));
    CHECK(q.firstName == QStringLiteral("Maria"));
    CHECK(q.lastName == QStringLiteral("Garcia Lopez"));
    CHECK(q.dob == QDate(1985, 3, 7));
    CHECK(q.ssnLast4 == QStringLiteral("4321"));

    q = SearchQuery::fromFreeText(QStringLiteral("Nguyễn 1990-08-21 XXX-XX-1234"));
    CHECK(q.firstName.isEmpty());
    CHECK(q.lastName == QStringLiteral("Nguyễn"));
    CHECK(q.dob == QDate(1990, 8, 21));
    CHECK(q.ssnLast4 == QStringLiteral("1234"));

    CHECK(SearchQuery::fromFreeText(QStringLiteral("   ")).isEmpty());

    // A lone name is searched as first or last name.
    const DuplicateIndex index = indexWithClients();
    CHECK(rankOf(index.search(SearchQuery::fromFreeText(QStringLiteral("Catherine 1/30/1964"))), kCatherine) == 0);
    CHECK(rankOf(index.search(SearchQuery::fromFreeText(QStringLiteral("phillips, cathy"))), kCatherine) == 0);
}

TEST_CASE("search: searches on several threads give the same answers", "[search]")
{
    const DuplicateIndex index = indexWithClients();
    SyntheticClients generator(77);
    std::vector<SearchQuery> queries;
    for (const SearchPerson& p : generator.people(200))
        queries.push_back(generator.variant(p).query);
    const auto runAll = [&index, &queries] {
        std::vector<QStringList> ids;
        for (const SearchQuery& q : queries) {
            QStringList found;
            for (const SearchMatch& m : index.search(q))
                found.append(m.id);
            ids.push_back(found);
        }
        return ids;
    };
    const std::vector<QStringList> expected = runAll();
    std::vector<QStringList> first;
    std::vector<QStringList> second;
    std::thread a([&] { first = runAll(); });
    std::thread b([&] { second = runAll(); });
    a.join();
    b.join();
    CHECK(first == expected);
    CHECK(second == expected);
}
