#pragma once

#include "core/common/Result.h"
#include "core/consent/ConsentRules.h"

#include <QGroupBox>

class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief The Consent group of the agency settings: how long a release lasts, how early expiry warnings
/// start, how many No Sharing clients one shelter may hold at once before the alert, and the partner
/// agencies Limited Sharing offers. Loaded and saved with the settings page.
class ConsentSettingsPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit ConsentSettingsPanel(Vault& vault, QWidget* parent = nullptr);

    /// The settings as the fields show them.
    ConsentSettings settings() const;

public Q_SLOTS:
    void load();
    /// Saves through ConsentRecords::setSettings; the refusal is returned for the page to show.
    Status save();
    void addAgency();
    void removeAgency();

private:
    Vault& m_vault;
    QSpinBox* m_expiryMonths;
    QSpinBox* m_warningDays;
    QSpinBox* m_noSharingLimit;
    QListWidget* m_agencies;
    QLineEdit* m_newAgency;
    QPushButton* m_addButton;
    QPushButton* m_removeButton;
};

} // namespace hearth::ui
