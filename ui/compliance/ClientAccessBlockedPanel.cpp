#include "ui/compliance/ClientAccessBlockedPanel.h"

#include "core/services/ComplianceRecords.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/Vault.h"
#include "ui/widgets/UiHelpers.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

ClientAccessBlockedPanel::ClientAccessBlockedPanel(Vault& vault, QWidget* parent)
    : QFrame(parent)
    , m_vault(vault)
    , m_reason(new QLabel)
    , m_advice(new QLabel)
    , m_open(new QPushButton(tr("Open Compliance")))
    , m_syncNow(new QPushButton(tr("Sync now")))
    , m_unlock(new QPushButton(tr("Unlock this workstation")))
    , m_error(makeErrorLabel(QStringLiteral("clientAccessBlockedError")))
{
    setObjectName(QStringLiteral("clientAccessBlockedPanel"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#clientAccessBlockedPanel { background: #fde7ea; border: 2px solid #b00020; }"));
    auto* title = new QLabel(tr("Client records are closed on this workstation"));
    title->setFont(scaledFont(1.2, true));
    m_reason->setObjectName(QStringLiteral("clientAccessBlockedReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_advice->setObjectName(QStringLiteral("clientAccessBlockedAdvice"));
    m_advice->setWordWrap(true);
    m_open->setObjectName(QStringLiteral("blockedOpenComplianceButton"));
    m_syncNow->setObjectName(QStringLiteral("blockedSyncNowButton"));
    m_unlock->setObjectName(QStringLiteral("blockedUnlockLeaseButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_syncNow);
    buttons->addWidget(m_unlock);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_reason);
    layout->addWidget(m_advice);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    connect(m_open, &QPushButton::clicked, this, &ClientAccessBlockedPanel::openComplianceRequested);
    connect(m_syncNow, &QPushButton::clicked, this, &ClientAccessBlockedPanel::syncNowRequested);
    connect(m_unlock, &QPushButton::clicked, this, &ClientAccessBlockedPanel::unlockLease);
    refresh();
}

QString ClientAccessBlockedPanel::refresh()
{
    // The Vault's answer is the one its permission checks apply.
    const QString reason = m_vault.clientAccessBlock();
    m_reason->setText(reason);
    setVisible(!reason.isEmpty());

    // The lease is the one block that a sync (or an administrator) lifts from here.
    const auto lease = reason.isEmpty() ? Result<SyncLease>(SyncLease {}) : SyncState(m_vault).lease();
    const bool leaseBlock = lease && lease.value().applies && lease.value().expired;
    const bool admin = m_vault.can(Permission::EditAgencySettings);
    // Open Compliance only when the compliance policy is (also) what closes them.
    m_open->setVisible(m_vault.can(Permission::AuditWorkstation)
                       && (!leaseBlock || !ComplianceRecords(m_vault).clientAccessBlock().isEmpty()));
    m_syncNow->setVisible(leaseBlock);
    m_unlock->setVisible(leaseBlock && admin);
    if (leaseBlock) {
        const int days = lease.value().leaseDays;
        m_advice->setText(admin ? tr("Connect this computer to the network and press Sync now: client records open "
                                     "again as soon as the server answers. If the server cannot be reached, you can "
                                     "unlock this workstation for another %1.")
                                      .arg(days == 1 ? tr("day") : tr("%1 days").arg(days))
                                : tr("Connect this computer to the network and press Sync now: client records open "
                                     "again as soon as the server answers. If it cannot be reached, ask an "
                                     "administrator to unlock this workstation."));
    } else {
        m_advice->setText(m_vault.can(Permission::AuditWorkstation)
                              ? tr("Fix the problem, then resolve the finding under Compliance.")
                              : tr("Ask your agency's security officer or administrator to fix it."));
    }
    if (reason.isEmpty())
        showError(m_error, {});
    return reason;
}

QString ClientAccessBlockedPanel::reason() const
{
    return m_reason->text();
}

void ClientAccessBlockedPanel::unlockLease()
{
    if (const Status unlocked = SyncState(m_vault).unlockLease(); !unlocked) {
        showError(m_error, unlocked.message());
        return;
    }
    showError(m_error, {});
    Q_EMIT leaseUnlocked();
    refresh();
}

} // namespace hearth::ui
