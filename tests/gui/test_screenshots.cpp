// Hidden test: renders the main screens to PNG files for a visual check (not run by ctest).
//   HEARTH_SCREENSHOT_DIR=/tmp test_gui "[.screenshots]"
#include "core/services/ClientRecords.h"
#include "core/services/UserAdministration.h"
#include "tests/gui/GuiTestSupport.h"

#include <QDir>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("gui: screenshots of the main screens", "[.screenshots]")
{
    const QString outDir = qEnvironmentVariable("HEARTH_SCREENSHOT_DIR", QDir::tempPath());
    GuiFixture f;
    f.createStore();
    REQUIRE(ClientRecords(f.vault).create(QStringLiteral("Ada"), QStringLiteral("Lovelace")).ok());
    REQUIRE(ClientRecords(f.vault).create(QStringLiteral("Grace"), QStringLiteral("Hopper")).ok());
    REQUIRE(UserAdministration(f.vault)
                .addUser(QStringLiteral("staff"), QStringLiteral("Sam Staff"), Role::AgencyStaff,
                         QStringLiteral("Kt5#Lm8Rv"))
                .ok());
    ui::MainWindow window(f.vault);
    showAndActivate(window);
    const auto shoot = [&](const QString& name) {
        QTest::qWait(100);
        CHECK(window.grab().save(outDir + QStringLiteral("/hearth-") + name + QStringLiteral(".png")));
    };
    REQUIRE(window.workspace() != nullptr);
    const QStringList areas {QStringLiteral("clients"), QStringLiteral("consent"),  QStringLiteral("users"),
                             QStringLiteral("audit"),   QStringLiteral("projects"), QStringLiteral("settings")};
    for (int i = 0; i < areas.size(); ++i) {
        window.workspace()->showArea(i);
        shoot(areas.at(i));
    }
    f.vault.lock();
    shoot(QStringLiteral("locked"));
    f.vault.signOut();
    shoot(QStringLiteral("sign-in"));
}
