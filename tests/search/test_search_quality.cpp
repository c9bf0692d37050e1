// The quality bar of the issue: on 10,000 synthetic clients, 1,000 known duplicate variants find
// their client in the top 5 at least 95% of the time, with few false suggestions.
#include "tests/search/SearchTestSupport.h"

#include <QMap>

#include <catch2/catch_test_macros.hpp>

#include <cstdio>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("search: quality on 10,000 synthetic clients and 1,000 duplicate variants", "[search][quality]")
{
    SyntheticClients generator(20260601);
    const std::vector<SearchPerson> people = generator.people(10000);
    DuplicateIndex index;
    for (const SearchPerson& p : people)
        index.upsert(p);
    REQUIRE(index.size() == 10000);

    const int variants = 1000;
    SeededRandom chooser(7);
    int top1 = 0;
    int top5 = 0;
    int targetFlagged = 0;
    int wrongFlagged = 0; // a variant query that flags someone else as a likely duplicate
    QMap<QString, int> missedByChange;
    for (int i = 0; i < variants; ++i) {
        const SearchPerson& person = people[std::size_t(chooser.below(int(people.size())))];
        const DuplicateVariant v = generator.variant(person);
        const auto results = index.search(v.query, 10);
        const int rank = rankOf(results, v.targetId);
        top1 += rank == 0 ? 1 : 0;
        top5 += rank >= 0 && rank < 5 ? 1 : 0;
        if (rank >= 0 && results[std::size_t(rank)].likelyDuplicate)
            ++targetFlagged;
        if (std::any_of(results.begin(), results.end(),
                        [&v](const SearchMatch& m) { return m.likelyDuplicate && m.id != v.targetId; }))
            ++wrongFlagged;
        if (rank < 0 || rank >= 5)
            missedByChange[v.changes.join(u'+')] += 1;
    }

    // Fresh people, never indexed, typed in full: any likely-duplicate flag is a false alarm.
    const int fresh = 1000;
    int freshFlagged = 0;
    int freshWithResults = 0;
    for (int i = 0; i < fresh; ++i) {
        const auto results = index.search(SyntheticClients::exactQuery(generator.person()), 10);
        freshWithResults += results.empty() ? 0 : 1;
        if (std::any_of(results.begin(), results.end(), [](const SearchMatch& m) { return m.likelyDuplicate; }))
            ++freshFlagged;
    }

    const double top5Rate = double(top5) / variants;
    const double top1Rate = double(top1) / variants;
    const double falseAlarmRate = double(freshFlagged) / fresh;
    const double wrongFlagRate = double(wrongFlagged) / variants;
    std::printf("search quality: 10000 clients, %d variants\n", variants);
    std::printf("  top-5 recall            %.1f%%\n", 100.0 * top5Rate);
    std::printf("  top-1 precision         %.1f%%\n", 100.0 * top1Rate);
    std::printf("  target flagged likely   %.1f%%\n", 100.0 * targetFlagged / variants);
    std::printf("  other client flagged    %.1f%% of variant searches\n", 100.0 * wrongFlagRate);
    std::printf("  fresh people flagged    %.1f%% of %d searches (%.1f%% got any result)\n", 100.0 * falseAlarmRate,
                fresh, 100.0 * freshWithResults / fresh);
    for (auto it = missedByChange.cbegin(); it != missedByChange.cend(); ++it)
        std::printf("  missed top 5: %-40s %d\n", qPrintable(it.key()), it.value());
    std::fflush(stdout);

    CHECK(top5Rate >= 0.98);
    REQUIRE(top5Rate >= 0.95);
    CHECK(top1Rate >= 0.95);
    REQUIRE(falseAlarmRate <= 0.02);
    REQUIRE(wrongFlagRate <= 0.03);
}
