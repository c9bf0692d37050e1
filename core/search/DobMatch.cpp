#include "core/search/DobMatch.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

namespace hearth::search {

namespace {

using Digits = std::array<int, 8>; // Y Y Y Y M M D D

Digits digitsOf(QDate date)
{
    Digits d {};
    int year = date.year();
    for (int i = 3; i >= 0; --i) {
        d[std::size_t(i)] = year % 10;
        year /= 10;
    }
    d[4] = date.month() / 10;
    d[5] = date.month() % 10;
    d[6] = date.day() / 10;
    d[7] = date.day() % 10;
    return d;
}

QDate dateOf(const Digits& d)
{
    const int year = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3];
    return QDate(year, d[4] * 10 + d[5], d[6] * 10 + d[7]); // invalid when the digits make no date
}

// One digit different, or two neighbours swapped, within [from, to).
bool oneSlipApart(const Digits& a, const Digits& b, std::size_t from, std::size_t to)
{
    std::size_t first = to;
    int differences = 0;
    for (std::size_t i = from; i < to; ++i) {
        if (a[i] != b[i]) {
            if (differences == 0)
                first = i;
            ++differences;
        }
    }
    if (differences == 1)
        return true;
    return differences == 2 && first + 1 < to && a[first] == b[first + 1] && a[first + 1] == b[first];
}

} // namespace

DobRelation compareDob(QDate typed, QDate stored)
{
    if (!typed.isValid() || !stored.isValid())
        return DobRelation::None;
    if (typed == stored)
        return DobRelation::Same;
    const bool sameYear = typed.year() == stored.year();
    if (sameYear && typed.day() == stored.month() && typed.month() == stored.day())
        return DobRelation::DayMonthSwapped;
    const Digits a = digitsOf(typed);
    const Digits b = digitsOf(stored);
    const int gap = std::abs(typed.year() - stored.year());
    const bool yearSlip = gap == 1 || gap == 10 || oneSlipApart(a, b, 0, 4);
    const bool sameDayMonth = typed.month() == stored.month() && typed.day() == stored.day();
    if (sameDayMonth)
        return yearSlip ? DobRelation::YearTypo : DobRelation::None;
    if (sameYear)
        return oneSlipApart(a, b, 4, 8) ? DobRelation::DigitTypo : DobRelation::None;
    const bool swapped = typed.day() == stored.month() && typed.month() == stored.day();
    if (yearSlip && (swapped || oneSlipApart(a, b, 4, 8)))
        return DobRelation::TwoSlips;
    return DobRelation::None;
}

std::vector<QDate> dobVariants(QDate typed)
{
    std::vector<QDate> variants;
    if (!typed.isValid())
        return variants;
    const auto add = [&variants, typed](QDate date) {
        if (date.isValid() && date != typed)
            variants.push_back(date);
    };
    add(QDate(typed.year(), typed.day(), typed.month()));
    for (int gap : {-10, -1, 1, 10})
        add(QDate(typed.year() + gap, typed.month(), typed.day()));
    const Digits digits = digitsOf(typed);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        for (int value = 0; value <= 9; ++value) {
            if (value == digits[i])
                continue;
            Digits changed = digits;
            changed[i] = value;
            add(dateOf(changed));
        }
        // Swaps stay within the year or within month and day, as compareDob() counts them.
        if (i + 1 < digits.size() && i != 3 && digits[i] != digits[i + 1]) {
            Digits swapped = digits;
            std::swap(swapped[i], swapped[i + 1]);
            add(dateOf(swapped));
        }
    }
    std::sort(variants.begin(), variants.end());
    variants.erase(std::unique(variants.begin(), variants.end()), variants.end());
    return variants;
}

} // namespace hearth::search
