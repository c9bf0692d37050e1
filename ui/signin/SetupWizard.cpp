#include "ui/signin/SetupWizard.h"

#include "ui/admin/AdminPage.h"
#include "ui/admin/AgencyPage.h"
#include "ui/signin/RecoveryKeyPage.h"

namespace hearth::ui {

SetupWizard::SetupWizard(Vault& vault, QWidget* parent)
    : QWizard(parent)
{
    setWindowTitle(tr("Set up Hearth"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(AgencyPageId, new AgencyPage);
    setPage(AdminPageId, new AdminPage);
    setPage(RecoveryPageId, new RecoveryKeyPage(vault));
    setStartId(AgencyPageId);
    // The password page grows as rule feedback appears; size for it up front, in font units for high DPI.
    const QFontMetrics metrics(font());
    setMinimumSize(metrics.averageCharWidth() * 95, metrics.height() * 34);
}

} // namespace hearth::ui
