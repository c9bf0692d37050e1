#include "ui/intake/ClientProfileForm.h"

#include "core/hud/HudCodes.h"
#include "core/intake/DataQuality.h"
#include "core/intake/DateOfBirth.h"
#include "core/intake/ProgramElements.h"
#include "ui/intake/DataQualityCombo.h"
#include "ui/intake/DobControls.h"
#include "ui/intake/ElementForm.h"
#include "ui/intake/FindingsView.h"
#include "ui/intake/SsnControls.h"
#include "ui/widgets/HudCodeCombo.h"
#include "ui/widgets/HudDateEdit.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {

const QString kFirst = QStringLiteral("firstName");
const QString kMiddle = QStringLiteral("middleName");
const QString kLast = QStringLiteral("lastName");
const QString kSuffix = QStringLiteral("nameSuffix");
const QString kNameQuality = QStringLiteral("nameDataQuality");
const QString kNameQualityByHand = QStringLiteral("nameDataQualityByHand");
const QString kAlias = QStringLiteral("alias");
const QString kSsn = QStringLiteral("ssn");
const QString kDob = QStringLiteral("dob");
const QString kRace = QStringLiteral("raceEthnicity");
const QString kRaceNone = QStringLiteral("raceNone");
const QString kRaceDetail = QStringLiteral("additionalRaceEthnicity");
const QString kSex = QStringLiteral("sex");
const QString kVeteran = QStringLiteral("veteranStatus");
const QString kVeteranDetails = QStringLiteral("veteranDetails");

void setHelp(QWidget* widget, const QString& help)
{
    widget->setToolTip(help);
    widget->setWhatsThis(help);
}

/// A row label for a row that is a layout (QFormLayout only sets buddies for widgets).
QLabel* buddyLabel(const QString& text, QWidget* buddy)
{
    auto* label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

QLineEdit* makeLine(const QString& objectName, const QString& help, int maxLength = 50)
{
    auto* edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setMaxLength(maxLength);
    setHelp(edit, help);
    return edit;
}

/// 3.01.5 from what was typed: first and last name -> full, some of it -> partial, none -> not collected.
int suggestedNameQuality(const QString& first, const QString& last)
{
    if (!first.trimmed().isEmpty() && !last.trimmed().isEmpty())
        return hud::DataQuality::Full;
    if (!first.trimmed().isEmpty() || !last.trimmed().isEmpty())
        return hud::DataQuality::Partial;
    return hud::DataNotCollected;
}

QString raceLabel(const QString& column)
{
    static const QHash<QString, QString> labels {
        {QStringLiteral("AmIndAKNative"), ClientProfileForm::tr("American Indian, Alaska Native, or Indigenous")},
        {QStringLiteral("Asian"), ClientProfileForm::tr("Asian or Asian American")},
        {QStringLiteral("BlackAfAmerican"), ClientProfileForm::tr("Black, African American, or African")},
        {QStringLiteral("HispanicLatinao"), ClientProfileForm::tr("Hispanic/Latina/e/o")},
        {QStringLiteral("MidEastNAfrican"), ClientProfileForm::tr("Middle Eastern or North African")},
        {QStringLiteral("NativeHIPacific"), ClientProfileForm::tr("Native Hawaiian or Pacific Islander")},
        {QStringLiteral("White"), ClientProfileForm::tr("White")},
    };
    return labels.value(column, column);
}

QJsonValue codeJson(std::optional<int> code)
{
    return code ? QJsonValue(*code) : QJsonValue();
}

std::optional<int> codeFrom(const QJsonValue& value)
{
    return value.isDouble() ? std::optional<int>(value.toInt()) : std::nullopt;
}

/// V1 as the client form asks it: the form is shown only for veterans, so the fields' own
/// "when VeteranStatus is Yes" condition (a column outside the form) is already met.
ProgramElement veteranElement()
{
    ProgramElement element = ProgramElements::instance().find(QStringLiteral("V1")).value_or(ProgramElement {});
    for (FormField& field : element.fields) {
        field.shownWhen.erase(
            std::remove_if(field.shownWhen.begin(), field.shownWhen.end(),
                           [](const FieldCondition& c) { return c.column == QLatin1String("VeteranStatus"); }),
            field.shownWhen.end());
    }
    return element;
}

} // namespace

