#pragma once

#include "core/intake/Enrollment.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class HudCodeCombo;

/// @brief Chooses a new head of household among the active members and the former head's
/// relationship to them, then calls EnrollmentRecords::changeHead.
class ChangeHeadDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p members: the household's enrollments; @p names: display names by enrollment uuid;
    /// @p preferred: the member offered first (someone who stays).
    ChangeHeadDialog(Vault& vault, const QList<Enrollment>& members, const QHash<QString, QString>& names,
                     const QString& preferred, QWidget* parent = nullptr);

public Q_SLOTS:
    void accept() override;

private:
    Vault& m_vault;
    QString m_householdId;
    QComboBox* m_newHead;
    HudCodeCombo* m_formerRelationship;
    QLabel* m_error;
};

} // namespace hearth::ui
