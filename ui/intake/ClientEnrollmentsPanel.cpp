#include "ui/intake/ClientEnrollmentsPanel.h"

#include "core/common/DisplayDates.h"
#include "core/hud/HudCatalog.h"
#include "core/hud/HudCodes.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "core/services/ProjectRecords.h"
#include "core/services/ServiceRecords.h"
#include "core/vault/Vault.h"
#include "ui/consent/ConsentBadges.h"
#include "ui/consent/NoSharingAlertWatch.h"
#include "ui/intake/ClientPickerDialog.h"
#include "ui/intake/EnrollDialog.h"
#include "ui/intake/ExitDialog.h"
#include "ui/intake/LocalServices.h"
#include "ui/intake/ReopenDialog.h"
#include "ui/intake/ServiceDialog.h"
#include "ui/widgets/UiHelpers.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace hearth::ui {

namespace {

QTableWidget* makeTable(const QString& objectName, const QStringList& headers)
{
    auto* table = new QTableWidget(0, int(headers.size()));
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
    return table;
}

/// A check-in that cannot be read counts as done: offering a second bed night is the worse mistake.
bool isCheckedIn(Vault& vault, const QString& enrollmentUuid, const QDate& night)
{
    const auto checked = ServiceRecords(vault).checkedIn(enrollmentUuid, night);
    return !checked || checked.value();
}

QTableWidgetItem* plainCell(const QString& text)
{
    return new QTableWidgetItem(text);
}

/// Runs a dialog made with this page as parent; false when it was cancelled or the page went away
/// (a lock during exec() deletes the page and the dialog with it).
template<typename Dialog>
bool runDialog(QPointer<Dialog> dialog)
{
    const bool accepted = dialog->exec() == QDialog::Accepted && dialog;
    delete dialog;
    return accepted;
}

} // namespace

ClientEnrollmentsPanel::ClientEnrollmentsPanel(Vault& vault, const ClientProfile& client, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_client(client)
    , m_table(makeTable(QStringLiteral("enrollmentTable"),
                        {tr("Project"), tr("Start"), tr("Exit"), tr("Relationship"), tr("Household")}))
    , m_services(makeTable(QStringLiteral("serviceTable"), {tr("Date"), tr("Service"), tr("Notes")}))
    , m_enrollButton(new QPushButton(tr("E&nroll…")))
    , m_checkInButton(new QPushButton(tr("Check in &tonight")))
    , m_serviceButton(new QPushButton(tr("Add ser&vice…")))
    , m_exitButton(new QPushButton(tr("E&xit…")))
    , m_reopenButton(new QPushButton(tr("&Reopen…")))
    , m_message(new QLabel)
    , m_error(makeErrorLabel(QStringLiteral("enrollmentsError")))
{
    m_enrollButton->setObjectName(QStringLiteral("enrollClientButton"));
    m_checkInButton->setObjectName(QStringLiteral("checkInButton"));
    m_serviceButton->setObjectName(QStringLiteral("newServiceButton"));
    m_exitButton->setObjectName(QStringLiteral("exitEnrollmentButton"));
    m_reopenButton->setObjectName(QStringLiteral("reopenEnrollmentButton"));
    m_message->setObjectName(QStringLiteral("checkInMessage"));
    m_message->setWordWrap(true);
    m_enrollButton->setToolTip(tr("Enroll the client, and household members, into a project."));
    m_serviceButton->setToolTip(tr("Record a service (case management, meal, shower…) for the selected enrollment."));
    m_exitButton->setToolTip(tr("Exit the selected enrollment (and household members leaving with the client)."));
    m_reopenButton->setToolTip(tr("Reopen the selected exited enrollment; the exit data is kept."));
    m_enrollButton->setEnabled(vault.can(Permission::EditClients));

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_enrollButton, m_checkInButton, m_serviceButton, m_exitButton, m_reopenButton})
        buttons->addWidget(b);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_error);
    layout->addWidget(new QLabel(tr("Services of the selected enrollment:")));
    layout->addWidget(m_services, 1);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ClientEnrollmentsPanel::selectionChanged);
    connect(m_enrollButton, &QPushButton::clicked, this, &ClientEnrollmentsPanel::enroll);
    connect(m_checkInButton, &QPushButton::clicked, this, &ClientEnrollmentsPanel::checkInTonight);
    connect(m_serviceButton, &QPushButton::clicked, this, &ClientEnrollmentsPanel::addService);
    connect(m_exitButton, &QPushButton::clicked, this, &ClientEnrollmentsPanel::exitSelected);
    connect(m_reopenButton, &QPushButton::clicked, this, &ClientEnrollmentsPanel::reopenSelected);
    // A page left open across midnight offers the new night's check-in without a reload.
    auto* midnight = new QTimer(this);
    midnight->setInterval(60 * 1000);
    connect(midnight, &QTimer::timeout, this, &ClientEnrollmentsPanel::updateButtons);
    midnight->start();
    reload();
}

