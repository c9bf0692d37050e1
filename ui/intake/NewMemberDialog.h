#pragma once

#include "core/intake/ClientProfile.h"
#include "core/services/NewClientIntake.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace hearth::ui {

class HudDateEdit;

/// @brief A new household member created inside the enroll dialog, in the policy's order: their own
/// release first (collected by the caller into @p intake), then name and date of birth, then the search
/// before create. A likely duplicate is shown: the person already here is used (the release is recorded
/// for them), or a new client is added anyway. The rest of the profile is completed on their page.
class NewMemberDialog : public QDialog
{
    Q_OBJECT
public:
    NewMemberDialog(NewClientIntake& intake, QDate today, QWidget* parent = nullptr);

    /// The client added or chosen, once accepted.
    const std::optional<ClientProfile>& member() const { return m_member; }

public Q_SLOTS:
    void accept() override;

private:
    void useExisting();
    ClientProfile profile() const;

    NewClientIntake& m_intake;
    QDate m_today;
    std::optional<ClientProfile> m_member;
    std::vector<ClientMatch> m_duplicates;
    QLineEdit* m_first;
    QLineEdit* m_last;
    HudDateEdit* m_dob;
    QLabel* m_duplicatesMessage;
    QListWidget* m_duplicateList;
    QPushButton* m_useExisting;
    QPushButton* m_save;
    QLabel* m_error;
};

} // namespace hearth::ui
