#include "tests/support/SyntheticClients.h"

#include "tests/support/SyntheticNames.h"

#include <QByteArray>
#include <QHash>
#include <QRegularExpression>
#include <QUuid>

#include <limits>
#include <optional>
#include <span>

namespace hearth::test {

int SeededRandom::below(int n)
{
    // Rejection keeps every value equally likely (a bare modulo would favour small ones).
    const auto range = quint64(n);
    const quint64 max = std::numeric_limits<quint64>::max();
    const quint64 limit = max - max % range;
    quint64 value = m_engine();
    while (value >= limit)
        value = m_engine();
    return int(value % range);
}

double SeededRandom::unit()
{
    return double(m_engine() >> 11) * 0x1.0p-53;
}

namespace {

QString utf8(const char* text)
{
    return QString::fromUtf8(text);
}

template<typename T>
const T& pick(SeededRandom& random, std::span<const T> items)
{
    return items[std::size_t(random.below(int(items.size())))];
}

const QString& pick(SeededRandom& random, const QStringList& items)
{
    return items[random.below(int(items.size()))];
}

const names::NameGroup& pickGroup(SeededRandom& random)
{
    double u = random.unit();
    for (const names::NameGroup& group : names::groups()) {
        if (u < group.share)
            return group;
        u -= group.share;
    }
    return names::groups().front();
}

// Nicknames by given name, across all groups.
const QHash<QString, QStringList>& nicknameTable()
{
    static const QHash<QString, QStringList> table = [] {
        QHash<QString, QStringList> t;
        for (const names::NameGroup& group : names::groups()) {
            for (auto list : {group.male, group.female}) {
                for (const names::GivenName& given : list) {
                    const QStringList nicknames = utf8(given.nicknames).split(u',', Qt::SkipEmptyParts);
                    if (!nicknames.isEmpty() && !t.contains(utf8(given.name)))
                        t.insert(utf8(given.name), nicknames);
                }
            }
        }
        return t;
    }();
    return table;
}

QString randomUuid(SeededRandom& random)
{
    QByteArray bytes(16, '\0');
    for (int half = 0; half < 2; ++half) {
        quint64 bits = random.next();
        for (int i = 0; i < 8; ++i) {
            bytes[half * 8 + i] = char(bits & 0xffU);
            bits >>= 8;
        }
    }
    bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QDate randomDob(SeededRandom& random)
{
    // Mostly adults, as in a homeless-services caseload; children and elders too.
    const int year = random.chance(0.75) ? random.between(1945, 2006) : random.between(1940, 2024);
    const int month = random.between(1, 12);
    return {year, month, random.between(1, QDate(year, month, 1).daysInMonth())};
}

QString digits(int value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QLatin1Char('0'));
}

QString randomSsn(SeededRandom& random)
{
    const double kind = random.unit();
    if (kind >= 0.80)
        return {}; // not collected
    int area = random.between(1, 899);
    if (area == 666)
        area = 667;
    const QString group = digits(random.between(1, 99), 2);
    const QString serial = digits(random.between(1, 9999), 4);
    if (kind < 0.65)
        return digits(area, 3) + group + serial;
    if (kind < 0.75)
        return QStringLiteral("XXXXX") + serial; // only the last four given
    return digits(area, 3) + group + QStringLiteral("XXXX"); // only the first five
}

QString lowerLetter(SeededRandom& random)
{
    return QString(QChar(u'a' + random.below(26)));
}

// One keyboard slip: a wrong, extra or missing letter, or two neighbours swapped.
std::optional<QString> typo(SeededRandom& random, const QString& name)
{
    QList<qsizetype> letters;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name[i].isLetter())
            letters.append(i);
    }
    if (letters.size() < 3)
        return std::nullopt;
    const qsizetype at = letters[random.below(int(letters.size()))];
    QString changed = name;
    switch (random.below(4)) {
    case 0: {
        const QString letter = lowerLetter(random);
        if (letter.front() == name[at].toLower())
            return std::nullopt;
        changed.replace(at, 1, name[at].isUpper() ? letter.toUpper() : letter);
        break;
    }
    case 1:
        changed.insert(at + 1, lowerLetter(random));
        break;
    case 2:
        if (letters.size() < 4)
            return std::nullopt;
        changed.remove(at, 1);
        break;
    default:
        if (at + 1 >= name.size() || !name[at + 1].isLetter() || name[at] == name[at + 1])
            return std::nullopt;
        changed[at] = name[at + 1];
        changed[at + 1] = name[at];
        break;
    }
    return changed;
}

