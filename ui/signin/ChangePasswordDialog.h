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

/// @brief Changes the signed-in user's password. When forced, the only way out other than success is signing out.
class ChangePasswordDialog : public QDialog
{
    Q_OBJECT
public:
    ChangePasswordDialog(Vault& vault, bool forced, QWidget* parent = nullptr);
    void accept() override;

private:
    void recheck();

    Vault& m_vault;
    QLineEdit* m_current;
    QLineEdit* m_new;
    QLineEdit* m_confirm;
    PasswordFeedback* m_feedback;
    QLabel* m_error;
    QPushButton* m_ok;
};

} // namespace hearth::ui
