// The pieces under the duplicate search: name folding, string distances, sounds, dates, nicknames.
#include "core/search/DobMatch.h"
#include "core/search/NameNormalizer.h"
#include "core/search/NicknameTable.h"
#include "core/search/PhoneticKey.h"
#include "core/search/StringSimilarity.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

using namespace hearth::search;

namespace {

QString u8(const char* text)
{
    return QString::fromUtf8(text);
}

QStringList words(const char* text)
{
    return u8(text).split(u' ', Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("search: names fold to lower case without accents or punctuation", "[search]")
{
    CHECK(foldName(u8("Nguyễn")) == u8("nguyen"));
    CHECK(foldName(u8("Đặng")) == u8("dang"));
    CHECK(foldName(u8("MUÑOZ")) == u8("munoz"));
    CHECK(foldName(u8("Øster Straße")) == u8("oster strasse"));

    NormalizedName name = normalizeName(u8("García-López"));
    CHECK(name.tokens == words("garcia lopez"));
    CHECK(name.joined == u8("garcialopez"));
    name = normalizeName(u8("De La Cruz Jr."));
    CHECK(name.tokens == words("cruz"));
    CHECK(name.joined == u8("delacruz"));
    CHECK(normalizeName(u8("O'Brien")).tokens == words("obrien"));
    CHECK(normalizeName(u8("Lê")).tokens == words("le")); // a particle elsewhere, a surname here
    CHECK(normalizeName(u8("  ")).isEmpty());
}

TEST_CASE("search: string distances count typos and transpositions", "[search]")
{
    CHECK(osaDistance(u"johnson", u"johnson", 2) == 0);
    CHECK(osaDistance(u"johnson", u"jonhson", 2) == 1);
    CHECK(osaDistance(u"johnson", u"johnsn", 2) == 1);
    CHECK(osaDistance(u"johnson", u"jahnson", 2) == 1);
    CHECK(osaDistance(u"thompson", u"tomson", 2) == 2);
    CHECK(osaDistance(u"smith", u"garcia", 2) == 3);
    CHECK(jaroWinkler(u"martha", u"marhta") == Catch::Approx(0.961).margin(0.001));
    CHECK(jaroWinkler(u"abc", u"abc") == 1.0);
    CHECK(jaroWinkler(u"abc", u"xyz") == 0.0);
}

TEST_CASE("search: names that sound alike share a phonetic key", "[search]")
{
    CHECK(phoneticKey(u"stephen") == phoneticKey(u"steven"));
    CHECK(phoneticKey(u"catherine") == phoneticKey(u"kathryn"));
    CHECK(phoneticKey(u"baldez") == phoneticKey(u"valdez"));
    CHECK(phoneticKey(u"mohamed") == phoneticKey(u"muhammad"));
    CHECK(phoneticKey(u"hernandez") == phoneticKey(u"ernandez"));
    CHECK(phoneticKey(u"phillips") == phoneticKey(u"filips"));
    CHECK(phoneticKey(u"george") == phoneticKey(u"jorge"));
    CHECK(phoneticKey(u"smith") != phoneticKey(u"garcia"));
    CHECK(phoneticKey(u"li").isEmpty());
}

TEST_CASE("search: dates of birth typed with a slip are recognised", "[search]")
{
    const QDate stored(1985, 3, 7);
    CHECK(compareDob(stored, stored) == DobRelation::Same);
    CHECK(compareDob({1985, 7, 3}, stored) == DobRelation::DayMonthSwapped);
    CHECK(compareDob({1958, 3, 7}, stored) == DobRelation::YearTypo);
    CHECK(compareDob({1984, 3, 7}, stored) == DobRelation::YearTypo);
    CHECK(compareDob({1995, 3, 7}, stored) == DobRelation::YearTypo);
    CHECK(compareDob({1885, 3, 7}, stored) == DobRelation::YearTypo);
    CHECK(compareDob({1985, 3, 8}, stored) == DobRelation::DigitTypo);
    CHECK(compareDob({1985, 3, 17}, stored) == DobRelation::DigitTypo);
    CHECK(compareDob({1984, 7, 3}, stored) == DobRelation::TwoSlips);
    CHECK(compareDob({1958, 3, 17}, stored) == DobRelation::TwoSlips);
    CHECK(compareDob({1970, 3, 7}, stored) == DobRelation::None);
    CHECK(compareDob({1970, 7, 3}, stored) == DobRelation::None);
    CHECK(compareDob({1985, 9, 21}, stored) == DobRelation::None);

    const std::vector<QDate> variants = dobVariants(stored);
    for (const QDate d : {QDate(1985, 7, 3), QDate(1958, 3, 7), QDate(1986, 3, 7), QDate(1985, 3, 17)})
        CHECK(std::find(variants.begin(), variants.end(), d) != variants.end());
    CHECK(std::find(variants.begin(), variants.end(), stored) == variants.end());
    for (const QDate d : variants) {
        CHECK(compareDob(stored, d) != DobRelation::None);
        CHECK(compareDob(stored, d) != DobRelation::TwoSlips);
    }
}

TEST_CASE("search: nicknames come from the built-in lists", "[search]")
{
    const NicknameTable& table = NicknameTable::builtIn();
    REQUIRE(table.groupCount() > 1000);
    const auto shares = [&table](const char* a, const char* b) {
        return NicknameTable::shareGroup(table.groupsOf(u8(a)), table.groupsOf(u8(b)));
    };
    CHECK(shares("bill", "william"));
    CHECK(shares("peggy", "margaret"));
    CHECK(shares("lupe", "guadalupe"));
    CHECK(shares("paco", "francisco"));
    CHECK(shares("chuy", "jesus"));
    CHECK_FALSE(shares("albert", "alexander")); // both "al", yet not each other's nickname
    CHECK_FALSE(shares("maria", "smith"));
    CHECK(table.relatedNames(u8("bill")).contains(u8("william")));
}