QDate ClientEnrollmentsPanel::today() const
{
    return m_vault.clock().today();
}

void ClientEnrollmentsPanel::reload()
{
    const QString selected = selectedEnrollment() ? selectedEnrollment()->uuid : QString();
    m_enrollments.clear();
    m_projects.clear();
    m_names.clear();
    QString problem;
    if (auto projects = ProjectRecords(m_vault).list()) {
        for (const Project& p : *projects)
            m_projects.insert(p.uuid, p);
    } else {
        problem = projects.message();
    }
    if (auto clients = ClientRecords(m_vault).list()) {
        for (const ClientProfile& c : *clients)
            m_names.insert(c.uuid, clientName(c));
    }
    if (auto enrollments = EnrollmentRecords(m_vault).forClient(m_client.uuid)) {
        m_enrollments = std::move(enrollments.value());
    } else {
        problem = enrollments.message();
    }
    // Active first, then the most recent start.
    std::stable_sort(m_enrollments.begin(), m_enrollments.end(), [](const Enrollment& a, const Enrollment& b) {
        if (a.isActive() != b.isActive())
            return a.isActive();
        return a.entryDate > b.entryDate;
    });
    showError(m_error, problem);

    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_enrollments.size()));
    const HudCatalog& catalog = HudCatalog::instance();
    for (int row = 0; row < int(m_enrollments.size()); ++row) {
        const Enrollment& e = m_enrollments.at(size_t(row));
        m_table->setItem(row, 0, plainCell(m_projects.value(e.projectUuid).name));
        m_table->setItem(row, 1, plainCell(displayDate(e.entryDate)));
        m_table->setItem(row, 2, plainCell(e.exitDate ? displayDate(*e.exitDate) : tr("active")));
        m_table->setItem(row, 3, plainCell(catalog.label(hud::list::RelationshipToHoH, e.relationshipToHoH)));
        m_table->setItem(row, 4, plainCell(householdText(e)));
    }
    m_table->resizeColumnsToContents();
    if (selected.isEmpty() || !selectEnrollment(selected)) {
        if (!m_enrollments.empty())
            m_table->selectRow(0);
    }
    selectionChanged();
}

