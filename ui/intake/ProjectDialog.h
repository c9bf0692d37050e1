#pragma once

#include "core/intake/Project.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class CodeChecklist;
class HudCodeCombo;
class HudDateEdit;

/// @brief Adds or edits one of the agency's projects (HUD 2.02, 2.03, 2.06) through ProjectRecords.
/// Refusals from the project rules or the store are shown in the dialog, which keeps what was typed.
class ProjectDialog : public QDialog
{
    Q_OBJECT
public:
    /// A new project when @p existing is empty; its CoC defaults to the agency's.
    ProjectDialog(Vault& vault, std::optional<Project> existing = std::nullopt, QWidget* parent = nullptr);

    /// The project as the form describes it (uuid and timestamps of the edited project kept).
    Project project() const;
    /// The project saved, once the dialog was accepted.
    const Project& saved() const { return m_saved; }

public Q_SLOTS:
    void accept() override;

private:
    void updateBedNights();
    void updateWarnings();

    Vault& m_vault;
    std::optional<Project> m_existing;
    QLineEdit* m_name;
    HudCodeCombo* m_type;
    QLineEdit* m_coc;
    CodeChecklist* m_funding;
    QCheckBox* m_bedNights;
    HudDateEdit* m_start;
    HudDateEdit* m_end;
    QLabel* m_warnings;
    QLabel* m_error;
    bool m_bedNightsChoice = false; ///< what the user chose before a night-by-night type locked it
    Project m_saved;
};

} // namespace hearth::ui
