#pragma once

#include "core/intake/Enrollment.h"
#include "core/intake/ServiceRecord.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class HudDateEdit;

/// @brief Records a service other than a bed night (case management, meal, shower, ...) for one
/// enrollment through ServiceRecords::add. Stays open with the reason when the service is refused.
class ServiceDialog : public QDialog
{
    Q_OBJECT
public:
    ServiceDialog(Vault& vault, const Enrollment& enrollment, QWidget* parent = nullptr);

    /// The record saved, once the dialog was accepted.
    const ServiceRecord& saved() const { return m_saved; }

public Q_SLOTS:
    void accept() override;

private:
    Vault& m_vault;
    Enrollment m_enrollment;
    HudDateEdit* m_date;
    QComboBox* m_type;
    QPlainTextEdit* m_notes;
    QLabel* m_error;
    ServiceRecord m_saved;
};

} // namespace hearth::ui