QString withoutAccents(const QString& text)
{
    QString out;
    for (QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c);
    }
    return out;
}

// The parts of a two-part or hyphenated surname, particles left out.
QStringList surnameParts(const QString& last)
{
    static const QStringList particles = {QStringLiteral("de"), QStringLiteral("la"), QStringLiteral("del")};
    QStringList parts;
    for (const QString& part : last.split(QRegularExpression(QStringLiteral("[ -]")), Qt::SkipEmptyParts)) {
        if (!particles.contains(part.toLower()))
            parts.append(part);
    }
    return parts;
}

enum class Change
{
    TypoFirst,
    TypoLast,
    Nickname,
    SwapDob,
    YearTypo,
    DobDigitTypo,
    Spelling,
    SurnamePart,
    MissingDob,
    AliasAsFirst,
    NamesSwapped,
};

struct WeightedChange
{
    Change change;
    int weight;
    const char* label;
};

// How often each slip happens, roughly as intake workers make them.
constexpr WeightedChange kChanges[] = {
    {Change::TypoFirst, 18, "typo-first"},      {Change::TypoLast, 18, "typo-last"},
    {Change::Nickname, 16, "nickname"},         {Change::SwapDob, 12, "swapped-dob"},
    {Change::YearTypo, 12, "year-typo"},        {Change::DobDigitTypo, 4, "dob-digit-typo"},
    {Change::Spelling, 10, "spelling"},         {Change::SurnamePart, 6, "surname-part"},
    {Change::MissingDob, 2, "no-dob"},          {Change::AliasAsFirst, 1, "alias"},
    {Change::NamesSwapped, 2, "names-swapped"},
};

const WeightedChange& pickChange(SeededRandom& random)
{
    int total = 0;
    for (const WeightedChange& c : kChanges)
        total += c.weight;
    int roll = random.below(total);
    for (const WeightedChange& c : kChanges) {
        if (roll < c.weight)
            return c;
        roll -= c.weight;
    }
    return kChanges[0];
}

bool apply(SeededRandom& random, Change change, const SearchPerson& person, SearchQuery& query)
{
    switch (change) {
    case Change::TypoFirst:
    case Change::TypoLast: {
        QString& name = change == Change::TypoFirst ? query.firstName : query.lastName;
        const auto changed = typo(random, name);
        if (changed)
            name = *changed;
        return changed.has_value();
    }
    case Change::Nickname: {
        const QStringList nicknames = nicknameTable().value(person.firstName);
        if (nicknames.isEmpty() || query.firstName != person.firstName)
            return false;
        query.firstName = pick(random, nicknames);
        return true;
    }
    case Change::SwapDob: {
        if (!query.dob || query.dob->day() > 12 || query.dob->day() == query.dob->month())
            return false;
        query.dob = QDate(query.dob->year(), query.dob->day(), query.dob->month());
        return true;
    }
    case Change::YearTypo: {
        if (!query.dob)
            return false;
        const int year = query.dob->year();
        int typed = year;
        switch (random.below(4)) {
        case 0:
            typed = year + (random.chance(0.5) ? 1 : -1);
            break;
        case 1:
            typed = year + (random.chance(0.5) ? 10 : -10);
            break;
        case 2:
            typed = year / 100 * 100 + (year % 10) * 10 + (year / 10) % 10; // 1985 -> 1958
            break;
        default:
            typed = year / 10 * 10 + random.below(10); // last digit wrong
            break;
        }
        const QDate date(typed, query.dob->month(), query.dob->day());
        if (!date.isValid() || typed == year)
            return false;
        query.dob = date;
        return true;
    }
    case Change::DobDigitTypo: {
        if (!query.dob)
            return false;
        const int day = query.dob->day();
        const int typedDay = random.chance(0.5) ? day / 10 * 10 + random.below(10) : random.below(4) * 10 + day % 10;
        const QDate date(query.dob->year(), query.dob->month(), typedDay);
        if (!date.isValid() || typedDay == day)
            return false;
        query.dob = date;
        return true;
    }
    case Change::Spelling: {
        switch (random.below(4)) {
        case 0: {
            const QString first = withoutAccents(query.firstName);
            const QString last = withoutAccents(query.lastName);
            if (first == query.firstName && last == query.lastName)
                return false;
            query.firstName = first;
            query.lastName = last;
            return true;
        }
        case 1:
            query.firstName = query.firstName.toUpper();
            query.lastName = query.lastName.toUpper();
            return true;
        case 2:
            query.firstName = query.firstName.toLower();
            query.lastName = query.lastName.toLower();
            return true;
        default:
            if (query.lastName.contains(u' ')) {
                query.lastName.replace(u' ', random.chance(0.5) ? QStringLiteral("-") : QString());
                return true;
            }
            if (query.lastName.contains(u'-')) {
                query.lastName.replace(u'-', u' ');
                return true;
            }
            return false;
        }
    }
    case Change::SurnamePart: {
        const QStringList parts = surnameParts(query.lastName);
        if (parts.size() < 2)
            return false;
        query.lastName = pick(random, parts);
        return true;
    }
    case Change::MissingDob:
        if (!query.dob)
            return false;
        query.dob.reset();
        return true;
    case Change::AliasAsFirst:
        if (person.alias.isEmpty())
            return false;
        query.firstName = person.alias;
        return true;
    case Change::NamesSwapped:
        std::swap(query.firstName, query.lastName);
        return true;
    }
    return false;
}

} // namespace

