#include "ui/intake/ExitDialog.h"

#include "core/hud/HudCatalog.h"
#include "core/hud/HudCodes.h"
#include "core/intake/DataQuality.h"
#include "core/intake/Household.h"
#include "core/intake/ProgramElements.h"
#include "core/services/ClientRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "core/services/ProjectRecords.h"
#include "core/vault/Vault.h"
#include "ui/intake/ChangeHeadDialog.h"
#include "ui/intake/ClientPickerDialog.h"
#include "ui/intake/ElementForm.h"
#include "ui/intake/ElementRows.h"
#include "ui/intake/FindingsView.h"
#include "ui/widgets/HudDateEdit.h"
#include "ui/widgets/UiHelpers.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
const QString kDestination = QStringLiteral("Destination");
} // namespace

ExitDialog::ExitDialog(Vault& vault, const QString& enrollmentUuid, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_openedFor(enrollmentUuid)
    , m_today(vault.clock().today())
    , m_checks(new QListWidget)
    , m_exitDate(new HudDateEdit)
    , m_tabs(new QTabWidget)
    , m_headMessage(new QLabel)
    , m_changeHeadButton(new QPushButton(tr("Change &head…")))
    , m_findings(new FindingsView)
    , m_error(makeErrorLabel(QStringLiteral("exitError")))
{
    setWindowTitle(tr("Exit from project"));
    m_checks->setObjectName(QStringLiteral("exitMembers"));
    m_exitDate->setObjectName(QStringLiteral("exitDate"));
    m_tabs->setObjectName(QStringLiteral("exitMemberTabs"));
    m_headMessage->setObjectName(QStringLiteral("exitHeadMessage"));
    m_changeHeadButton->setObjectName(QStringLiteral("changeHeadButton"));
    m_findings->setObjectName(QStringLiteral("exitFindings"));

    m_checks->setToolTip(tr("Everyone checked leaves on the exit date. Space checks or unchecks."));
    m_checks->setMaximumHeight(m_checks->fontMetrics().lineSpacing() * 6);
    m_exitDate->setReferenceDate(m_today);
    m_exitDate->setDate(m_today);
    m_exitDate->setToolTip(tr("3.11 Project exit date: the last day of the stay (for night-by-night shelters, "
                              "the day after the last bed night). Type t for today."));
    m_headMessage->setWordWrap(true);
    m_headMessage->setTextFormat(Qt::PlainText);

    auto* headRow = new QHBoxLayout;
    headRow->addWidget(m_headMessage, 1);
    headRow->addWidget(m_changeHeadButton);
    auto* headBox = new QWidget;
    headBox->setObjectName(QStringLiteral("exitHeadBox"));
    headBox->setLayout(headRow);
    headRow->setContentsMargins(0, 0, 0, 0);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("E&xit"));
    m_ok->setObjectName(QStringLiteral("exitButton"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Leaving:"), m_checks);
    form->addRow(tr("&Exit date:"), m_exitDate);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(headBox);

    if (const auto element = ProgramElements::instance().find(QStringLiteral("3.12"))) {
        m_destination = new ElementForm(*element, 0);
        layout->addWidget(m_destination);
        connect(m_destination, &ElementForm::changed, this, &ExitDialog::recheck);
    }
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_findings);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ExitDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_changeHeadButton, &QPushButton::clicked, this, &ExitDialog::changeHead);
    connect(m_exitDate, &HudDateEdit::dateChanged, this, &ExitDialog::recheck);
    connect(m_checks, &QListWidget::itemChanged, this, &ExitDialog::recheck);

    if (loadHousehold())
        rebuildMembers({m_openedFor});
    setTabOrder(m_checks, m_exitDate);
    setTabOrder(m_exitDate, m_changeHeadButton);
    if (m_destination) {
        if (QWidget* destination = m_destination->control(kDestination))
            setTabOrder(m_changeHeadButton, destination);
    }
    resize(sizeHint().expandedTo(QSize(720, 640)));
    m_checks->setFocus();
    recheck();
}

