#include "ui/consent/ConsentPanel.h"

#include "core/common/DisplayDates.h"
#include "core/services/ConsentRecords.h"
#include "core/vault/AgencySettings.h"
#include "core/vault/Vault.h"
#include "ui/consent/ConsentBadges.h"
#include "ui/consent/ConsentDialog.h"
#include "ui/consent/ConsentPanelDialogs.h"
#include "ui/consent/NoSharingAlertWatch.h"
#include "ui/intake/ClientPickerDialog.h"
#include "ui/widgets/UiHelpers.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {

enum Column
{
    KindColumn,
    SignedColumn,
    ChoiceColumn,
    SharesColumn,
    CollectedColumn,
    ExpiresColumn,
    RevokedColumn,
    ColumnCount
};

QString categoryNames(ShareCategories categories)
{
    QStringList names;
    for (const ShareCategory c : {ShareCategory::IdentifyingProfile, ShareCategory::EnrollmentsAndServices,
                                  ShareCategory::HealthAndDisability, ShareCategory::DomesticViolence}) {
        if (categories.testFlag(c))
            names << shareCategoryName(c);
    }
    return names.join(QStringLiteral(", "));
}

/// What a release covers and with whom, for its row in the history.
QString sharesText(const ReleaseOfInformation& r)
{
    if (r.kind == ReleaseKind::CoordinatedEntry)
        return r.shares() ? ConsentPanel::tr("Coordinated Entry may use it for referrals")
                          : ConsentPanel::tr("Not used for Coordinated Entry referrals");
    QStringList parts;
    switch (r.choice) {
    case SharingChoice::FullSharing:
        parts << ConsentPanel::tr("Everything, with every HMIS partner agency");
        break;
    case SharingChoice::LimitedSharing:
        parts << ConsentPanel::tr("%1; with %2")
                     .arg(categoryNames(r.categories), r.partnerAgencies.join(QStringLiteral(", ")));
        break;
    case SharingChoice::Anonymous:
        parts << ConsentPanel::tr("Only a de-identified entry");
        break;
    case SharingChoice::NoSharing:
        parts << ConsentPanel::tr("Nothing: kept on this workstation only");
        break;
    }
    if (r.restricted)
        parts << ConsentPanel::tr("name restricted to %1").arg(r.enteringAgency);
    if (r.includePastRecords)
        parts << (*r.includePastRecords ? ConsentPanel::tr("past records included")
                                        : ConsentPanel::tr("past records stay here"));
    return parts.join(QStringLiteral("; "));
}

/// The standing as the large line at the top of the tab.
QString standingText(const ConsentStatus& status)
{
    const std::optional<ReleaseOfInformation>& current = status.current;
    switch (status.standing) {
    case ConsentStatus::Standing::NoneRecorded:
        return ConsentPanel::tr("No consent recorded");
    case ConsentStatus::Standing::NoSharing:
        return ConsentPanel::tr("No Sharing: kept on this workstation only");
    case ConsentStatus::Standing::Revoked:
        return current && current->revokedAt
            ? ConsentPanel::tr("Consent revoked on %1").arg(displayDate(current->revokedAt->toLocalTime().date()))
            : ConsentPanel::tr("Consent revoked");
    case ConsentStatus::Standing::Expired:
        return ConsentPanel::tr("%1 release expired on %2")
            .arg(current ? sharingChoiceName(current->choice) : QString(),
                 displayDate(status.expiresOn.value_or(QDate())))
            .trimmed();
    case ConsentStatus::Standing::Active:
        return ConsentPanel::tr("%1 until %2")
            .arg(current ? sharingChoiceName(current->choice) : ConsentPanel::tr("Sharing"),
                 displayDate(status.expiresOn.value_or(QDate())));
    }
    return {};
}

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

} // namespace

