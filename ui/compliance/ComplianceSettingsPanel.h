#pragma once

#include "core/common/Result.h"
#include "core/compliance/ComplianceRun.h"

#include <QGroupBox>

class QCheckBox;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief The Workstation compliance group of the agency settings: whether client records close on
/// this workstation while a critical finding is open. Loaded and saved with the settings page.
class ComplianceSettingsPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit ComplianceSettingsPanel(Vault& vault, QWidget* parent = nullptr);

    /// The settings as the fields show them.
    compliance::ComplianceSettings settings() const;

public Q_SLOTS:
    void load();
    /// Saves through ComplianceRecords::setSettings; the refusal is returned for the page to show.
    Status save();

private:
    Vault& m_vault;
    QCheckBox* m_block;
};

} // namespace hearth::ui
