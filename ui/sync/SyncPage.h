#pragma once

#include <QWidget>

namespace hearth {
class Vault;
}

namespace hearth::ui {

class ConflictsView;
class HeldBackView;
class SyncRegistrationForm;
class SyncSession;
class SyncStatusPanel;

/// @brief The Sync area: status and Sync now for everyone who enters data, the conflicts to resolve,
/// and for administrators the records kept after the server removed them and the form that connects
/// this workstation to the agency server.
class SyncPage : public QWidget
{
    Q_OBJECT
public:
    SyncPage(Vault& vault, SyncSession& session, QWidget* parent = nullptr);

    SyncStatusPanel* statusPanel() const { return m_status; }
    ConflictsView* conflictsView() const { return m_conflicts; }
    /// nullptr for users who may not decide about records kept after the server removed them.
    HeldBackView* heldBackView() const { return m_heldBack; }
    /// nullptr for users who may not register the workstation.
    SyncRegistrationForm* registrationForm() const { return m_registration; }

private:
    SyncStatusPanel* m_status;
    ConflictsView* m_conflicts;
    HeldBackView* m_heldBack = nullptr;
    SyncRegistrationForm* m_registration = nullptr;
};

} // namespace hearth::ui
