#include "core/intake/Ssn.h"

#include "core/hud/HudCodes.h"
#include "core/intake/MissingData.h"

#include <QCoreApplication>

#include <algorithm>

namespace hearth::ssn {

namespace {

constexpr qsizetype kLength = 9;
const QString kSsnElement = QStringLiteral("3.02");
const QString kSsnField = QStringLiteral("ssn");

struct SsnText
{
    Q_DECLARE_TR_FUNCTIONS(Ssn)
};

bool allDigits(QStringView part)
{
    return !part.isEmpty() && std::all_of(part.begin(), part.end(), [](QChar c) { return c.isDigit(); });
}

bool hasDigit(const QString& ssn)
{
    return std::any_of(ssn.cbegin(), ssn.cend(), [](QChar c) { return c.isDigit(); });
}

// Each digit one more (or each one less) than the one before, wrapping 9 -> 0.
bool isSequence(const QString& ssn)
{
    const auto steps = [&](int step) {
        for (qsizetype i = 1; i < ssn.size(); ++i) {
            const int previous = ssn.at(i - 1).digitValue();
            if (ssn.at(i).digitValue() != (previous + step + 10) % 10)
                return false;
        }
        return true;
    };
    return steps(1) || steps(-1);
}

} // namespace

QString normalizeInput(const QString& input)
{
    QString out;
    for (const QChar c : input) {
        if (out.size() == kLength)
            break;
        if (c == u'-' || c.isSpace())
            continue;
        out += (c.isDigit() && c.unicode() < 128) ? c : QChar(u'X');
    }
    return out;
}

bool convertsCharacters(const QString& input)
{
    return std::any_of(input.cbegin(), input.cend(), [](QChar c) {
        return !(c.isDigit() && c.unicode() < 128) && c != u'-' && !c.isSpace() && c != u'X' && c != u'x';
    });
}

QString formatForEntry(const QString& normalized)
{
    QString out = normalized.left(3);
    if (normalized.size() > 3)
        out += u'-' + normalized.mid(3, 2);
    if (normalized.size() > 5)
        out += u'-' + normalized.mid(5);
    return out;
}

QString padToNine(const QString& ssn)
{
    if (ssn.isEmpty() || ssn.size() >= kLength)
        return ssn;
    return QString(kLength - ssn.size(), u'X') + ssn;
}

bool isWellFormed(const QString& ssn)
{
    if (ssn.isEmpty())
        return true;
    return ssn.size() == kLength && std::all_of(ssn.cbegin(), ssn.cend(), [](QChar c) {
               return (c.isDigit() && c.unicode() < 128) || c == u'X';
           });
}

int dataQualityFor(const QString& ssn)
{
    if (ssn.isEmpty())
        return hud::DataNotCollected;
    if (!hasDigit(ssn))
        return hud::ClientDoesntKnow;
    if (ssn.size() == kLength && allDigits(ssn))
        return hud::DataQuality::Full;
    return hud::DataQuality::Partial;
}

QList<Warning> validityWarnings(const QString& ssn)
{
    QList<Warning> warnings;
    const QStringView view(ssn);
    const QStringView area = view.left(3);
    const QStringView group = ssn.size() >= 5 ? view.mid(3, 2) : QStringView();
    const QStringView serial = ssn.size() >= kLength ? view.mid(5, 4) : QStringView();
    if (allDigits(area) && area.size() == 3) {
        if (area == u"000")
            warnings.append({Rule::AreaZero, SsnText::tr("The first three digits cannot be 000.")});
        else if (area == u"666")
            warnings.append({Rule::Area666, SsnText::tr("The first three digits cannot be 666.")});
    }
    if (!ssn.isEmpty() && ssn.at(0) == u'9')
        warnings.append({Rule::Area9xx, SsnText::tr("Social Security numbers do not start with 9.")});
    if (allDigits(group) && group == u"00")
        warnings.append({Rule::GroupZero, SsnText::tr("The middle two digits cannot be 00.")});
    if (allDigits(serial) && serial == u"0000")
        warnings.append({Rule::SerialZero, SsnText::tr("The last four digits cannot be 0000.")});
    if (ssn.size() == kLength && allDigits(ssn)) {
        if (ssn.count(ssn.at(0)) == kLength)
            warnings.append({Rule::RepeatedDigit, SsnText::tr("The same digit nine times is not a real number.")});
        else if (isSequence(ssn))
            warnings.append(
                {Rule::Sequence, SsnText::tr("Digits counting up or down in order are not a real number.")});
    }
    return warnings;
}

QString mask(const QString& ssn)
{
    if (ssn.isEmpty())
        return SsnText::tr("not recorded");
    const QString lastFour = ssn.size() >= 4 ? ssn.right(4) : QString(4 - ssn.size(), u'X') + ssn;
    return QStringLiteral("XXX-XX-") + lastFour;
}

Answer applyConsentRefused(const QString& ssn)
{
    return {ssn.isEmpty() ? QString() : QString(kLength, u'X'), hud::ClientPrefersNotToAnswer};
}

QualityFindings check(const QString& ssn, int dataQuality)
{
    QualityFindings findings;
    if (!isWellFormed(ssn)) {
        findings.append(
            refusedFinding(kSsnElement, kSsnField,
                           SsnText::tr("3.02 SSN: enter nine characters, each a digit or X for an unknown digit.")));
        return findings;
    }
    switch (dataQuality) {
    case hud::DataQuality::Full:
        if (ssn.size() != kLength || !allDigits(ssn))
            findings.append(
                refusedFinding(kSsnElement, QStringLiteral("ssnDataQuality"),
                               SsnText::tr("3.02 SSN: \u201cFull SSN reported\u201d needs all nine digits. Choose "
                                           "\u201cApproximate or partial SSN reported\u201d or complete the number.")));
        break;
    case hud::DataQuality::Partial:
        if (!hasDigit(ssn))
            findings.append(
                refusedFinding(kSsnElement, QStringLiteral("ssnDataQuality"),
                               SsnText::tr("3.02 SSN: \u201cApproximate or partial SSN reported\u201d needs at least "
                                           "one digit. Enter the digits the client gave or choose another answer.")));
        break;
    case hud::ClientDoesntKnow:
    case hud::ClientPrefersNotToAnswer:
    case hud::DataNotCollected:
        if (hasDigit(ssn))
            findings.append(
                warningFinding(kSsnElement, QStringLiteral("ssnDataQuality"),
                               SsnText::tr("3.02 SSN: digits are recorded but the data quality says none were "
                                           "given. Choose \u201cFull\u201d or \u201cApproximate or partial\u201d, "
                                           "or clear the digits.")));
        if (auto missing
            = missingDataWarning(kSsnElement, QStringLiteral("ssnDataQuality"), SsnText::tr("SSN"), dataQuality))
            findings.append(*missing);
        break;
    default:
        findings.append(
            refusedFinding(kSsnElement, QStringLiteral("ssnDataQuality"),
                           SsnText::tr("3.02 SSN data quality: %1 is not a HUD response.").arg(dataQuality)));
    }
    for (const Warning& w : validityWarnings(ssn))
        findings.append(warningFinding(kSsnElement, kSsnField,
                                       SsnText::tr("3.02 SSN: %1 Check the number; you may keep it if it "
                                                   "is what the client's card shows.")
                                           .arg(w.message)));
    return findings;
}

} // namespace hearth::ssn
