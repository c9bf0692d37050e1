// Hidden test: renders the consent screens to PNG files for the docs (not run by ctest).
//   HEARTH_SCREENSHOT_DIR=/tmp test_gui_consent_screens "[.screenshots]"
#include "core/hud/HudCodes.h"
#include "core/services/ConsentRecords.h"
#include "tests/gui/consent/ConsentScreensSupport.h"
#include "ui/Workspace.h"
#include "ui/consent/ConsentPanel.h"
#include "ui/intake/ClientPage.h"
#include "ui/intake/ClientsPage.h"

#include <QDir>
#include <QLineEdit>
#include <QTabWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("gui: screenshots of the consent screens", "[.screenshots]")
{
    const QString outDir = qEnvironmentVariable("HEARTH_SCREENSHOT_DIR", QDir::tempPath());
    GuiFixture f;
    f.createStore();
    const auto shoot = [&](QWidget& w, const QString& name) {
        QTest::qWait(100);
        CHECK(w.grab().save(outDir + QStringLiteral("/hearth-") + name + QStringLiteral(".png")));
    };
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Harbor Night Shelter"), hud::ProjectType::EmergencyShelterNightByNight);
    // Maria first chose No Sharing, then agreed to Limited Sharing without her earlier records.
    const ClientProfile maria = consentedClient(f.vault, QStringLiteral("Maria"), QStringLiteral("Lopez"),
                                                SharingChoice::NoSharing, QDate(2025, 3, 2));
    ReleaseOfInformation limited = makeRelease(maria.uuid, SharingChoice::LimitedSharing, QDate(2026, 1, 2));
    limited.includePastRecords = false;
    REQUIRE(ConsentRecords(f.vault).record(limited).ok());
    ReleaseOfInformation ces = makeRelease(maria.uuid, SharingChoice::FullSharing, QDate(2026, 1, 2));
    ces.kind = ReleaseKind::CoordinatedEntry;
    REQUIRE(ConsentRecords(f.vault).record(ces).ok());
    consentedClient(f.vault, QStringLiteral("Jose"), QStringLiteral("Lopez"), SharingChoice::NoSharing);
    consentedClient(f.vault, QStringLiteral("Ana"), QStringLiteral("Lopez"), SharingChoice::FullSharing,
                    QDate(2024, 1, 20), QDate(2026, 1, 20));
    consentedClient(f.vault, QStringLiteral("Luis"), QStringLiteral("Lopez"), SharingChoice::Anonymous,
                    QDate(2023, 12, 1), QDate(2025, 12, 1));
    for (const QString& first : {QStringLiteral("Ann"), QStringLiteral("Ben"), QStringLiteral("Cal")}) {
        const ClientProfile c = consentedClient(f.vault, first, QStringLiteral("Private"), SharingChoice::NoSharing);
        enrollAlone(f.vault, shelter.uuid, c.uuid, QDate(2026, 1, 4));
    }

    ui::Workspace workspace(f.vault);
    workspace.resize(1280, 860);
    workspace.show();
    REQUIRE(QTest::qWaitForWindowExposed(&workspace));
    ui::ClientsPage* clients = workspace.clientsPage();
    QTest::keyClicks(child<QLineEdit>(*clients, "searchLastName"), QStringLiteral("Lopez"));
    clients->reload();
    shoot(workspace, QStringLiteral("client-search-consent"));

    clients->openClient(maria.uuid);
    REQUIRE(clients->clientPage() != nullptr);
    child<QTabWidget>(*clients->clientPage(), "clientTabs")->setCurrentWidget(clients->clientPage()->consentPanel());
    shoot(workspace, QStringLiteral("client-consent-tab"));

    workspace.showArea(workspace.areaNames().indexOf(QStringLiteral("Consent")));
    shoot(workspace, QStringLiteral("consent-expiring"));
}
