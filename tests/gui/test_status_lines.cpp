// Status lines (issue 16, point 15): good news is shown as good news, never in the error style.
#include "tests/gui/GuiTestSupport.h"
#include "ui/admin/AuditLogPage.h"
#include "ui/admin/SettingsPage.h"
#include "ui/widgets/UiHelpers.h"

#include <QLabel>
#include <QPushButton>

using namespace hearth;
using namespace hearth::test;

namespace {

const QColor kErrorRed(0xb0, 0x00, 0x20);

QColor textColourOf(const QLabel& label)
{
    return label.palette().color(QPalette::WindowText);
}

} // namespace

TEST_CASE("gui: good news on a status line is not styled as an error")
{
    GuiFixture f;
    f.createStore();

    SECTION("settings saved")
    {
        ui::SettingsPage page(f.vault);
        page.show();
        child<QPushButton>(page, "saveSettings")->click();
        const auto* status = child<QLabel>(page, "settingsStatus");
        REQUIRE(status->text() == QStringLiteral("Settings saved."));
        CHECK(status->isVisible());
        CHECK(ui::toneOf(*status) == ui::Tone::Good);
        CHECK(textColourOf(*status) != kErrorRed);
        CHECK_FALSE(child<QLabel>(page, "settingsError")->isVisible());
    }
    SECTION("the audit chain is intact; a failure to read it is an error")
    {
        ui::AuditLogPage page(f.vault);
        page.show();
        child<QPushButton>(page, "verifyChain")->click();
        const auto* result = child<QLabel>(page, "verifyResult");
        REQUIRE(result->text().startsWith(QStringLiteral("The audit chain is intact")));
        CHECK(ui::toneOf(*result) == ui::Tone::Good);
        CHECK(textColourOf(*result) != kErrorRed);

        f.vault.lock(); // nothing can be read now
        child<QPushButton>(page, "verifyChain")->click();
        CHECK_FALSE(result->text().startsWith(QStringLiteral("The audit chain is intact")));
        CHECK(ui::toneOf(*result) == ui::Tone::Bad);
        CHECK(textColourOf(*result) == kErrorRed);
    }
}
