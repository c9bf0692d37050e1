#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief The sign-in screen: user ID and password, with the Vault's message on failure.
class SignInWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SignInWidget(Vault& vault, QWidget* parent = nullptr);

    /// Clears the form and any error; focuses the first empty field.
    void reset();
    /// Shows a message from elsewhere (e.g. why the store could not be opened).
    void setError(const QString& message);

private:
    void attempt();
    void openRecovery();

    Vault& m_vault;
    QLineEdit* m_login;
    QLineEdit* m_password;
    QPushButton* m_signIn;
    QLabel* m_error;
};

} // namespace hearth::ui
