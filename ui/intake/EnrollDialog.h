#pragma once

#include "core/intake/ClientProfile.h"
#include "core/intake/Enrollment.h"
#include "core/intake/Project.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class FindingsView;
class HudDateEdit;
class MemberEntryForm;

/// @brief Enrolls a client, and optionally household members, into a project (HUD 3.10, 3.15, 3.16,
/// 3.08 and the project type's entry elements) through EnrollmentRecords::enrollHousehold.
///
/// One tab per member. Data-quality findings update as the user types; refusals block Enroll.
/// Choosing "Self" for one member clears it from the member who had it, so there is never more
/// than one head.
class EnrollDialog : public QDialog
{
    Q_OBJECT
public:
    EnrollDialog(Vault& vault, const ClientProfile& client, QWidget* parent = nullptr);

    /// Adds @p client to the household (what "Add household member…" does after the picker).
    void addMember(const ClientProfile& client);
    QList<MemberEntryForm*> members() const { return m_members; }
    /// The enrollments saved, once the dialog was accepted.
    const std::vector<Enrollment>& enrolled() const { return m_enrolled; }

public Q_SLOTS:
    void accept() override;
    /// Opens the client picker and adds the chosen client.
    void chooseMember();
    /// A person not yet a client: their release first, then name and date of birth (NewMemberDialog),
    /// then they join the household like a picked client.
    void createMember();
    void removeCurrentMember();

private:
    std::optional<Project> currentProject() const;
    void projectOrDateChanged();
    void relationshipChanged(MemberEntryForm* member);
    /// Suggests the relationship of a member who just joined from their age and the head's.
    void suggestRelationship(MemberEntryForm* member);
    void recheck();
    std::vector<Enrollment> enrollments() const;

    Vault& m_vault;
    std::vector<Project> m_projects;
    QDate m_today;
    QComboBox* m_project;
    HudDateEdit* m_entryDate;
    QTabWidget* m_tabs;
    QPushButton* m_removeButton;
    QLabel* m_householdMessage;
    FindingsView* m_findings;
    QLabel* m_error;
    QPushButton* m_ok;
    QList<MemberEntryForm*> m_members;
    std::vector<Enrollment> m_enrolled;
};

} // namespace hearth::ui
