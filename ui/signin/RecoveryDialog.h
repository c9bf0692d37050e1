#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class PasswordFeedback;

/// @brief Gives an Enterprise Manager a new password using the agency recovery key.
class RecoveryDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RecoveryDialog(Vault& vault, QWidget* parent = nullptr);
    QString login() const;
    void accept() override;

private:
    void recheck();

    Vault& m_vault;
    QLineEdit* m_key;
    QLineEdit* m_login;
    QLineEdit* m_password;
    QLineEdit* m_confirm;
    PasswordFeedback* m_feedback;
    QLabel* m_error;
    QPushButton* m_ok;
};

} // namespace hearth::ui