bool ExitDialog::loadHousehold()
{
    EnrollmentRecords records(m_vault);
    auto opened = records.find(m_openedFor);
    if (!opened) {
        showError(m_error, opened.message());
        return false;
    }
    auto household = records.household(opened->householdId);
    auto project = ProjectRecords(m_vault).find(opened->projectUuid);
    if (!household || !project) {
        showError(m_error, !household ? household.message() : project.message());
        return false;
    }
    m_project = project.value();
    m_household = QList<Enrollment>(household->begin(), household->end());
    // The head first, then as enrolled: the order staff read a household in.
    std::stable_sort(m_household.begin(), m_household.end(),
                     [](const Enrollment& a, const Enrollment& b) { return a.isHead() && !b.isHead(); });
    if (m_clients.isEmpty()) {
        if (auto clients = ClientRecords(m_vault).list()) {
            for (const ClientProfile& c : clients.value())
                m_clients.insert(c.uuid, c);
        }
    }
    return true;
}

void ExitDialog::rebuildMembers(const QStringList& checked)
{
    // Keep what was typed in forms that are rebuilt (after a change of head).
    for (const Member& m : std::as_const(m_members)) {
        for (const ElementForm* f : m.forms)
            m_kept.insert(m.enrollment.uuid + u'/' + f->element().id, f->values());
    }
    m_tabs->clear();
    for (Member& m : m_members)
        delete m.page;
    m_members.clear();
    {
        const QSignalBlocker block(m_checks);
        m_checks->clear();
    }

    const HudCatalog& catalog = HudCatalog::instance();
    for (const Enrollment& e : std::as_const(m_household)) {
        if (!e.isActive())
            continue;
        Member m;
        m.enrollment = e;
        m.client = m_clients.value(e.clientUuid);
        m.name = m.client.uuid.isEmpty() ? tr("Household member") : clientName(m.client);
        const QString relationship = catalog.label(hud::list::RelationshipToHoH, e.relationshipToHoH);
        {
            const QSignalBlocker block(m_checks);
            auto* item = new QListWidgetItem(tr("%1 — %2").arg(m.name, relationship), m_checks);
            item->setData(Qt::UserRole, e.uuid);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(e.uuid) ? Qt::Checked : Qt::Unchecked);
        }

        auto* content = new QWidget;
        content->setObjectName(QStringLiteral("exitMember_%1").arg(m_members.size()));
        auto* contentLayout = new QVBoxLayout(content);
        const bool adult = quality::isAdultOrUnknown(m.client, m_today);
        for (const ProgramElement& element :
             ProgramElements::instance().required(m_project, hud::Stage::Exit, e.isHead(), adult)) {
            if (element.file == u"Exit" || element.file == u"Client" || element.file == u"Enrollment")
                continue; // 3.12 is asked once above for everyone leaving
            auto* form = new ElementForm(element, m_project.projectType);
            form->setValues(m_kept.value(e.uuid + u'/' + element.id));
            contentLayout->addWidget(form);
            connect(form, &ElementForm::changed, this, &ExitDialog::recheck);
            m.forms.append(form);
        }
        if (m.forms.isEmpty())
            contentLayout->addWidget(
                new QLabel(tr("This project collects nothing else at exit about %1.").arg(m.name)));
        contentLayout->addStretch();
        auto* scroll = new QScrollArea;
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(content);
        m.page = scroll;
        m_tabs->addTab(scroll, m.name);
        m_members.append(m);
    }
    recheck();
}

QStringList ExitDialog::leaving() const
{
    QStringList out;
    for (int i = 0; i < m_checks->count(); ++i) {
        if (m_checks->item(i)->checkState() == Qt::Checked)
            out << m_checks->item(i)->data(Qt::UserRole).toString();
    }
    return out;
}

HudValues ExitDialog::destinationValues() const
{
    return m_destination ? m_destination->values() : HudValues {};
}

