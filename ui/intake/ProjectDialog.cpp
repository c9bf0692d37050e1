#include "ui/intake/ProjectDialog.h"

#include "core/hud/HudCodes.h"
#include "core/intake/ProjectRules.h"
#include "core/services/ProjectRecords.h"
#include "core/vault/AgencySettings.h"
#include "core/vault/Vault.h"
#include "ui/intake/CodeChecklist.h"
#include "ui/widgets/HudCodeCombo.h"
#include "ui/widgets/HudDateEdit.h"
#include "ui/widgets/UiHelpers.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
const QRegularExpression& cocPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z]{2}-[0-9]{3}$"));
    return pattern;
}
} // namespace

ProjectDialog::ProjectDialog(Vault& vault, std::optional<Project> existing, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_existing(std::move(existing))
    , m_name(new QLineEdit)
    , m_type(new HudCodeCombo)
    , m_coc(new QLineEdit)
    , m_funding(new CodeChecklist)
    , m_bedNights(new QCheckBox(tr("Records night-by-night &bed nights")))
    , m_start(new HudDateEdit)
    , m_end(new HudDateEdit)
    , m_warnings(new QLabel)
    , m_error(makeErrorLabel(QStringLiteral("projectError")))
{
    setWindowTitle(m_existing ? tr("Edit project") : tr("Add project"));
    m_name->setObjectName(QStringLiteral("projectName"));
    m_type->setObjectName(QStringLiteral("projectType"));
    m_coc->setObjectName(QStringLiteral("projectCoc"));
    m_funding->setObjectName(QStringLiteral("projectFunding"));
    m_funding->filterEdit()->setObjectName(QStringLiteral("projectFundingFilter"));
    m_funding->listWidget()->setObjectName(QStringLiteral("projectFundingList"));
    m_bedNights->setObjectName(QStringLiteral("projectBedNights"));
    m_start->setObjectName(QStringLiteral("projectStart"));
    m_end->setObjectName(QStringLiteral("projectEnd"));

    m_name->setMaxLength(200);
    m_name->setToolTip(tr("2.02.2 Project name, as staff and reports know it."));
    m_type->setList(hud::list::ProjectType);
    m_type->setToolTip(tr("2.02.6 HUD project type. It decides which data elements intake asks for."));
    m_coc->setToolTip(tr("2.03.1 Continuum of Care code: two letters, a dash and three digits, like CA-504."));
    m_coc->setPlaceholderText(tr("CA-504"));
    m_coc->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,2}-?[0-9]{0,3}")), m_coc));
    m_coc->setMaximumWidth(m_coc->fontMetrics().horizontalAdvance(QStringLiteral("MMM-0000")) + 24);
    connect(m_coc, &QLineEdit::textEdited, this, [this](const QString& text) {
        const int cursor = m_coc->cursorPosition();
        m_coc->setText(text.toUpper());
        m_coc->setCursorPosition(cursor);
    });
    m_funding->setList(hud::list::FundingSource);
    m_funding->setToolTip(tr("2.06.1 Federal partner funding sources. Choose every source that funds the project."));
    m_bedNights->setToolTip(tr("Check-in records a 4.14 bed night for each client each night. Always on for "
                               "Emergency Shelter – Night-by-Night."));
    const QDate today = vault.clock().today();
    for (HudDateEdit* date : {m_start, m_end})
        date->setReferenceDate(today);
    m_start->setToolTip(tr("2.02.3 The first day the project served clients (or the day Hearth started "
                           "recording for it)."));
    m_end->setToolTip(tr("2.02.4 The last day the project served clients. Leave empty while it operates."));

    if (m_existing) {
        m_name->setText(m_existing->name);
        m_type->setCode(m_existing->projectType);
        m_coc->setText(m_existing->cocCode);
        m_funding->setCheckedCodes(m_existing->fundingSources);
        m_bedNights->setChecked(m_existing->tracksBedNights);
        m_start->setDate(m_existing->operatingStart);
        m_end->setDate(m_existing->operatingEnd);
    } else {
        if (const auto agency = vault.settings().agency())
            m_coc->setText(agency->cocCode);
        m_start->setDate(today);
    }
    m_bedNightsChoice = m_bedNights->isChecked();
    m_warnings->setObjectName(QStringLiteral("projectWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout;
    form->addRow(tr("Project &name:"), m_name);
    form->addRow(tr("Project &type:"), m_type);
    form->addRow(tr("&CoC code:"), m_coc);
    form->addRow(tr("&Funding sources:"), m_funding);
    form->addRow(QString(), m_bedNights);
    form->addRow(tr("Operating &start:"), m_start);
    form->addRow(tr("Operating &end:"), m_end);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(m_existing ? tr("&Save project") : tr("&Add project"));
    ok->setObjectName(QStringLiteral("saveProjectButton"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_warnings);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProjectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_type, &HudCodeCombo::codeChanged, this, &ProjectDialog::updateBedNights);
    connect(m_bedNights, &QCheckBox::toggled, this, [this](bool on) {
        if (m_bedNights->isEnabled())
            m_bedNightsChoice = on;
    });

    QWidget* order[]
        = {m_name, m_type, m_coc, m_funding->filterEdit(), m_funding->listWidget(), m_bedNights, m_start, m_end};
    for (size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);
    connect(m_funding, &CodeChecklist::checkedCodesChanged, this, &ProjectDialog::updateWarnings);
    updateBedNights();
    updateWarnings();
    // Wide enough for most 2.06.1 funding source names without cutting them off.
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    m_name->setFocus();
}

void ProjectDialog::updateBedNights()
{
    // A night-by-night shelter records stays as bed nights; HUD has no other way to count them.
    const bool nightByNight = m_type->code() == hud::ProjectType::EmergencyShelterNightByNight;
    m_bedNights->setEnabled(!nightByNight);
    m_bedNights->setChecked(nightByNight || m_bedNightsChoice);
}

void ProjectDialog::updateWarnings()
{
    // Warnings (retired funding sources) do not block saving; they are shown while choosing.
    QStringList warnings;
    for (const QualityFinding& f : projects::validate(project())) {
        if (!f.isRefusal())
            warnings << f.message;
    }
    m_warnings->setText(warnings.join(u'\n'));
    m_warnings->setVisible(!warnings.isEmpty());
}

Project ProjectDialog::project() const
{
    Project p = m_existing.value_or(Project {});
    p.name = m_name->text().simplified();
    p.projectType = m_type->code().value_or(-1);
    p.cocCode = m_coc->text().trimmed().toUpper();
    p.fundingSources = m_funding->checkedCodes();
    p.tracksBedNights = m_bedNights->isChecked();
    p.operatingStart = m_start->date().value_or(QDate());
    p.operatingEnd = m_end->date();
    return p;
}

void ProjectDialog::accept()
{
    // Say what is wrong next to the form; nothing typed is lost.
    if (!m_type->code()) {
        showError(m_error, tr("Choose the HUD project type."));
        m_type->setFocus();
        return;
    }
    if (!cocPattern().match(m_coc->text().trimmed().toUpper()).hasMatch()) {
        showError(m_error, tr("A CoC code is two letters, a dash and three digits, like CA-504."));
        m_coc->setFocus();
        return;
    }
    for (HudDateEdit* date : {m_start, m_end}) {
        if (!date->hasValidText()) {
            showError(m_error, tr("Type dates as MM/DD/YYYY."));
            date->setFocus();
            return;
        }
    }
    const Project p = project();
    const QualityFindings findings = projects::validate(p);
    QStringList refusals;
    for (const QualityFinding& f : findings) {
        if (f.isRefusal())
            refusals << f.message;
    }
    if (!refusals.isEmpty()) {
        showError(m_error, refusals.join(u'\n'));
        return;
    }
    ProjectRecords records(m_vault);
    if (m_existing) {
        const Status updated = records.update(p);
        if (!updated) {
            showError(m_error, updated.message());
            return;
        }
        m_saved = p;
    } else {
        auto created = records.create(p);
        if (!created) {
            showError(m_error, created.message());
            return;
        }
        m_saved = created.value();
    }
    QDialog::accept();
}

} // namespace hearth::ui