QString ClientEnrollmentsPanel::householdText(const Enrollment& enrollment) const
{
    auto household = EnrollmentRecords(m_vault).household(enrollment.householdId);
    if (!household || household->size() <= 1)
        return tr("alone");
    QStringList uuids;
    for (const Enrollment& member : *household)
        uuids << member.clientUuid;
    // Each member carries their own consent: one household can mix No Sharing and sharing clients.
    ConsentRecords consent(m_vault);
    auto statuses = consent.statuses(uuids);
    const int warningDays = consent.settings().warningDays;
    QStringList others;
    for (const Enrollment& member : *household) {
        if (member.uuid == enrollment.uuid)
            continue;
        QString name = m_names.value(member.clientUuid, tr("member"));
        const QList<ConsentBadge> badges = consentBadges(statuses ? statuses.value() : QHash<QString, ConsentStatus>(),
                                                         member.clientUuid, today(), warningDays);
        if (badgeLevel(badges) > ConsentBadge::Level::Plain)
            name += QStringLiteral(" [%1]").arg(badgeShortText(badges));
        if (member.exitDate) // who is still here tonight is what the desk needs
            name += u' ' + tr("(exited %1)").arg(displayDate(*member.exitDate));
        others << name;
    }
    return tr("%n people, with %1", "", int(household->size())).arg(others.join(QStringLiteral(", ")));
}

std::optional<Enrollment> ClientEnrollmentsPanel::selectedEnrollment() const
{
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    if (items.isEmpty())
        return std::nullopt;
    const int row = items.constFirst()->row();
    if (row < 0 || row >= int(m_enrollments.size()))
        return std::nullopt;
    return m_enrollments.at(size_t(row));
}