ConsentPanel::ConsentPanel(Vault& vault, const ClientProfile& client, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_client(client)
    , m_standing(new QLabel)
    , m_badges(new ConsentBadgeLabel)
    , m_allows(new QLabel)
    , m_coordinatedEntry(new QLabel)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_recordButton(new QPushButton(tr("Record &new release…")))
    , m_renewButton(new QPushButton(tr("Rene&w…")))
    , m_revokeButton(new QPushButton(tr("Re&voke…")))
    , m_cesButton(new QPushButton(tr("&Coordinated Entry release…")))
    , m_viewButton(new QPushButton(tr("View &signature / form")))
    , m_error(makeErrorLabel(QStringLiteral("consentError")))
{
    setObjectName(QStringLiteral("consentPanel"));
    m_standing->setObjectName(QStringLiteral("consentStanding"));
    m_badges->setObjectName(QStringLiteral("consentPanelBadges"));
    m_allows->setObjectName(QStringLiteral("consentAllows"));
    m_coordinatedEntry->setObjectName(QStringLiteral("consentCoordinatedEntry"));
    m_coordinatedEntry->setText(
        tr("No Coordinated Entry release in force: referrals through Coordinated Entry need one."));
    m_table->setObjectName(QStringLiteral("consentHistory"));
    m_recordButton->setObjectName(QStringLiteral("recordReleaseButton"));
    m_renewButton->setObjectName(QStringLiteral("renewReleaseButton"));
    m_revokeButton->setObjectName(QStringLiteral("revokeConsentButton"));
    m_cesButton->setObjectName(QStringLiteral("coordinatedEntryReleaseButton"));
    m_viewButton->setObjectName(QStringLiteral("viewConsentAttachmentsButton"));
    m_standing->setFont(scaledFont(1.5, true));
    for (QLabel* label : {m_standing, m_allows, m_coordinatedEntry}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
    }
    m_recordButton->setToolTip(tr("The client makes a new choice: a new signed release replaces the current one."));
    m_renewButton->setToolTip(tr("The client signs a new release before (or after) the current one expires."));
    m_revokeButton->setToolTip(
        tr("Stops all future sharing now and asks the central server to restrict what it holds."));
    m_cesButton->setToolTip(tr("The separate release for Coordinated Entry (CES) referrals."));

    m_table->setHorizontalHeaderLabels({tr("Release"), tr("Signed"), tr("Choice"), tr("What, with whom"),
                                        tr("Collected by"), tr("Expires"), tr("Revoked")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);

    auto* top = new QHBoxLayout;
    top->addWidget(m_standing, 1);
    top->addWidget(m_badges, 0, Qt::AlignTop);
    auto* allowsBox = new QGroupBox(tr("What this allows"));
    auto* allowsLayout = new QVBoxLayout(allowsBox);
    allowsLayout->addWidget(m_allows);
    allowsLayout->addWidget(m_coordinatedEntry);

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_recordButton, m_renewButton, m_revokeButton, m_cesButton, m_viewButton})
        buttons->addWidget(b);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(allowsBox);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addWidget(new QLabel(tr("Releases of information, newest first:")));
    layout->addWidget(m_table, 1);

    connect(m_recordButton, &QPushButton::clicked, this, &ConsentPanel::recordRelease);
    connect(m_renewButton, &QPushButton::clicked, this, &ConsentPanel::renewRelease);
    connect(m_revokeButton, &QPushButton::clicked, this, &ConsentPanel::revokeConsent);
    connect(m_cesButton, &QPushButton::clicked, this, &ConsentPanel::recordCoordinatedEntry);
    connect(m_viewButton, &QPushButton::clicked, this, &ConsentPanel::viewAttachments);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ConsentPanel::updateButtons);
    connect(m_table, &QTableWidget::itemActivated, this, &ConsentPanel::viewAttachments);
    reload();
}

void ConsentPanel::reload()
{
    const QDate today = m_vault.clock().today();
    ConsentRecords records(m_vault);
    m_warningDays = records.settings().warningDays;
    QString problem;
    m_status.reset();
    m_history.clear();
    if (auto status = records.status(m_client.uuid))
        m_status = std::move(status.value());
    else
        problem = status.message();
    if (auto history = records.history(m_client.uuid))
        m_history = std::move(history.value());
    else
        problem = history.message();
    showError(m_error, problem);

    if (m_status) {
        QString agency;
        if (auto a = m_vault.settings().agency())
            agency = a->name;
        m_standing->setText(standingText(*m_status));
        m_badges->setBadges(consentBadges(m_status, today, m_warningDays));
        QStringList lines;
        for (const QString& line : ConsentPolicy(agency).explain(*m_status, today))
            lines << QStringLiteral("• ") + line;
        m_allows->setText(lines.join(u'\n'));
        // explain() names a CES release in force; its absence matters too, for referrals.
        m_coordinatedEntry->setVisible(!m_status->coordinatedEntry);
    } else {
        m_standing->setText(tr("Consent could not be read"));
        m_badges->setBadges({});
        m_allows->setText(tr("• Nothing about this client leaves this workstation while their consent is unknown."));
        m_coordinatedEntry->hide();
    }

    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_history.size()));
    for (int row = 0; row < int(m_history.size()); ++row) {
        const ReleaseOfInformation& r = m_history.at(size_t(row));
        m_table->setItem(row, KindColumn,
                         cell(r.kind == ReleaseKind::CoordinatedEntry ? tr("Coordinated Entry") : tr("HMIS")));
        m_table->setItem(row, SignedColumn, cell(displayDate(r.signedOn)));
        // A CES release only agrees or declines (ConsentDialog records them as Full or No Sharing).
        const QString choice = r.kind == ReleaseKind::Hmis ? sharingChoiceName(r.choice)
            : r.shares()                                   ? tr("Agrees")
                                                           : tr("Declines");
        m_table->setItem(row, ChoiceColumn, cell(choice));
        m_table->setItem(row, SharesColumn, cell(sharesText(r)));
        m_table->setItem(row, CollectedColumn, cell(r.collectedByName.isEmpty() ? r.collectedBy : r.collectedByName));
        m_table->setItem(row, ExpiresColumn, cell(displayDate(r.expiresOn)));
        QString revoked;
        if (r.revokedAt) {
            revoked = displayDate(r.revokedAt->toLocalTime().date());
            if (!r.revocationNote.isEmpty())
                revoked += QStringLiteral(": ") + r.revocationNote;
        }
        m_table->setItem(row, RevokedColumn, cell(revoked));
    }
    m_table->resizeColumnsToContents();
    if (!m_history.empty())
        m_table->selectRow(0);
    updateButtons();
}

