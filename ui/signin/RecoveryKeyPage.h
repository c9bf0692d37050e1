#pragma once

#include <QWizardPage>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace hearth {
class RecoveryKey;
class Vault;
} // namespace hearth

namespace hearth::ui {

/// @brief Set-up page 3: shows the agency recovery key once, offers to print it, and creates the store on Finish.
class RecoveryKeyPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RecoveryKeyPage(Vault& vault, QWidget* parent = nullptr);
    ~RecoveryKeyPage() override;

    void initializePage() override;
    bool isComplete() const override;
    /// Creates the store; on failure shows the reason and stays on the page.
    bool validatePage() override;

    /// The key's last group, which the user retypes to show they copied it.
    QString lastGroup() const;

private:
    void print();

    Vault& m_vault;
    std::unique_ptr<RecoveryKey> m_key;
    QLabel* m_keyLabel;
    QCheckBox* m_stored;
    QLineEdit* m_retype;
    QLabel* m_error;
};

} // namespace hearth::ui