bool ClientEnrollmentsPanel::selectEnrollment(const QString& uuid)
{
    for (int row = 0; row < int(m_enrollments.size()); ++row) {
        if (m_enrollments.at(size_t(row)).uuid == uuid) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

void ClientEnrollmentsPanel::selectionChanged()
{
    updateButtons();
    showServices();
}

void ClientEnrollmentsPanel::updateButtons()
{
    const auto e = selectedEnrollment();
    const bool canEdit = m_vault.can(Permission::EditClients);
    m_serviceButton->setEnabled(canEdit && e.has_value());
    m_exitButton->setEnabled(canEdit && e && e->isActive());
    m_reopenButton->setEnabled(canEdit && e && !e->isActive());

    QString whyNot;
    if (!e)
        whyNot = tr("Select an enrollment first.");
    else if (!e->isActive())
        whyNot = tr("This enrollment has ended.");
    else if (!m_projects.value(e->projectUuid).tracksBedNights)
        whyNot = tr("%1 does not track bed nights; check-in is for night-by-night shelters.")
                     .arg(m_projects.value(e->projectUuid).name);
    else if (e->entryDate > today())
        whyNot = tr("The enrollment starts after tonight.");
    else if (isCheckedIn(m_vault, e->uuid, today()))
        whyNot = tr("Already checked in for tonight.");
    m_checkInButton->setEnabled(canEdit && whyNot.isEmpty());
    m_checkInButton->setToolTip(
        whyNot.isEmpty() ? tr("Record tonight's bed night (%1) in one click.").arg(displayDate(today())) : whyNot);
}

void ClientEnrollmentsPanel::showServices()
{
    m_services->setRowCount(0);
    const auto e = selectedEnrollment();
    if (!e)
        return;
    auto services = ServiceRecords(m_vault).forEnrollment(e->uuid);
    if (!services) {
        showError(m_error, services.message());
        return;
    }
    std::vector<ServiceRecord> list = std::move(services.value());
    std::stable_sort(list.begin(), list.end(),
                     [](const ServiceRecord& a, const ServiceRecord& b) { return a.dateProvided > b.dateProvided; });
    m_services->setRowCount(int(list.size()));
    for (int row = 0; row < int(list.size()); ++row) {
        const ServiceRecord& s = list.at(size_t(row));
        QString type;
        if (s.isBedNight())
            type = tr("Bed night");
        else if (s.recordType == kLocalServiceRecordType)
            type = localServiceLabel(s.typeProvided);
        else
            type = HudCatalog::instance().label(hud::list::RecordType, s.recordType);
        m_services->setItem(row, 0, plainCell(displayDate(s.dateProvided)));
        m_services->setItem(row, 1, plainCell(type));
        m_services->setItem(row, 2, plainCell(s.notes));
    }
    m_services->resizeColumnsToContents();
}

void ClientEnrollmentsPanel::enroll()
{
    const NoSharingAlertWatch alerts(m_vault);
    QPointer<EnrollDialog> dialog = new EnrollDialog(m_vault, m_client, this);
    QString enrolled;
    const bool accepted = dialog->exec() == QDialog::Accepted && dialog;
    if (accepted) {
        for (const Enrollment& e : dialog->enrolled()) {
            if (e.clientUuid == m_client.uuid)
                enrolled = e.uuid;
        }
    }
    delete dialog;
    if (!accepted)
        return;
    reload();
    selectEnrollment(enrolled);
    Q_EMIT changed();
    alerts.warnAboutNew(this); // last: a lock while it shows deletes this panel
}

void ClientEnrollmentsPanel::checkInTonight()
{
    const auto e = selectedEnrollment();
    if (!e)
        return;
    const QDate night = today();
    QStringList uuids {e->uuid};
    QStringList names {clientName(m_client)};
    QStringList others;
    QStringList otherNames;
    if (auto household = EnrollmentRecords(m_vault).household(e->householdId)) {
        for (const Enrollment& member : *household) {
            if (member.uuid == e->uuid || !member.isActive() || member.entryDate > night)
                continue;
            if (isCheckedIn(m_vault, member.uuid, night))
                continue;
            others << member.uuid;
            otherNames << m_names.value(member.clientUuid, tr("household member"));
        }
    }
    if (!others.isEmpty()) {
        QPointer<QMessageBox> box
            = new QMessageBox(QMessageBox::Question, tr("Check in household"),
                              tr("Also check in %1 for tonight?").arg(otherNames.join(QStringLiteral(", "))),
                              QMessageBox::NoButton, this);
        QPushButton* all = box->addButton(tr("Check in &everyone"), QMessageBox::YesRole);
        all->setObjectName(QStringLiteral("checkInEveryoneButton"));
        QPushButton* one = box->addButton(tr("Only %1").arg(clientName(m_client)), QMessageBox::NoRole);
        one->setObjectName(QStringLiteral("checkInOnlyButton"));
        box->addButton(QMessageBox::Cancel)->setObjectName(QStringLiteral("checkInCancelButton"));
        box->setDefaultButton(all);
        box->exec();
        if (!box)
            return; // locked meanwhile: this panel is gone too
        QAbstractButton* clicked = box->clickedButton();
        delete box;
        if (clicked == all) {
            uuids << others;
            names << otherNames;
        } else if (clicked != one) {
            return;
        }
    }
    auto saved = ServiceRecords(m_vault).checkIn(uuids, night);
    if (!saved) {
        showError(m_error, saved.message());
        return;
    }
    showError(m_error, {});
    showStatus(m_message,
               tr("Checked in for the night of %1: %2.").arg(displayDate(night), names.join(QStringLiteral(", "))),
               Tone::Good);
    updateButtons();
    showServices();
    Q_EMIT changed();
}

void ClientEnrollmentsPanel::addService()
{
    const auto e = selectedEnrollment();
    if (!e || !runDialog(QPointer<ServiceDialog>(new ServiceDialog(m_vault, *e, this))))
        return;
    showServices();
    Q_EMIT changed();
}

void ClientEnrollmentsPanel::exitSelected()
{
    const auto e = selectedEnrollment();
    if (!e || !runDialog(QPointer<ExitDialog>(new ExitDialog(m_vault, e->uuid, this))))
        return;
    reload();
    Q_EMIT changed();
}

void ClientEnrollmentsPanel::reopenSelected()
{
    const auto e = selectedEnrollment();
    const NoSharingAlertWatch alerts(m_vault);
    if (!e || !runDialog(QPointer<ReopenDialog>(new ReopenDialog(m_vault, e->uuid, this))))
        return;
    reload();
    Q_EMIT changed();
    alerts.warnAboutNew(this); // last: a lock while it shows deletes this panel
}

} // namespace hearth::ui