std::optional<ReleaseOfInformation> ConsentPanel::selectedRelease() const
{
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    if (items.isEmpty())
        return std::nullopt;
    const int row = items.constFirst()->row();
    if (row < 0 || row >= int(m_history.size()))
        return std::nullopt;
    return m_history.at(size_t(row));
}

void ConsentPanel::updateButtons()
{
    const bool canEdit = m_vault.can(Permission::EditClients);
    const QDate today = m_vault.clock().today();
    const bool expiring = m_status
        && (m_status->standing == ConsentStatus::Standing::Expired || m_status->expiresWithin(today, m_warningDays));
    const bool revocable = m_status
        && (m_status->standing == ConsentStatus::Standing::Active
            || m_status->standing == ConsentStatus::Standing::Expired);
    m_recordButton->setEnabled(canEdit);
    m_cesButton->setEnabled(canEdit);
    m_renewButton->setVisible(expiring);
    m_renewButton->setEnabled(canEdit && expiring);
    m_revokeButton->setEnabled(canEdit && revocable);
    m_revokeButton->setToolTip(revocable ? tr("Stops all future sharing now and asks the central server to restrict "
                                              "what it holds.")
                                         : tr("Nothing to revoke: the client does not share."));
    const auto selected = selectedRelease();
    const bool hasAttachments = selected && (selected->hasSignature || selected->hasScannedForm);
    // Core lets only users who see all participant data open signatures and forms.
    const bool mayView = m_vault.can(Permission::ViewAllClientData);
    m_viewButton->setEnabled(hasAttachments && mayView);
    m_viewButton->setToolTip(!mayView ? tr("Signatures and scanned forms are shown to program managers and up.")
                                 : hasAttachments
                                 ? tr("Show the signature and scanned form of the release selected below.")
                                 : tr("The selected release has no signature or scanned form."));
}

void ConsentPanel::runDialog(ReleaseKind kind)
{
    // A client enrolled in a shelter who moves to No Sharing can pass the shelter's limit.
    const NoSharingAlertWatch alerts(m_vault);
    // On the heap and guarded: an auto-lock during exec() deletes this panel and the dialog with it.
    QPointer<ConsentDialog> dialog = ConsentDialog::existingClient(m_vault, m_client.uuid, kind, this);
    const bool accepted = dialog->exec() == QDialog::Accepted && dialog;
    delete dialog;
    if (!accepted)
        return;
    reload();
    Q_EMIT consentChanged();
    alerts.warnAboutNew(this); // last: a lock while it shows deletes this panel
}

void ConsentPanel::recordRelease()
{
    runDialog(ReleaseKind::Hmis);
}

void ConsentPanel::renewRelease()
{
    runDialog(ReleaseKind::Hmis);
}

void ConsentPanel::recordCoordinatedEntry()
{
    runDialog(ReleaseKind::CoordinatedEntry);
}

void ConsentPanel::revokeConsent()
{
    QPointer<RevokeConsentDialog> dialog = new RevokeConsentDialog(clientName(m_client), this);
    const bool accepted = dialog->exec() == QDialog::Accepted && dialog;
    const QString note = accepted ? dialog->note() : QString();
    delete dialog;
    if (!accepted)
        return;
    const Status revoked = ConsentRecords(m_vault).revoke(m_client.uuid, note);
    if (!revoked) {
        showError(m_error, revoked.message());
        return;
    }
    reload();
    Q_EMIT consentChanged();
}

void ConsentPanel::viewAttachments()
{
    const auto release = selectedRelease();
    if (!release || !(release->hasSignature || release->hasScannedForm))
        return;
    auto attachments = ConsentRecords(m_vault).attachments(release->uuid);
    if (!attachments) {
        showError(m_error, attachments.message());
        return;
    }
    showError(m_error, {});
    QPointer<ConsentAttachmentsDialog> dialog
        = new ConsentAttachmentsDialog(m_vault, *release, std::move(attachments.value()), this);
    dialog->exec();
    delete dialog;
}

} // namespace hearth::ui
