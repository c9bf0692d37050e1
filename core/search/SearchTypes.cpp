#include "core/search/SearchTypes.h"

#include <QObject>
#include <QRegularExpression>

namespace hearth {

namespace {

// US order first (the intake forms use it), then ISO.
std::optional<QDate> parseDate(const QString& word)
{
    static const QRegularExpression us(QStringLiteral("^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})$"));
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    QRegularExpressionMatch m = us.match(word);
    if (m.hasMatch()) {
        const QDate date(m.captured(3).toInt(), m.captured(1).toInt(), m.captured(2).toInt());
        return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
    }
    m = iso.match(word);
    if (m.hasMatch()) {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
    }
    return std::nullopt;
}

// "1234", "123-45-6789", "123456789", "XXX-XX-1234": the last four digits.
QString ssnLastFour(const QString& word)
{
    static const QRegularExpression four(QStringLiteral("^\\d{4}$"));
    static const QRegularExpression full(QStringLiteral("^[\\dXx]{3}-?[\\dXx]{2}-?(\\d{4})$"));
    if (four.match(word).hasMatch())
        return word;
    const QRegularExpressionMatch m = full.match(word);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString partName(NamePart part)
{
    return part == NamePart::First ? QObject::tr("first name") : QObject::tr("last name");
}

} // namespace

SearchQuery SearchQuery::fromFreeText(const QString& text)
{
    SearchQuery query;
    // Dates and SSN digits may sit anywhere; whatever is left is the name.
    const auto nameWords = [&query](const QString& part) {
        static const QRegularExpression spaces(QStringLiteral("\\s+"));
        QStringList words;
        for (const QString& word : part.split(spaces, Qt::SkipEmptyParts)) {
            if (!query.dob) {
                if (const auto date = parseDate(word)) {
                    query.dob = date;
                    continue;
                }
            }
            if (query.ssnLast4.isEmpty()) {
                const QString lastFour = ssnLastFour(word);
                if (!lastFour.isEmpty()) {
                    query.ssnLast4 = lastFour;
                    continue;
                }
            }
            words.append(word);
        }
        return words;
    };
    const qsizetype comma = text.indexOf(u',');
    if (comma >= 0) {
        query.lastName = nameWords(text.left(comma)).join(u' ');
        query.firstName = nameWords(text.mid(comma + 1)).join(u' ');
        return query;
    }
    const QStringList words = nameWords(text);
    if (words.size() == 1) {
        query.lastName = words.front(); // a lone name is searched as a first or a last name
    } else if (!words.isEmpty()) {
        query.firstName = words.front();
        query.lastName = words.mid(1).join(u' ');
    }
    return query;
}

bool SearchQuery::isEmpty() const
{
    return firstName.trimmed().isEmpty() && lastName.trimmed().isEmpty() && !dob && ssnLast4.isEmpty();
}

QStringList SearchMatch::explanation() const
{
    QStringList lines;
    const auto has = [this](MatchReason reason, NamePart part) {
        for (const MatchDetail& d : details) {
            if (d.reason == reason && d.part == part)
                return true;
        }
        return false;
    };
    const bool sameFullName
        = has(MatchReason::ExactName, NamePart::First) && has(MatchReason::ExactName, NamePart::Last);
    for (const MatchDetail& d : details) {
        QString line;
        switch (d.reason) {
        case MatchReason::ExactName:
            if (sameFullName) {
                line = QObject::tr("Same first and last name"); // said once, where the first of the two stands
            } else {
                line = QObject::tr("Same %1").arg(partName(d.part));
            }
            break;
        case MatchReason::SimilarSpelling:
            line = QObject::tr("Similar spelling of the %1").arg(partName(d.part));
            break;
        case MatchReason::SoundsAlike:
            line = QObject::tr("The %1 sounds alike").arg(partName(d.part));
            break;
        case MatchReason::Nickname:
            line = QObject::tr("Nickname: %1 for %2").arg(d.typed, d.found);
            break;
        case MatchReason::Initial:
            line = QObject::tr("Initial of the %1").arg(partName(d.part));
            break;
        case MatchReason::Alias:
            line = QObject::tr("Also known as %1").arg(d.typed);
            break;
        case MatchReason::MiddleName:
            line = QObject::tr("The first name is their middle name");
            break;
        case MatchReason::SurnamePart:
            line = QObject::tr("Part of a two-part last name");
            break;
        case MatchReason::NameOrderSwapped:
            line = QObject::tr("First and last name the other way round");
            break;
        case MatchReason::SameDob:
            line = QObject::tr("Same date of birth");
            break;
        case MatchReason::DobDayMonthSwapped:
            line = QObject::tr("Date of birth with day and month swapped");
            break;
        case MatchReason::DobYearTypo:
            line = QObject::tr("Date of birth with a mistyped year");
            break;
        case MatchReason::DobDigitTypo:
            line = QObject::tr("Date of birth with a mistyped day or month");
            break;
        case MatchReason::DobTwoSlips:
            line = QObject::tr("Date of birth close to the one typed");
            break;
        case MatchReason::SameSsnLast4:
            line = QObject::tr("Same last four of SSN");
            break;
        }
        if (!line.isEmpty() && !lines.contains(line))
            lines.append(line);
    }
    return lines;
}

} // namespace hearth
