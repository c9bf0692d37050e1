#include "ui/intake/EnrollDialog.h"

#include "core/hud/HudCatalog.h"
#include "core/hud/HudCodes.h"
#include "core/intake/DataQuality.h"
#include "core/intake/Household.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "core/services/NewClientIntake.h"
#include "core/services/ProjectRecords.h"
#include "core/vault/Vault.h"
#include "ui/consent/ConsentDialog.h"
#include "ui/intake/ClientPickerDialog.h"
#include "ui/intake/FindingsView.h"
#include "ui/intake/MemberEntryForm.h"
#include "ui/intake/NewMemberDialog.h"
#include "ui/widgets/HudCodeCombo.h"
#include "ui/widgets/HudDateEdit.h"
#include "ui/widgets/UiHelpers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hearth::ui {

EnrollDialog::EnrollDialog(Vault& vault, const ClientProfile& client, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_today(vault.clock().today())
    , m_project(new QComboBox)
    , m_entryDate(new HudDateEdit)
    , m_tabs(new QTabWidget)
    , m_removeButton(new QPushButton(tr("&Remove from household")))
    , m_householdMessage(new QLabel)
    , m_findings(new FindingsView)
    , m_error(makeErrorLabel(QStringLiteral("enrollError")))
{
    setWindowTitle(tr("Enroll %1").arg(clientName(client)));
    m_project->setObjectName(QStringLiteral("enrollProject"));
    m_entryDate->setObjectName(QStringLiteral("enrollEntryDate"));
    m_tabs->setObjectName(QStringLiteral("enrollMembers"));
    m_removeButton->setObjectName(QStringLiteral("removeMemberButton"));
    m_householdMessage->setObjectName(QStringLiteral("householdMessage"));
    m_findings->setObjectName(QStringLiteral("enrollFindings"));

    m_project->setToolTip(tr("The project the household is entering."));
    m_entryDate->setReferenceDate(m_today);
    m_entryDate->setDate(m_today);
    m_entryDate->setToolTip(tr("3.10 Project start date: the day the household entered the project. Type t for "
                               "today."));
    m_householdMessage->setWordWrap(true);
    m_householdMessage->setTextFormat(Qt::PlainText);
    m_householdMessage->setVisible(false);

    auto projects = ProjectRecords(vault).list();
    if (projects) {
        m_projects = std::move(projects.value());
        std::sort(m_projects.begin(), m_projects.end(),
                  [](const Project& a, const Project& b) { return a.name.localeAwareCompare(b.name) < 0; });
    }
    for (const Project& p : m_projects) {
        const QString type = HudCatalog::instance().label(hud::list::ProjectType, p.projectType);
        m_project->addItem(tr("%1 (%2)").arg(p.name, type), p.uuid);
    }

    auto* top = new QFormLayout;
    top->addRow(tr("&Project:"), m_project);
    top->addRow(tr("Project &start date:"), m_entryDate);

    auto* addButton = new QPushButton(tr("Add household &member…"));
    addButton->setObjectName(QStringLiteral("addMemberButton"));
    addButton->setToolTip(tr("Enroll another person with this client, as one household."));
    auto* newButton = new QPushButton(tr("&New person…"));
    newButton->setObjectName(QStringLiteral("newMemberButton"));
    newButton->setToolTip(tr("Someone not yet a client: their release, then their name and date of birth, "
                             "without leaving this household."));
    newButton->setEnabled(vault.can(Permission::EditClients));
    auto* memberButtons = new QHBoxLayout;
    memberButtons->addWidget(addButton);
    memberButtons->addWidget(newButton);
    memberButtons->addWidget(m_removeButton);
    memberButtons->addStretch();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Enroll"));
    m_ok->setObjectName(QStringLiteral("enrollButton"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(memberButtons);
    layout->addWidget(m_householdMessage);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_findings);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &EnrollDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addButton, &QPushButton::clicked, this, &EnrollDialog::chooseMember);
    connect(newButton, &QPushButton::clicked, this, &EnrollDialog::createMember);
    connect(m_removeButton, &QPushButton::clicked, this, &EnrollDialog::removeCurrentMember);
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this](int index) { m_removeButton->setEnabled(index > 0); }); // the client who opened it stays
    connect(m_project, &QComboBox::currentIndexChanged, this, &EnrollDialog::projectOrDateChanged);
    connect(m_entryDate, &HudDateEdit::dateChanged, this, &EnrollDialog::projectOrDateChanged);

    setTabOrder(m_project, m_entryDate);
    setTabOrder(m_entryDate, addButton);
    setTabOrder(addButton, newButton);
    setTabOrder(newButton, m_removeButton);
    setTabOrder(m_removeButton, m_tabs);

    addMember(client);
    m_members.constFirst()->setRelationship(hud::Relationship::Self);
    if (m_projects.empty())
        showError(m_error, tr("There are no projects yet. An administrator adds them under Projects."));
    m_removeButton->setEnabled(false);
    resize(sizeHint().expandedTo(QSize(720, 640)));
    m_project->setFocus();
    recheck();
}

