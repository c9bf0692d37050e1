#include "core/search/StringSimilarity.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace hearth::search {

namespace {

constexpr qsizetype kMaxLength = 64;

} // namespace

int osaDistance(QStringView a, QStringView b, int maxDistance)
{
    a = a.left(kMaxLength);
    b = b.left(kMaxLength);
    const int n = int(a.size());
    const int m = int(b.size());
    if (std::abs(n - m) > maxDistance)
        return maxDistance + 1;
    if (n == 0 || m == 0)
        return std::max(n, m);

    // Three rolling rows: the row before last is needed for the swap of neighbours.
    std::array<int, kMaxLength + 1> twoBack {};
    std::array<int, kMaxLength + 1> previous {};
    std::array<int, kMaxLength + 1> current {};
    for (int j = 0; j <= m; ++j)
        previous[std::size_t(j)] = j;
    for (int i = 1; i <= n; ++i) {
        current[0] = i;
        int rowMinimum = i;
        for (int j = 1; j <= m; ++j) {
            const auto uj = std::size_t(j);
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int value = std::min({previous[uj] + 1, current[uj - 1] + 1, previous[uj - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                value = std::min(value, twoBack[uj - 2] + 1);
            current[uj] = value;
            rowMinimum = std::min(rowMinimum, value);
        }
        if (rowMinimum > maxDistance)
            return maxDistance + 1;
        twoBack = previous;
        previous = current;
    }
    return std::min(previous[std::size_t(m)], maxDistance + 1);
}

double jaroWinkler(QStringView a, QStringView b)
{
    a = a.left(kMaxLength);
    b = b.left(kMaxLength);
    const int n = int(a.size());
    const int m = int(b.size());
    if (n == 0 && m == 0)
        return 1.0;
    if (n == 0 || m == 0)
        return 0.0;

    const int window = std::max(0, std::max(n, m) / 2 - 1);
    std::array<bool, kMaxLength> matchedA {};
    std::array<bool, kMaxLength> matchedB {};
    int matches = 0;
    for (int i = 0; i < n; ++i) {
        const int from = std::max(0, i - window);
        const int to = std::min(m - 1, i + window);
        for (int j = from; j <= to; ++j) {
            if (!matchedB[std::size_t(j)] && a[i] == b[j]) {
                matchedA[std::size_t(i)] = true;
                matchedB[std::size_t(j)] = true;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0)
        return 0.0;

    int halfTranspositions = 0;
    int k = 0;
    for (int i = 0; i < n; ++i) {
        if (!matchedA[std::size_t(i)])
            continue;
        while (!matchedB[std::size_t(k)])
            ++k;
        if (a[i] != b[k])
            ++halfTranspositions;
        ++k;
    }
    const double mm = matches;
    const double jaro = (mm / n + mm / m + (mm - halfTranspositions / 2.0) / mm) / 3.0;

    int prefix = 0;
    while (prefix < 4 && prefix < n && prefix < m && a[prefix] == b[prefix])
        ++prefix;
    return jaro + prefix * 0.1 * (1.0 - jaro);
}

} // namespace hearth::search
