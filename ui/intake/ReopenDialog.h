#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief Reopens an exited enrollment. The exit date is cleared and the exit data kept; users with
/// the Clear Exit Data permission may also remove the exit data, after a confirmation that says what goes.
class ReopenDialog : public QDialog
{
    Q_OBJECT
public:
    ReopenDialog(Vault& vault, const QString& enrollmentUuid, QWidget* parent = nullptr);

public Q_SLOTS:
    void accept() override;

private:
    bool confirmClearing();

    Vault& m_vault;
    QString m_uuid;
    QCheckBox* m_clear = nullptr;
    QLabel* m_error;
};

} // namespace hearth::ui
