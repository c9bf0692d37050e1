#pragma once

#include "core/intake/Household.h"
#include "core/services/EnrollmentRecords.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;

namespace hearth::ui {

class HudCodeCombo;

/// @brief Chooses a new head of household among the active members and the former head's
/// relationship to them. Saves nothing: the exit that needs the change makes it in its own transaction
/// (EnrollmentRecords::exit), so cancelling the exit leaves the household as it was. An implausible
/// relationship is refused; a child heading a household where an adult stays needs confirming.
class ChangeHeadDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p members: the household with each member's date of birth; @p names: display names by enrollment
    /// uuid; @p preferred: the member offered first (someone who stays); @p leaving: who the exit takes.
    ChangeHeadDialog(const QList<household::Member>& members, const QHash<QString, QString>& names,
                     const QString& preferred, const QStringList& leaving, QDate today, QWidget* parent = nullptr);

    /// The change chosen, once accepted.
    const std::optional<HeadChange>& choice() const { return m_choice; }

public Q_SLOTS:
    void accept() override;

private:
    QList<household::Member> m_members;
    QStringList m_leaving;
    QDate m_today;
    std::optional<HeadChange> m_choice;
    QComboBox* m_newHead;
    HudCodeCombo* m_formerRelationship;
    QLabel* m_error;
};

} // namespace hearth::ui
