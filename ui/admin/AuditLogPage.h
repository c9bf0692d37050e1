#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class AuditLogModel;

/// @brief The audit log with filters, and a check that its hash chain is intact. Read again, with the
/// filters chosen, each time the page is shown: what happened elsewhere meanwhile is there without Apply.
class AuditLogPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditLogPage(Vault& vault, QWidget* parent = nullptr);
    AuditLogModel* model() const { return m_model; }

public Q_SLOTS:
    void apply();
    void verify();

protected:
    void showEvent(QShowEvent* event) override;

private:
    /// The users and actions the log holds, keeping the ones chosen.
    void loadFilterChoices();

    Vault& m_vault;
    AuditLogModel* m_model;
    QComboBox* m_user;
    QComboBox* m_action;
    QLineEdit* m_record;
    QCheckBox* m_useFrom;
    QDateEdit* m_from;
    QCheckBox* m_useTo;
    QDateEdit* m_to;
    QLabel* m_result;
    QLabel* m_error;
};

} // namespace hearth::ui
