// Hidden test: renders the intake dialogs to PNG files for a visual check (not run by ctest).
//   HEARTH_SCREENSHOT_DIR=/tmp test_gui_intake_forms "[.screenshots]"
#include "core/hud/HudCodes.h"
#include "core/services/EnrollmentRecords.h"
#include "tests/gui/intake/IntakeGuiSupport.h"
#include "ui/intake/ElementForm.h"
#include "ui/intake/EnrollDialog.h"
#include "ui/intake/ExitDialog.h"
#include "ui/intake/MemberEntryForm.h"
#include "ui/intake/ProjectDialog.h"
#include "ui/intake/ReopenDialog.h"
#include "ui/intake/ServiceDialog.h"
#include "ui/widgets/HudCodeCombo.h"

#include <QDir>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("gui: screenshots of the intake dialogs", "[.screenshots]")
{
    const QString outDir = qEnvironmentVariable("HEARTH_SCREENSHOT_DIR", QDir::tempPath());
    GuiFixture f;
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Family Shelter"), hud::ProjectType::EmergencyShelterEntryExit);
    const ClientProfile maria
        = makeClient(f.vault, QStringLiteral("Maria"), QStringLiteral("Lopez"), QDate(1990, 4, 2));
    const ClientProfile ana = makeClient(f.vault, QStringLiteral("Ana"), QStringLiteral("Lopez"), QDate(2018, 6, 30));
    const auto shoot = [&](QWidget& w, const QString& name) {
        w.show();
        QTest::qWait(100);
        CHECK(w.grab().save(outDir + QStringLiteral("/hearth-") + name + QStringLiteral(".png")));
    };

    ui::ProjectDialog project(f.vault);
    shoot(project, QStringLiteral("project-dialog"));

    ui::EnrollDialog enroll(f.vault, maria);
    enroll.addMember(ana);
    auto* prior = enroll.members().constFirst()->findChild<ui::ElementForm*>(QStringLiteral("element_3.917"));
    REQUIRE(prior != nullptr);
    child<ui::HudCodeCombo>(*prior, "LivingSituation")->setCode(hud::LivingSituation::PlaceNotMeantForHabitation);
    enroll.resize(760, 720);
    shoot(enroll, QStringLiteral("enroll-dialog"));

    Enrollment head;
    head.clientUuid = maria.uuid;
    head.relationshipToHoH = hud::Relationship::Self;
    head.entryDate = QDate(2026, 1, 2);
    Enrollment child = head;
    child.clientUuid = ana.uuid;
    child.relationshipToHoH = hud::Relationship::Child;
    auto enrolled = EnrollmentRecords(f.vault).enrollHousehold(shelter.uuid, {head, child});
    REQUIRE(enrolled.ok());
    ui::ExitDialog exit(f.vault, enrolled->front().uuid);
    exit.resize(760, 720);
    shoot(exit, QStringLiteral("exit-dialog"));

    ui::ServiceDialog service(f.vault, enrolled->front());
    shoot(service, QStringLiteral("service-dialog"));
    ui::ReopenDialog reopen(f.vault, enrolled->front().uuid);
    shoot(reopen, QStringLiteral("reopen-dialog"));
}