std::optional<Project> EnrollDialog::currentProject() const
{
    const int index = m_project->currentIndex();
    if (index < 0 || index >= int(m_projects.size()))
        return std::nullopt;
    return m_projects[size_t(index)];
}

void EnrollDialog::addMember(const ClientProfile& client)
{
    auto* member = new MemberEntryForm(client);
    member->setObjectName(QStringLiteral("member_%1").arg(m_members.size()));
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(member);
    m_members.append(member);
    const int index = m_tabs->addTab(scroll, clientName(client));
    if (const auto project = currentProject())
        member->setProject(*project, m_entryDate->date().value_or(QDate()), m_today);
    connect(member, &MemberEntryForm::changed, this, &EnrollDialog::recheck);
    connect(member->relationshipCombo(), &HudCodeCombo::codeChanged, this,
            [this, member] { relationshipChanged(member); });
    m_tabs->setCurrentIndex(index);
    recheck();
}

void EnrollDialog::chooseMember()
{
    auto clients = ClientRecords(m_vault).list();
    if (!clients) {
        showError(m_error, clients.message());
        return;
    }
    QStringList inHousehold;
    for (const MemberEntryForm* m : std::as_const(m_members))
        inHousehold << m->client().uuid;
    // On the heap and guarded: an auto-lock during exec() deletes this dialog and the picker with it.
    QStringList uuids;
    for (const ClientProfile& c : *clients)
        uuids << c.uuid;
    QPointer<ClientPickerDialog> picker = new ClientPickerDialog(std::move(clients.value()), inHousehold, this);
    ConsentRecords consent(m_vault);
    if (auto statuses = consent.statuses(uuids))
        picker->setConsent(statuses.value(), m_today, consent.settings().warningDays);
    const bool chosen = picker->exec() == QDialog::Accepted && picker;
    const auto client = chosen ? picker->chosen() : std::nullopt;
    delete picker;
    if (client) {
        addMember(*client);
        suggestRelationship(m_members.constLast());
        m_members.constLast()->relationshipCombo()->setFocus();
    }
}

void EnrollDialog::createMember()
{
    // On the heap and guarded, as the picker: an auto-lock during exec() deletes this dialog too.
    NewClientIntake intake(m_vault);
    QPointer<ConsentDialog> consent = ConsentDialog::newClient(m_vault, this);
    const bool released = consent->exec() == QDialog::Accepted && consent;
    if (!consent)
        return;
    if (released)
        intake.collectRelease(consent->release(), consent->attachments());
    delete consent;
    if (!released)
        return;
    if (intake.releaseIsAnonymous()) {
        showError(m_error,
                  tr("An anonymous client is added from the Clients page (Anonymous client…), then "
                     "enrolled with \"Add household member…\"."));
        return;
    }
    QPointer<NewMemberDialog> dialog = new NewMemberDialog(intake, m_today, this);
    const bool added = dialog->exec() == QDialog::Accepted && dialog;
    const auto member = added ? dialog->member() : std::nullopt;
    delete dialog;
    if (!member)
        return;
    addMember(*member);
    suggestRelationship(m_members.constLast());
    m_members.constLast()->relationshipCombo()->setFocus();
}

