#pragma once

#include <QWizardPage>

class QLineEdit;

namespace hearth::ui {

class PasswordFeedback;

/// @brief Set-up page 2: the first administrator (an Enterprise Manager) and their password.
class AdminPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit AdminPage(QWidget* parent = nullptr);
    bool isComplete() const override;

private:
    void recheck();

    QLineEdit* m_login;
    QLineEdit* m_name;
    QLineEdit* m_password;
    QLineEdit* m_confirm;
    PasswordFeedback* m_feedback;
};

} // namespace hearth::ui
