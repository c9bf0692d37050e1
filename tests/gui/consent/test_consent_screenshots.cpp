// Hidden test: renders the release dialog to PNG files for the docs (not run by ctest).
//   HEARTH_SCREENSHOT_DIR=/tmp test_gui_consent "[.screenshots]"
#include "tests/gui/consent/ConsentGuiSupport.h"
#include "ui/consent/ConsentDialog.h"
#include "ui/consent/ConsentExplanationView.h"
#include "ui/widgets/SignaturePad.h"

#include <QCheckBox>
#include <QDir>
#include <QListWidget>
#include <QRadioButton>
#include <QTest>

#include <cmath>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("gui consent: screenshots of the release dialog", "[.screenshots]")
{
    const QString outDir = qEnvironmentVariable("HEARTH_SCREENSHOT_DIR", QDir::tempPath());
    GuiFixture f;
    f.createStore();
    setPartnerAgencies(f.vault);
    const auto shoot = [&](QWidget& w, const QString& name) {
        QTest::qWait(100);
        CHECK(w.grab().save(outDir + QStringLiteral("/hearth-") + name + QStringLiteral(".png")));
    };

    std::unique_ptr<ui::ConsentDialog> limited(ui::ConsentDialog::newClient(f.vault));
    limited->resize(1180, 940);
    limited->show();
    REQUIRE(QTest::qWaitForWindowExposed(limited.get()));
    child<QRadioButton>(*limited, "choiceLimited")->click();
    child<QCheckBox>(*limited, "categoryEnrollments")->setChecked(true);
    child<QCheckBox>(*limited, "categoryHealth")->setChecked(true);
    child<QListWidget>(*limited, "partnerAgencies")->item(0)->setCheckState(Qt::Checked);
    {
        // Something closer to a hand-written name than the tests' zigzag.
        ui::SignaturePad* pad = limited->signaturePad();
        const QRect area(pad->width() / 2 - 300, pad->height() / 2 - 100, 600, 200);
        const auto at = [&](double x, double y) {
            return area.topLeft() + QPoint(int(x * 600), int(y * 200));
        };
        QTest::mousePress(pad, Qt::LeftButton, {}, at(0.12, 0.7));
        for (int i = 1; i <= 40; ++i) {
            const double t = i / 40.0;
            QTest::mouseMove(pad, at(0.12 + 0.6 * t, 0.55 - 0.25 * std::sin(t * 18) * (1 - t / 2)));
        }
        QTest::mouseRelease(pad, Qt::LeftButton, {}, at(0.74, 0.6));
        QTest::mousePress(pad, Qt::LeftButton, {}, at(0.1, 0.74));
        QTest::mouseMove(pad, at(0.5, 0.72));
        QTest::mouseRelease(pad, Qt::LeftButton, {}, at(0.82, 0.7));
    }
    shoot(*limited, QStringLiteral("consent-dialog"));

    std::unique_ptr<ui::ConsentDialog> noSharing(ui::ConsentDialog::newClient(f.vault));
    noSharing->resize(1180, 940);
    noSharing->show();
    REQUIRE(QTest::qWaitForWindowExposed(noSharing.get()));
    child<QRadioButton>(*noSharing, "choiceNoSharing")->click();
    noSharing->explanationView()->setLanguage(QStringLiteral("es"));
    shoot(*noSharing, QStringLiteral("consent-dialog-no-sharing-es"));
}