void ExitDialog::recheck()
{
    const QStringList exiting = leaving();
    for (int i = 0; i < m_members.size(); ++i)
        m_tabs->setTabEnabled(i, exiting.contains(m_members[i].enrollment.uuid));

    // The head leaves last, or with everyone: say so where the user is looking, with the way out.
    const Status headRule = household::canExit(m_household, exiting);
    m_headMessage->parentWidget()->setVisible(!headRule.ok());
    m_headMessage->setText(headRule.ok() ? QString()
                                         : tr("The head of household cannot leave while others stay. Choose a new "
                                              "head of household first, or check everyone who is leaving."));

    QualityFindings findings;
    if (exiting.isEmpty())
        findings.append(refusedFinding(QStringLiteral("3.11"), {}, tr("Check who is leaving.")));
    if (!m_exitDate->hasValidText())
        findings.append(refusedFinding(QStringLiteral("3.11"), QStringLiteral("exitDate"),
                                       tr("The exit date is not a date; type it as MM/DD/YYYY.")));
    if (m_destination) {
        for (const QString& field : m_destination->unreadableFields())
            findings.append(refusedFinding(QStringLiteral("3.12"), {}, tr("%1 cannot be read.").arg(field)));
    }
    HudValues exitValues = destinationValues();
    const std::optional<int> destination = exitValues.code(kDestination);
    exitValues.remove(kDestination);
    const std::optional<QDate> exitDate = m_exitDate->date();
    for (const Member& m : std::as_const(m_members)) {
        if (!exiting.contains(m.enrollment.uuid))
            continue;
        Enrollment e = m.enrollment;
        e.exitDate = exitDate;
        e.destination = destination;
        e.exitValues = exitValues;
        e.assessments.removeIf([](const Assessment& a) { return a.dataCollectionStage == hud::Stage::Exit; });
        e.assessments += assessmentRows(m.forms, hud::Stage::Exit, exitDate.value_or(QDate()));
        QualityFindings own = quality::checkExit(e, m_project, m.client, m_today);
        for (const QString& field : unreadableFields(m.forms))
            own.append(refusedFinding({}, {}, tr("%1 cannot be read; correct or clear it.").arg(field)));
        findings += findingsAbout(m.name, own);
    }
    m_findings->setFindings(findings);
    m_ok->setEnabled(headRule.ok() && !m_findings->hasRefusal());
}

void ExitDialog::changeHead()
{
    const QStringList exiting = leaving();
    QString stays;
    QHash<QString, QString> names;
    for (const Member& m : std::as_const(m_members)) {
        names.insert(m.enrollment.uuid, m.name);
        if (stays.isEmpty() && !exiting.contains(m.enrollment.uuid))
            stays = m.enrollment.uuid;
    }
    QList<household::Member> members;
    for (const Enrollment& e : std::as_const(m_household))
        members.append({e, m_clients.value(e.clientUuid).dob});
    QPointer<ChangeHeadDialog> dialog = new ChangeHeadDialog(members, names, stays, exiting, m_today, this);
    const bool chosen = dialog->exec() == QDialog::Accepted && dialog;
    const std::optional<HeadChange> choice = dialog ? dialog->choice() : std::nullopt;
    delete dialog;
    if (!chosen || !choice)
        return;
    // Shown at once, saved only with the exit: a cancelled exit leaves the household as it was.
    auto changed = household::changeHead(m_household, choice->newHeadUuid, choice->formerHeadRelationship);
    if (!changed) {
        showError(m_error, changed.message());
        return;
    }
    m_household = changed.value();
    std::stable_sort(m_household.begin(), m_household.end(),
                     [](const Enrollment& a, const Enrollment& b) { return a.isHead() && !b.isHead(); });
    m_headChange = choice;
    rebuildMembers(exiting);
}

void ExitDialog::accept()
{
    recheck();
    if (!m_ok->isEnabled())
        return;
    HudValues exitValues = destinationValues();
    const std::optional<int> destination = exitValues.code(kDestination);
    exitValues.remove(kDestination);
    const QDate exitDate = m_exitDate->date().value_or(QDate());
    const QStringList exiting = leaving();
    std::vector<ExitRequest> requests;
    for (const Member& m : std::as_const(m_members)) {
        if (exiting.contains(m.enrollment.uuid))
            requests.push_back({m.enrollment.uuid, exitDate, destination, exitValues,
                                assessmentRows(m.forms, hud::Stage::Exit, exitDate)});
    }
    const Status exited = EnrollmentRecords(m_vault).exit(requests, m_headChange);
    if (!exited) {
        showError(m_error, exited.message());
        return;
    }
    QDialog::accept();
}

} // namespace hearth::ui