void EnrollDialog::suggestRelationship(MemberEntryForm* member)
{
    if (m_members.isEmpty() || member == m_members.constFirst() || member->relationshipCombo()->code())
        return;
    const MemberEntryForm* head = m_members.constFirst();
    for (const MemberEntryForm* m : std::as_const(m_members))
        if (m->isHead())
            head = m;
    if (const auto suggested = household::suggestedRelationship(head->client().dob, member->client().dob, m_today))
        member->setRelationship(*suggested);
}

void EnrollDialog::removeCurrentMember()
{
    const int index = m_tabs->currentIndex();
    if (index <= 0 || index >= m_members.size())
        return;
    QWidget* page = m_tabs->widget(index);
    m_tabs->removeTab(index);
    m_members.removeAt(index);
    delete page;
    for (int i = 0; i < m_members.size(); ++i)
        m_members[i]->setObjectName(QStringLiteral("member_%1").arg(i));
    recheck();
}

void EnrollDialog::projectOrDateChanged()
{
    const auto project = currentProject();
    if (!project)
        return;
    for (MemberEntryForm* m : std::as_const(m_members))
        m->setProject(*project, m_entryDate->date().value_or(QDate()), m_today);
    recheck();
}

void EnrollDialog::relationshipChanged(MemberEntryForm* member)
{
    if (!member->isHead()) {
        recheck();
        return;
    }
    // Exactly one head: the member who was "Self" is asked for their relationship to the new head.
    for (MemberEntryForm* other : std::as_const(m_members)) {
        if (other == member || !other->isHead())
            continue;
        other->setRelationship(std::nullopt);
        m_householdMessage->setText(tr("%1 is now the head of household. Choose %2's relationship to %1.")
                                        .arg(clientName(member->client()), clientName(other->client())));
        m_householdMessage->setVisible(true);
    }
    recheck();
}

std::vector<Enrollment> EnrollDialog::enrollments() const
{
    std::vector<Enrollment> out;
    const auto project = currentProject();
    const QDate entry = m_entryDate->date().value_or(QDate());
    for (const MemberEntryForm* m : m_members)
        out.push_back(m->enrollment(project ? project->uuid : QString(), entry));
    return out;
}

void EnrollDialog::recheck()
{
    QualityFindings findings;
    const auto project = currentProject();
    if (!project) {
        m_ok->setEnabled(false);
        m_findings->setFindings({});
        return;
    }
    if (!m_entryDate->hasValidText())
        findings.append(refusedFinding(QStringLiteral("3.10"), QStringLiteral("entryDate"),
                                       tr("The project start date is not a date; type it as MM/DD/YYYY.")));
    const std::vector<Enrollment> members = enrollments();
    QList<household::Member> household;
    for (int i = 0; i < m_members.size(); ++i) {
        const MemberEntryForm* form = m_members[i];
        const QString who = clientName(form->client());
        QualityFindings own;
        if (!form->relationship())
            own.append(refusedFinding(QStringLiteral("3.15"), QStringLiteral("relationshipToHoH"),
                                      tr("Choose the relationship to the head of household.")));
        for (const QString& field : form->problems())
            own.append(refusedFinding({}, {}, tr("%1 cannot be read; correct or clear it.").arg(field)));
        own += quality::checkEnrollment(members[size_t(i)], *project, form->client(), m_today);
        findings += findingsAbout(who, own);
        household.append({members[size_t(i)], form->client().dob});
    }
    findings += household::check(household, m_today);
    m_findings->setFindings(findings);
    m_ok->setEnabled(!m_findings->hasRefusal());
    // The "new head" note has done its job once everyone's relationship is chosen again.
    if (std::all_of(m_members.cbegin(), m_members.cend(), [](const MemberEntryForm* m) { return m->relationship(); }))
        m_householdMessage->setVisible(false);
}

void EnrollDialog::accept()
{
    recheck();
    const auto project = currentProject();
    if (!project || m_findings->hasRefusal())
        return;
    auto enrolled = EnrollmentRecords(m_vault).enrollHousehold(project->uuid, enrollments());
    if (!enrolled) {
        showError(m_error, enrolled.message());
        return;
    }
    m_enrolled = std::move(enrolled.value());
    QDialog::accept();
}

} // namespace hearth::ui
