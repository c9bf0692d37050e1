// Duplicate-search benchmark (run on demand; Release builds are the ones that count).
//
//   build     250,000 synthetic clients upserted into a DuplicateIndex: time and resident memory
//   search    2,000 searches as workers type them; target p95 < 20 ms on the 2-core reference machine
//
// The mix: duplicate variants typed in full, fresh people typed in full, names only, a last name
// only, a date of birth only, SSN last four only.
#include "core/search/DuplicateIndex.h"
#include "tests/support/SyntheticClients.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

using namespace hearth;
using namespace hearth::test;

namespace {

constexpr int kClients = 250000;
constexpr int kSearches = 2000;
constexpr int kSampleEvery = kClients / kSearches; // clients kept to make duplicate variants from

// Resident memory in MiB, from /proc/self/status (Linux).
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0.0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    }
    return 0.0;
}

double at(const std::vector<double>& sorted, double quantile)
{
    return sorted[std::min(sorted.size() - 1, std::size_t(quantile * double(sorted.size())))];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    SyntheticClients generator(42);

    // Build: generation is not timed, upserts are.
    const double rssBefore = residentMiB();
    DuplicateIndex index;
    std::vector<SearchPerson> samples;
    samples.reserve(kSearches);
    double buildMs = 0.0;
    for (int i = 0; i < kClients; ++i) {
        const SearchPerson person = generator.person();
        QElapsedTimer t;
        t.start();
        index.upsert(person);
        buildMs += double(t.nsecsElapsed()) / 1e6;
        if (i % kSampleEvery == 0)
            samples.push_back(person);
    }
    const double rssAfter = residentMiB();
    std::printf("search build  %d clients in %.0f ms (%.1f us per upsert); RSS %.0f MiB, index %.0f MiB\n",
                index.size(), buildMs, 1000.0 * buildMs / kClients, rssAfter, rssAfter - rssBefore);

    // The searches, made up front so only search() is timed.
    SeededRandom mix(9);
    std::vector<SearchQuery> queries;
    std::vector<QString> targets; // empty for searches without a known answer
    std::vector<bool> nameOnly;
    for (int i = 0; i < kSearches; ++i) {
        const SearchPerson& person = samples[std::size_t(i) % samples.size()];
        DuplicateVariant variant = generator.variant(person);
        SearchQuery q = variant.query;
        QString target = variant.targetId;
        const int kind = mix.below(100);
        if (kind < 50) {
            // a duplicate variant, typed in full
        } else if (kind < 65) {
            q = SyntheticClients::exactQuery(generator.person());
            target.clear();
        } else if (kind < 75) {
            q.dob.reset();
            q.ssnLast4.clear();
        } else if (kind < 85) {
            q = SearchQuery {};
            q.lastName = person.lastName;
            target.clear();
        } else if (kind < 93) {
            q = SearchQuery {};
            q.dob = person.dob ? person.dob : QDate(1980, 1, 1);
            target.clear();
        } else {
            q = SearchQuery {};
            q.ssnLast4 = QStringLiteral("%1").arg(mix.below(10000), 4, 10, QLatin1Char('0'));
            target.clear();
        }
        queries.push_back(q);
        targets.push_back(target);
        nameOnly.push_back(kind >= 65 && kind < 75);
    }

    std::vector<double> ms;
    ms.reserve(queries.size());
    // Recall at this size, for variants typed in full and for names typed alone (index 0 and 1).
    std::array<int, 2> withTarget {};
    std::array<int, 2> targetTop5 {};
    for (std::size_t i = 0; i < queries.size(); ++i) {
        QElapsedTimer t;
        t.start();
        const std::vector<SearchMatch> results = index.search(queries[i], 10);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!targets[i].isEmpty()) {
            const std::size_t kind = nameOnly[i] ? 1 : 0;
            ++withTarget[kind];
            for (std::size_t r = 0; r < std::min<std::size_t>(5, results.size()); ++r)
                targetTop5[kind] += results[r].id == targets[i] ? 1 : 0;
        }
    }
    std::sort(ms.begin(), ms.end());
    std::printf(
        "search query  %d searches: median %.2f ms   p95 %.2f ms   p99 %.2f ms   max %.2f ms   (target: p95 < 20 ms)\n",
        int(ms.size()), at(ms, 0.5), at(ms, 0.95), at(ms, 0.99), ms.back());
    std::printf("search recall top 5 at %d clients: %.1f%% of %d variants typed in full, %.1f%% of %d typed as a "
                "name alone\n",
                kClients, 100.0 * targetTop5[0] / std::max(1, withTarget[0]), withTarget[0],
                100.0 * targetTop5[1] / std::max(1, withTarget[1]), withTarget[1]);
    std::fflush(stdout);
    return 0;
}