ClientProfileForm::ClientProfileForm(QDate today, QWidget* parent)
    : QWidget(parent)
    , m_today(today)
    , m_first(makeLine(QStringLiteral("firstName"), tr("3.01 First name, as the client gives it.")))
    , m_middle(makeLine(QStringLiteral("middleName"), tr("3.01 Middle name, if any.")))
    , m_last(makeLine(QStringLiteral("lastName"), tr("3.01 Last name, as the client gives it.")))
    , m_suffix(makeLine(QStringLiteral("nameSuffix"), tr("3.01 Suffix: Jr., Sr., III…"), 10))
    , m_nameQuality(new DataQualityCombo)
    , m_alias(makeLine(QStringLiteral("alias"),
                       tr("Nickname or street name. Used to find the client again; never reported to HUD.")))
    , m_ssn(new SsnControls(this))
    , m_dob(new DobControls(today, this))
    , m_raceNone(new HudCodeCombo)
    , m_raceDetail(makeLine(QStringLiteral("additionalRaceEthnicity"),
                            tr("3.04.2 Additional race and ethnicity detail, in the client's words."), 100))
    , m_sex(new HudCodeCombo)
    , m_veteran(new HudCodeCombo)
    , m_findings(new FindingsView)
{
    setObjectName(QStringLiteral("clientProfileForm"));
    m_nameQuality->setObjectName(QStringLiteral("nameDataQuality"));
    m_nameQuality->setList(hud::list::NameDataQuality);
    m_nameQuality->load(hud::DataNotCollected, false);
    setHelp(m_nameQuality,
            tr("3.01.5 Name Data Quality. Follows the name typed (first and last: full; part of it: "
               "partial) until you choose an answer yourself."));
    m_raceNone->setObjectName(QStringLiteral("raceNone"));
    m_raceNone->setList(hud::list::RaceNone);
    setHelp(m_raceNone,
            tr("When no race or ethnicity is chosen: why (client doesn't know, prefers not to answer, "
               "or not collected)."));
    m_sex->setObjectName(QStringLiteral("sex"));
    m_sex->setList(hud::list::Sex);
    setHelp(m_sex, tr("4.21 Sex, as the client reports it."));
    m_veteran->setObjectName(QStringLiteral("veteranStatus"));
    m_veteran->setList(hud::list::NoYesReasons);
    setHelp(m_veteran,
            tr("3.07 Veteran status: has the client served on active duty in the US armed forces? Asked "
               "of adults. Yes opens the V1 veteran information."));
    m_findings->setObjectName(QStringLiteral("profileFindings"));
    m_findings->setFocusPolicy(Qt::NoFocus);
    m_findings->setMinimumHeight(m_findings->fontMetrics().lineSpacing() * 4);
    m_findings->setMaximumHeight(m_findings->fontMetrics().lineSpacing() * 8);

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(makeNameBox());
    left->addWidget(makeIdentityBox());
    left->addStretch();
    auto* right = new QVBoxLayout;
    right->addWidget(makeRaceBox());
    right->addWidget(makeVeteranBox());
    right->addStretch();
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(columns);

    for (QLineEdit* edit : {m_first, m_middle, m_last, m_suffix, m_alias, m_raceDetail})
        connect(edit, &QLineEdit::textChanged, this, &ClientProfileForm::recheck);
    for (HudCodeCombo* combo : {static_cast<HudCodeCombo*>(m_nameQuality), m_raceNone, m_sex})
        connect(combo, &HudCodeCombo::codeChanged, this, &ClientProfileForm::recheck);
    connect(m_veteran, &HudCodeCombo::codeChanged, this, &ClientProfileForm::veteranChanged);
    connect(m_ssn, &SsnControls::changed, this, &ClientProfileForm::recheck);
    connect(m_dob, &DobControls::changed, this, &ClientProfileForm::recheck);
    setUpTabOrder();
    veteranChanged();
    raceChanged();
}

QWidget* ClientProfileForm::makeNameBox()
{
    auto* box = new QGroupBox(tr("Name (3.01)"));
    auto* form = new QFormLayout(box);
    // Alt keys are unique on the client page with its tabs and the main window's menus (test_client_keys.cpp);
    // no letter is left for the race follow-ups and Approximate.
    form->addRow(tr("Fi&rst name:"), m_first);
    form->addRow(tr("&Middle name:"), m_middle);
    form->addRow(tr("&Last name:"), m_last);
    form->addRow(tr("S&uffix:"), m_suffix);
    form->addRow(tr("Name &data quality:"), m_nameQuality);
    form->addRow(tr("&Alias / nickname:"), m_alias);
    return box;
}

