#include "core/intake/DateOfBirth.h"

#include "core/common/DisplayDates.h"
#include "core/hud/HudCodes.h"
#include "core/intake/MissingData.h"

#include <QCoreApplication>

namespace hearth::dob {

namespace {

const QString kDobElement = QStringLiteral("3.03");
const QString kDobField = QStringLiteral("dob");
const QString kQualityField = QStringLiteral("dobDataQuality");

struct DateOfBirthText
{
    Q_DECLARE_TR_FUNCTIONS(DateOfBirth)
};

} // namespace

int ageOn(QDate dob, QDate on)
{
    int age = on.year() - dob.year();
    const bool birthdayReached = on.month() > dob.month() || (on.month() == dob.month() && on.day() >= dob.day());
    if (!birthdayReached)
        --age;
    return age;
}

QDate fromApproximateAge(int age, QDate today)
{
    return QDate(today.year() - age, 1, 1);
}

QDate fromPartial(int year, std::optional<int> month)
{
    return QDate(year, month.value_or(1), 1);
}

int dataQualityFor(const std::optional<QDate>& dob, bool approximate, int missingReason)
{
    if (!dob || !dob->isValid())
        return missingReason;
    return approximate ? hud::DataQuality::Partial : hud::DataQuality::Full;
}

QualityFindings check(const std::optional<QDate>& dob, int dataQuality, QDate today)
{
    QualityFindings findings;
    const bool hasDate = dob && dob->isValid();
    if (hasDate && *dob > today)
        findings.append(refusedFinding(kDobElement, kDobField,
                                       DateOfBirthText::tr("3.03 Date of birth: the date is in the future.")));
    else if (hasDate && ageOn(*dob, today) > kMaximumAge)
        findings.append(refusedFinding(
            kDobElement, kDobField,
            DateOfBirthText::tr(
                "3.03 Date of birth: that makes the client %1 years old; ages over %2 are not accepted. Check the "
                "year.")
                .arg(ageOn(*dob, today))
                .arg(kMaximumAge)));
    switch (dataQuality) {
    case hud::DataQuality::Full:
    case hud::DataQuality::Partial:
        if (!hasDate)
            findings.append(
                refusedFinding(kDobElement, kQualityField,
                               DateOfBirthText::tr("3.03 Date of birth: the data quality says a date was reported, but "
                                                   "none is entered. Enter it or choose why it is missing.")));
        break;
    case hud::ClientDoesntKnow:
    case hud::ClientPrefersNotToAnswer:
    case hud::DataNotCollected:
        if (hasDate)
            findings.append(warningFinding(
                kDobElement, kQualityField,
                DateOfBirthText::tr("3.03 Date of birth: a date is entered but the data quality says none "
                                    "was given. Choose \u201cApproximate or partial DOB reported\u201d if "
                                    "the date is an estimate.")));
        if (auto missing
            = missingDataWarning(kDobElement, kQualityField, DateOfBirthText::tr("Date of birth"), dataQuality))
            findings.append(*missing);
        break;
    default:
        findings.append(
            refusedFinding(kDobElement, kQualityField,
                           DateOfBirthText::tr("3.03 DOB data quality: %1 is not a HUD response.").arg(dataQuality)));
    }
    return findings;
}

QString display(const std::optional<QDate>& dob, int dataQuality, QDate today, const QLocale& locale)
{
    if (!dob || !dob->isValid())
        return DateOfBirthText::tr("not recorded");
    const QString date = displayDate(*dob, locale);
    const int age = ageOn(*dob, today);
    if (dataQuality == hud::DataQuality::Partial)
        return DateOfBirthText::tr("%1 (approximate, age %2)").arg(date).arg(age);
    return DateOfBirthText::tr("%1 (age %2)").arg(date).arg(age);
}

} // namespace hearth::dob
