#include "ClientAccessBlockedPanel.h"

#include "UiHelpers.h"
#include "session/Vault.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

ClientAccessBlockedPanel::ClientAccessBlockedPanel(Vault& vault, QWidget* parent)
    : QFrame(parent)
    , m_vault(vault)
    , m_reason(new QLabel)
    , m_open(new QPushButton(tr("Open Compliance")))
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
    auto* advice = new QLabel(vault.can(Permission::AuditWorkstation)
                                  ? tr("Fix the problem, then resolve the finding under Compliance.")
                                  : tr("Ask your agency's security officer or administrator to fix it."));
    advice->setWordWrap(true);
    m_open->setObjectName(QStringLiteral("blockedOpenComplianceButton"));
    m_open->setVisible(vault.can(Permission::AuditWorkstation));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_reason);
    layout->addWidget(advice);
    layout->addWidget(m_open, 0, Qt::AlignLeft);
    connect(m_open, &QPushButton::clicked, this, &ClientAccessBlockedPanel::openComplianceRequested);
    refresh();
}

QString ClientAccessBlockedPanel::refresh()
{
    // The Vault's answer is the one its permission checks apply.
    const QString reason = m_vault.clientAccessBlock();
    m_reason->setText(reason);
    setVisible(!reason.isEmpty());
    return reason;
}

QString ClientAccessBlockedPanel::reason() const
{
    return m_reason->text();
}

} // namespace hearth::ui
