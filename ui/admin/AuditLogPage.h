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

/// @brief The audit log with filters, and a check that its hash chain is intact.
class AuditLogPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditLogPage(Vault& vault, QWidget* parent = nullptr);
    AuditLogModel* model() const { return m_model; }

public Q_SLOTS:
    void apply();
    void verify();

private:
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
