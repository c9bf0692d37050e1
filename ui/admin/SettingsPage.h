#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class ComplianceSettingsPanel;
class ConsentSettingsPanel;

/// @brief Agency settings: auto-lock, password policy, sign-in lock-out, consent, workstation
/// compliance, data-key rotation.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    explicit SettingsPage(Vault& vault, QWidget* parent = nullptr);

public Q_SLOTS:
    void load();
    void save();

Q_SIGNALS:
    /// Emitted after a successful save (e.g. so the idle timer picks up a new auto-lock time).
    void settingsSaved();

private:
    void rotateKey();

    Vault& m_vault;
    QSpinBox* m_autoLock;
    QSpinBox* m_minLength;
    QSpinBox* m_maxLength;
    QSpinBox* m_minDigits;
    QLineEdit* m_hmisName;
    QLineEdit* m_vendorName;
    QSpinBox* m_expiryDays;
    QSpinBox* m_attempts;
    QSpinBox* m_lockoutMinutes;
    ConsentSettingsPanel* m_consent;
    ComplianceSettingsPanel* m_compliance;
    QLabel* m_status;
    QLabel* m_error;
};

} // namespace hearth::ui