QWidget* ClientProfileForm::makeIdentityBox()
{
    auto* box = new QGroupBox(tr("SSN (3.02) and date of birth (3.03)"));
    auto* form = new QFormLayout(box);
    auto* ssnRow = new QHBoxLayout;
    ssnRow->addWidget(m_ssn->edit(), 1);
    ssnRow->addWidget(m_ssn->consent());
    form->addRow(buddyLabel(tr("SS&N:"), m_ssn->edit()), ssnRow);
    form->addRow(QString(), m_ssn->warnings());
    form->addRow(tr("SSN data &quality:"), m_ssn->quality());
    auto* dobRow = new QHBoxLayout;
    dobRow->addWidget(m_dob->dateEdit(), 1);
    dobRow->addWidget(m_dob->ageLabel());
    form->addRow(buddyLabel(tr("Date of &birth:"), m_dob->dateEdit()->lineEdit()), dobRow);
    auto* approximateRow = new QHBoxLayout;
    approximateRow->addWidget(m_dob->approximate());
    approximateRow->addWidget(m_dob->approximateAge());
    approximateRow->addStretch();
    form->addRow(QString(), approximateRow);
    form->addRow(tr("DOB data qualit&y:"), m_dob->quality());
    return box;
}

QWidget* ClientProfileForm::makeRaceBox()
{
    auto* box = new QGroupBox(tr("Race and ethnicity (3.04) — all that apply"));
    setHelp(box, tr("3.04 Race and ethnicity: tick every one the client identifies with."));
    auto* layout = new QVBoxLayout(box);
    auto* grid = new QGridLayout;
    const QStringList columns = raceEthnicityColumns();
    for (int i = 0; i < columns.size(); ++i) {
        auto* check = new QCheckBox(raceLabel(columns.at(i)));
        check->setObjectName(QStringLiteral("race_") + columns.at(i));
        check->setProperty("column", columns.at(i));
        setHelp(check, tr("3.04 Race and ethnicity: %1.").arg(raceLabel(columns.at(i))));
        grid->addWidget(check, i / 2, i % 2);
        m_race.append(check);
        connect(check, &QCheckBox::toggled, this, &ClientProfileForm::raceChanged);
    }
    layout->addLayout(grid);
    auto* form = new QFormLayout;
    form->addRow(tr("None chosen because:"), m_raceNone);
    form->addRow(tr("Additional detail:"), m_raceDetail);
    form->addRow(tr("Se&x (4.21):"), m_sex);
    layout->addLayout(form);
    return box;
}

QWidget* ClientProfileForm::makeVeteranBox()
{
    auto* box = new QGroupBox(tr("Veteran (3.07)"));
    auto* layout = new QVBoxLayout(box);
    auto* form = new QFormLayout;
    form->addRow(tr("Veteran s&tatus:"), m_veteran);
    m_veteranNote = new QLabel(tr("Not asked of children: HUD collects 3.07 from adults only and reports a "
                                  "child as \u201cData not collected\u201d."));
    m_veteranNote->setObjectName(QStringLiteral("veteranNote"));
    m_veteranNote->setWordWrap(true);
    m_veteranNote->setVisible(false);
    form->addRow(m_veteranNote);
    layout->addLayout(form);
    const ProgramElement v1 = veteranElement();
    if (!v1.id.isEmpty()) {
        m_veteranDetails = new ElementForm(v1, 0);
        layout->addWidget(m_veteranDetails);
        connect(m_veteranDetails, &ElementForm::changed, this, &ClientProfileForm::recheck);
    }
    return box;
}

