#pragma once

#include <QWizard>

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief First-run set-up: agency, first administrator, recovery key. Writes nothing until Finish.
class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        AgencyPageId,
        AdminPageId,
        RecoveryPageId
    };

    explicit SetupWizard(Vault& vault, QWidget* parent = nullptr);
};

} // namespace hearth::ui
