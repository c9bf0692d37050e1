#include "ui/compliance/ComplianceBanner.h"

#include "core/services/ComplianceRecords.h"
#include "core/vault/Vault.h"
#include "ui/compliance/ComplianceText.h"
#include "ui/widgets/UiHelpers.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

ComplianceBanner::ComplianceBanner(Vault& vault, QWidget* parent)
    : QFrame(parent)
    , m_vault(vault)
    , m_text(new QLabel)
{
    setObjectName(QStringLiteral("complianceBanner"));
    setFrameShape(QFrame::StyledPanel);
    // Scoped to the frame: its button keeps the platform look. Amber: a task due, not a client alert.
    setStyleSheet(QStringLiteral("#complianceBanner { background: #fff4d6; border: 2px solid #8a5a00; }"));
    m_text->setObjectName(QStringLiteral("complianceBannerText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    auto* title = new QLabel(tr("Workstation compliance needs attention"));
    title->setFont(scaledFont(1.1, true));
    auto* open = new QPushButton(tr("Open Compliance"));
    open->setObjectName(QStringLiteral("openComplianceButton"));
    auto* text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(m_text);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(text, 1);
    layout->addWidget(open, 0, Qt::AlignTop);
    connect(open, &QPushButton::clicked, this, &ComplianceBanner::openRequested);
    refresh();
}

QString ComplianceBanner::text() const
{
    return m_text->text();
}

void ComplianceBanner::refresh()
{
    const QDate today = m_vault.clock().today();
    const auto reminders = ComplianceRecords(m_vault).reminders(today);
    if (!reminders) {
        // The Compliance area shows the error; a banner that cannot say what is due stays out of the way.
        hide();
        return;
    }
    const compliance::ComplianceReminders& r = reminders.value();
    QStringList lines;
    if (r.overdueFindings > 0)
        lines << (r.overdueFindings == 1
                      ? tr("1 compliance finding is overdue: fix and resolve it.")
                      : tr("%1 compliance findings are overdue: fix and resolve them.").arg(r.overdueFindings));
    if (r.selfAuditDueSoon(today, 14))
        lines << tr("The quarterly self-audit is %1.").arg(compliance_text::dueWording(r.selfAuditDue, today));
    if (r.leadCopyDueSoon(today, 14))
        lines << tr("The yearly copy to the HMIS Lead is %1.").arg(compliance_text::dueWording(r.leadCopyDue, today));
    m_text->setText(lines.join(u'\n'));
    setVisible(!lines.isEmpty());
}

} // namespace hearth::ui
