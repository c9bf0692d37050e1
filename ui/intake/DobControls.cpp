#include "ui/intake/DobControls.h"

#include "core/hud/HudCodes.h"
#include "core/intake/DateOfBirth.h"
#include "ui/intake/DataQualityCombo.h"
#include "ui/widgets/HudDateEdit.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>

namespace hearth::ui {

namespace {
const QString kDobText = QStringLiteral("text");
const QString kApproximate = QStringLiteral("approximate");
const QString kDobQuality = QStringLiteral("quality");
const QString kDobQualityByHand = QStringLiteral("qualityByHand");
} // namespace

DobControls::DobControls(QDate today, QObject* parent)
    : QObject(parent)
    , m_today(today)
    , m_date(new HudDateEdit)
    , m_age(new QLabel)
    , m_approximate(new QCheckBox(tr("Approximate")))
    , m_approximateAge(new QSpinBox)
    , m_quality(new DataQualityCombo)
{
    m_date->setObjectName(QStringLiteral("dob"));
    m_age->setObjectName(QStringLiteral("dobAge"));
    m_approximate->setObjectName(QStringLiteral("dobApproximate"));
    m_approximateAge->setObjectName(QStringLiteral("dobApproximateAge"));
    m_quality->setObjectName(QStringLiteral("dobDataQuality"));

    m_date->setReferenceDate(today);
    const QString help = tr("3.03 Date of birth, MM/DD/YYYY. Not sure of the day? Tick Approximate, or type the "
                            "age the client gives. A date in the future or an age over %1 is refused.")
                             .arg(dob::kMaximumAge);
    m_date->setToolTip(help);
    m_date->setWhatsThis(help);
    const QString approximateHelp = tr("The date is an estimate or only partly known (data quality 2).");
    m_approximate->setToolTip(approximateHelp);
    m_approximate->setWhatsThis(approximateHelp);
    m_approximateAge->setRange(-1, dob::kMaximumAge);
    m_approximateAge->setSpecialValueText(tr("age…"));
    m_approximateAge->setValue(-1);
    const QString ageHelp = tr("The age the client gives: the date of birth becomes 1 January of that birth year, "
                               "marked approximate.");
    m_approximateAge->setToolTip(ageHelp);
    m_approximateAge->setWhatsThis(ageHelp);
    m_quality->setList(hud::list::DobDataQuality);
    const QString qualityHelp = tr("3.03.2 DOB Data Quality. Follows the entry (a date: full; approximate: partial; "
                                   "no date: not collected) until you choose an answer yourself.");
    m_quality->setToolTip(qualityHelp);
    m_quality->setWhatsThis(qualityHelp);
    m_quality->load(hud::DataNotCollected, false);

    connect(m_date, &HudDateEdit::dateChanged, this, &DobControls::refresh);
    connect(m_approximate, &QCheckBox::toggled, this, &DobControls::refresh);
    connect(m_approximateAge, &QSpinBox::valueChanged, this, &DobControls::ageEdited);
    connect(m_quality, &HudCodeCombo::codeChanged, this, &DobControls::changed);
    refresh();
}

void DobControls::ageEdited(int age)
{
    if (m_settingAge || age < 0)
        return;
    m_approximate->setChecked(true);
    m_date->setDate(dob::fromApproximateAge(age, m_today));
}

void DobControls::refresh()
{
    const auto dob = m_date->date();
    // Text that is not a date says so once, beside the field; the data quality keeps its answer meanwhile
    // rather than jumping to "not collected" as if nothing had been typed.
    if (m_date->hasValidText())
        m_quality->suggest(dob::dataQualityFor(dob, m_approximate->isChecked()));
    QString text;
    if (!m_date->hasValidText())
        text = tr("not a date");
    else if (dob && dob::ageOn(*dob, m_today) < 0)
        text = tr("in the future");
    else if (dob)
        text = m_approximate->isChecked() ? tr("age %1, approximate").arg(dob::ageOn(*dob, m_today))
                                          : tr("age %1").arg(dob::ageOn(*dob, m_today));
    m_age->setText(text);
    // The age box mirrors the date, without turning it into an approximate one.
    m_settingAge = true;
    m_approximateAge->setValue(
        dob && dob::ageOn(*dob, m_today) >= 0 ? std::min(dob::ageOn(*dob, m_today), dob::kMaximumAge) : -1);
    m_settingAge = false;
    Q_EMIT changed();
}

void DobControls::load(const std::optional<QDate>& dob, int dataQuality)
{
    {
        const QSignalBlocker blockApproximate(m_approximate);
        m_approximate->setChecked(dataQuality == hud::DataQuality::Partial);
    }
    m_quality->load(dataQuality, dataQuality != dob::dataQualityFor(dob, dataQuality == hud::DataQuality::Partial));
    m_date->setDate(dob);
    refresh();
}

std::optional<QDate> DobControls::date() const
{
    return m_date->date();
}

int DobControls::dataQuality() const
{
    return m_quality->code().value_or(hud::DataNotCollected);
}

bool DobControls::hasValidText() const
{
    return m_date->hasValidText();
}

QJsonObject DobControls::draft() const
{
    QJsonObject json {{kDobText, m_date->lineEdit()->text()},
                      {kApproximate, m_approximate->isChecked()},
                      {kDobQualityByHand, m_quality->chosenByHand()}};
    if (const auto code = m_quality->code())
        json.insert(kDobQuality, *code);
    return json;
}

void DobControls::restoreDraft(const QJsonObject& draft)
{
    {
        const QSignalBlocker blockApproximate(m_approximate);
        m_approximate->setChecked(draft.value(kApproximate).toBool());
    }
    m_date->lineEdit()->setText(draft.value(kDobText).toString());
    const QJsonValue quality = draft.value(kDobQuality);
    m_quality->load(quality.isDouble() ? std::optional<int>(quality.toInt()) : std::nullopt,
                    draft.value(kDobQualityByHand).toBool());
    refresh();
}

} // namespace hearth::ui