void ClientProfileForm::setUpTabOrder()
{
    // Top to bottom, left column then right, as the paper form reads.
    QList<QWidget*> order {m_first,
                           m_middle,
                           m_last,
                           m_suffix,
                           m_nameQuality,
                           m_alias,
                           m_ssn->edit(),
                           m_ssn->consent(),
                           m_ssn->quality(),
                           m_dob->dateEdit()->lineEdit(),
                           m_dob->approximate(),
                           m_dob->approximateAge(),
                           m_dob->quality()};
    for (QCheckBox* check : std::as_const(m_race))
        order << check;
    order << m_raceNone << m_raceDetail << m_sex << m_veteran;
    if (m_veteranDetails)
        order << m_veteranDetails;
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void ClientProfileForm::raceChanged()
{
    const bool any = std::any_of(m_race.cbegin(), m_race.cend(), [](const QCheckBox* c) { return c->isChecked(); });
    // HUD: RaceNone only when no race is chosen.
    if (any)
        m_raceNone->setCode(std::nullopt);
    m_raceNone->setEnabled(!any);
    recheck();
}

void ClientProfileForm::veteranChanged()
{
    if (m_veteranDetails)
        m_veteranDetails->setVisible(m_veteran->code() == hud::NoYes::Yes);
    recheck();
}

void ClientProfileForm::recheck()
{
    if (m_loading)
        return;
    m_nameQuality->suggest(suggestedNameQuality(m_first->text(), m_last->text()));
    // A child by the date of birth is not asked 3.07: the answer stays HUD's 99, shown as not asked. A
    // "Yes" recorded for a child stays editable so it can be corrected.
    const auto dob = m_dob->date();
    const bool child = dob && dob::ageOn(*dob, m_today) >= 0 && dob::ageOn(*dob, m_today) < 18
        && m_veteran->code() != hud::NoYes::Yes;
    m_veteran->setEnabled(!child);
    m_veteranNote->setVisible(child);
    if (child && m_veteran->code() != hud::DataNotCollected) {
        const QSignalBlocker quiet(m_veteran);
        m_veteran->setCode(hud::DataNotCollected);
    }
    m_findings->setFindings(findings());
    Q_EMIT changed();
}

QualityFindings ClientProfileForm::findings() const
{
    QualityFindings out = quality::checkClientProfile(profile(), m_today);
    if (!m_dob->hasValidText()) {
        // One message for the field: what the rules say of a missing date does not apply to a typo.
        out.erase(std::remove_if(out.begin(), out.end(), [](const QualityFinding& f) { return f.element == u"3.03"; }),
                  out.end());
        out.prepend(refusedFinding(QStringLiteral("3.03"), QStringLiteral("dob"),
                                   tr("3.03 Date of birth: the text typed is not a date (MM/DD/YYYY).")));
    }
    if (m_veteranDetails && !m_veteranDetails->isHidden()) {
        for (const QString& label : m_veteranDetails->unreadableFields())
            out.append(refusedFinding(QStringLiteral("V1"), label, tr("V1: \"%1\" cannot be read.").arg(label)));
    }
    return out;
}

bool ClientProfileForm::hasRefusal() const
{
    return hearth::hasRefusal(findings());
}

void ClientProfileForm::setProfile(const ClientProfile& client)
{
    m_loading = true;
    m_base = client;
    m_first->setText(client.firstName);
    m_middle->setText(client.middleName);
    m_last->setText(client.lastName);
    m_suffix->setText(client.nameSuffix);
    m_nameQuality->load(client.nameDataQuality,
                        client.nameDataQuality != suggestedNameQuality(client.firstName, client.lastName));
    m_alias->setText(client.alias);
    m_ssn->load(client.ssn, client.ssnDataQuality);
    m_dob->load(client.dob, client.dobDataQuality);
    for (QCheckBox* check : std::as_const(m_race))
        check->setChecked(client.raceEthnicity.contains(check->property("column").toString()));
    m_raceNone->setCode(client.raceNone);
    m_raceDetail->setText(client.additionalRaceEthnicity);
    m_sex->setCode(client.sex);
    m_veteran->setCode(client.veteranStatus);
    if (m_veteranDetails)
        m_veteranDetails->setValues(client.veteranDetails);
    m_loading = false;
    raceChanged();
    veteranChanged();
    m_loadedDraft = draft();
}

ClientProfile ClientProfileForm::profile() const
{
    ClientProfile c = m_base;
    c.firstName = m_first->text().simplified();
    c.middleName = m_middle->text().simplified();
    c.lastName = m_last->text().simplified();
    c.nameSuffix = m_suffix->text().simplified();
    c.nameDataQuality = m_nameQuality->code().value_or(hud::DataNotCollected);
    c.alias = m_alias->text().simplified();
    c.ssn = m_ssn->ssn();
    c.ssnDataQuality = m_ssn->dataQuality();
    c.ssnWithheld = m_base.ssnWithheld && m_ssn->keepsStoredNumber();
    c.dob = m_dob->date();
    c.dobDataQuality = m_dob->dataQuality();
    c.raceEthnicity.clear();
    for (const QCheckBox* check : m_race) {
        if (check->isChecked())
            c.raceEthnicity << check->property("column").toString();
    }
    c.raceNone = c.raceEthnicity.isEmpty() ? m_raceNone->code() : std::nullopt;
    c.additionalRaceEthnicity = m_raceDetail->text().simplified();
    c.sex = m_sex->code();
    c.veteranStatus = m_veteran->code().value_or(hud::DataNotCollected);
    // V1 belongs to veterans only; HUD wants it empty otherwise.
    c.veteranDetails
        = m_veteranDetails && c.veteranStatus == hud::NoYes::Yes ? m_veteranDetails->values() : HudValues();
    return c;
}

void ClientProfileForm::showSsn(const QString& ssn)
{
    m_ssn->showNumber(ssn);
    m_loadedDraft.insert(kSsn, m_ssn->draft()); // the revealed number is the stored one, not an edit
}

bool ClientProfileForm::isBlank() const
{
    const ClientProfile blank;
    ClientProfile now = profile();
    // Data-quality answers follow the (empty) entry on their own; they are not something typed.
    now.nameDataQuality = blank.nameDataQuality;
    now.ssnDataQuality = blank.ssnDataQuality;
    now.dobDataQuality = blank.dobDataQuality;
    now.uuid = blank.uuid;
    now.caseNumber = blank.caseNumber;
    return now == blank && m_dob->hasValidText() && m_dob->dateEdit()->isEmpty();
}

QJsonObject ClientProfileForm::draft() const
{
    QJsonArray race;
    for (const QCheckBox* check : m_race) {
        if (check->isChecked())
            race.append(check->property("column").toString());
    }
    return QJsonObject {{kFirst, m_first->text()},
                        {kMiddle, m_middle->text()},
                        {kLast, m_last->text()},
                        {kSuffix, m_suffix->text()},
                        {kNameQuality, codeJson(m_nameQuality->code())},
                        {kNameQualityByHand, m_nameQuality->chosenByHand()},
                        {kAlias, m_alias->text()},
                        {kSsn, m_ssn->draft()},
                        {kDob, m_dob->draft()},
                        {kRace, race},
                        {kRaceNone, codeJson(m_raceNone->code())},
                        {kRaceDetail, m_raceDetail->text()},
                        {kSex, codeJson(m_sex->code())},
                        {kVeteran, codeJson(m_veteran->code())},
                        {kVeteranDetails, m_veteranDetails ? m_veteranDetails->values().toJson() : QJsonObject()}};
}

void ClientProfileForm::restoreDraft(const QJsonObject& draft, bool overLoaded)
{
    m_loading = true;
    if (!overLoaded) {
        m_base = ClientProfile();
        m_loadedDraft = {};
    }
    m_first->setText(draft.value(kFirst).toString());
    m_middle->setText(draft.value(kMiddle).toString());
    m_last->setText(draft.value(kLast).toString());
    m_suffix->setText(draft.value(kSuffix).toString());
    m_nameQuality->load(codeFrom(draft.value(kNameQuality)), draft.value(kNameQualityByHand).toBool());
    m_alias->setText(draft.value(kAlias).toString());
    m_ssn->restoreDraft(draft.value(kSsn).toObject());
    m_dob->restoreDraft(draft.value(kDob).toObject());
    QStringList race;
    for (const QJsonValue& v : draft.value(kRace).toArray())
        race << v.toString();
    for (QCheckBox* check : std::as_const(m_race))
        check->setChecked(race.contains(check->property("column").toString()));
    m_raceNone->setCode(codeFrom(draft.value(kRaceNone)));
    m_raceDetail->setText(draft.value(kRaceDetail).toString());
    m_sex->setCode(codeFrom(draft.value(kSex)));
    m_veteran->setCode(codeFrom(draft.value(kVeteran)));
    if (m_veteranDetails)
        m_veteranDetails->setValues(HudValues::fromJson(draft.value(kVeteranDetails).toObject()));
    m_loading = false;
    raceChanged();
    veteranChanged();
}

} // namespace hearth::ui
