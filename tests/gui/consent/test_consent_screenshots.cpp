// Hidden test: renders the release dialog to PNG files for the docs (not run by ctest).
//   HEARTH_SCREENSHOT_DIR=/tmp test_gui_consent "[.screenshots]"
#include "ConsentGuiSupport.h"
#include "consent/ConsentDialog.h"
#include "consent/ConsentExplanationView.h"
#include "consent/SignaturePad.h"

#include <QCheckBox>
#include <QDir>
#include <QListWidget>
#include <QRadioButton>
#include <QTest>

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
    limited->resize(1180, 820);
    limited->show();
    REQUIRE(QTest::qWaitForWindowExposed(limited.get()));
    child<QRadioButton>(*limited, "choiceLimited")->click();
    child<QCheckBox>(*limited, "categoryEnrollments")->setChecked(true);
    child<QCheckBox>(*limited, "categoryHealth")->setChecked(true);
    child<QListWidget>(*limited, "partnerAgencies")->item(0)->setCheckState(Qt::Checked);
    drawSignature(*limited->signaturePad());
    shoot(*limited, QStringLiteral("consent-dialog"));

    std::unique_ptr<ui::ConsentDialog> noSharing(ui::ConsentDialog::newClient(f.vault));
    noSharing->resize(1180, 820);
    noSharing->show();
    REQUIRE(QTest::qWaitForWindowExposed(noSharing.get()));
    child<QRadioButton>(*noSharing, "choiceNoSharing")->click();
    noSharing->explanationView()->setLanguage(QStringLiteral("es"));
    shoot(*noSharing, QStringLiteral("consent-dialog-no-sharing-es"));
}
