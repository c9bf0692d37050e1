#include "ui/compliance/ComplianceSettingsPanel.h"

#include "core/services/ComplianceRecords.h"
#include "core/vault/Vault.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace hearth::ui {

ComplianceSettingsPanel::ComplianceSettingsPanel(Vault& vault, QWidget* parent)
    : QGroupBox(tr("Workstation compliance"), parent)
    , m_vault(vault)
    , m_block(
          new QCheckBox(tr("&Close client records on this workstation while a critical compliance finding is open")))
{
    setObjectName(QStringLiteral("complianceSettings"));
    m_block->setObjectName(QStringLiteral("complianceBlockClients"));
    auto* explanation = new QLabel(
        tr("A critical finding is a failed critical item of the checklist, such as no running antivirus, no "
           "firewall or an unencrypted disk. While one is open, nobody can search or open client records here; "
           "the Clients area says why. The security officer fixes the problem and resolves the finding under "
           "Compliance, and the records open again."));
    explanation->setObjectName(QStringLiteral("complianceBlockExplanation"));
    explanation->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_block);
    layout->addWidget(explanation);
    load();
}

compliance::ComplianceSettings ComplianceSettingsPanel::settings() const
{
    compliance::ComplianceSettings s;
    s.blockClientsOnCriticalFailure = m_block->isChecked();
    return s;
}

void ComplianceSettingsPanel::load()
{
    m_block->setChecked(ComplianceRecords(m_vault).settings().blockClientsOnCriticalFailure);
}

Status ComplianceSettingsPanel::save()
{
    ComplianceRecords records(m_vault);
    // Unchanged settings are not written: no audit entry for a save that changed nothing here.
    if (records.settings() == settings())
        return {};
    return records.setSettings(settings());
}

} // namespace hearth::ui