SyntheticClients::SyntheticClients(quint64 seed)
    : m_random(seed)
{
}

SearchPerson SyntheticClients::person()
{
    SeededRandom& r = m_random;
    const names::NameGroup& group = pickGroup(r);
    const bool female = r.chance(0.5);
    const std::span<const names::GivenName> given = female ? group.female : group.male;
    const names::GivenName& first = pick(r, given);

    SearchPerson p;
    p.id = randomUuid(r);
    p.firstName = utf8(first.name);
    if (QByteArrayView(group.label) == QByteArrayView("vietnamese") && r.chance(0.7)) {
        p.middleName = female ? QStringLiteral("Thị") : QStringLiteral("Văn");
    } else if (r.chance(0.45)) {
        const QString middle = utf8(pick(r, given).name);
        if (middle != p.firstName)
            p.middleName = middle;
    }
    p.lastName = utf8(pick(r, group.surnames));
    if (r.chance(group.twoPartSurnames)) {
        const QString second = utf8(pick(r, group.surnames));
        if (second != p.lastName)
            p.lastName += u' ' + second;
    } else if (r.chance(group.hyphenatedSurnames)) {
        const QString second = utf8(pick(r, group.surnames));
        if (second != p.lastName)
            p.lastName += u'-' + second;
    }
    if (r.chance(0.12)) {
        const QStringList nicknames = utf8(first.nicknames).split(u',', Qt::SkipEmptyParts);
        p.alias = !nicknames.isEmpty() && r.chance(0.5) ? pick(r, nicknames) : utf8(pick(r, names::streetNames()));
    }
    if (!r.chance(0.03))
        p.dob = randomDob(r);
    p.ssn = randomSsn(r);
    return p;
}

std::vector<SearchPerson> SyntheticClients::people(int count)
{
    std::vector<SearchPerson> list;
    list.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i)
        list.push_back(person());
    return list;
}

SearchQuery SyntheticClients::exactQuery(const SearchPerson& person)
{
    SearchQuery query;
    query.firstName = person.firstName;
    query.lastName = person.lastName;
    query.dob = person.dob;
    const QString lastFour = person.ssn.right(4);
    if (lastFour.size() == 4 && !lastFour.contains(u'X'))
        query.ssnLast4 = lastFour;
    return query;
}

DuplicateVariant SyntheticClients::variant(const SearchPerson& person)
{
    SeededRandom& r = m_random;
    DuplicateVariant v;
    v.targetId = person.id;
    v.query = exactQuery(person);
    const double roll = r.unit();
    const int wanted = roll < 0.45 ? 1 : roll < 0.85 ? 2 : 3;
    QList<Change> applied;
    for (int attempt = 0; attempt < 30 && applied.size() < wanted; ++attempt) {
        const WeightedChange& change = pickChange(r);
        if (applied.contains(change.change))
            continue;
        if (apply(r, change.change, person, v.query)) {
            applied.append(change.change);
            v.changes.append(utf8(change.label));
        }
    }
    if (!v.query.ssnLast4.isEmpty() && r.chance(0.5)) {
        v.query.ssnLast4.clear();
        v.changes.append(QStringLiteral("no-ssn"));
    }
    return v;
}

} // namespace hearth::test
