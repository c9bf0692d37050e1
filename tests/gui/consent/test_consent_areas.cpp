// The consent screens outside the client page: releases to renew, the concurrent No Sharing alert and
// its administrator banner, and the agency's consent settings.
#include "core/common/DisplayDates.h"
#include "core/hud/HudCodes.h"
#include "core/services/ConsentRecords.h"
#include "tests/gui/consent/ConsentScreensSupport.h"
#include "ui/Workspace.h"
#include "ui/admin/SettingsPage.h"
#include "ui/consent/AlertBanner.h"
#include "ui/consent/ExpiringReleasesNotice.h"
#include "ui/consent/ExpiringReleasesPage.h"
#include "ui/intake/ClientEnrollmentsPanel.h"
#include "ui/intake/ClientPage.h"
#include "ui/intake/ClientsPage.h"
#include "ui/intake/ElementForm.h"
#include "ui/intake/EnrollDialog.h"
#include "ui/intake/MemberEntryForm.h"
#include "ui/widgets/HudCodeCombo.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("gui: the Consent area lists releases expiring this month and expired ones, and opens the client")
{
    GuiFixture f; // today: 01/05/2026
    f.createStore();
    const ClientProfile soon = consentedClient(f.vault, QStringLiteral("Sara"), QStringLiteral("Soon"),
                                               SharingChoice::FullSharing, QDate(2024, 1, 20), QDate(2026, 1, 20));
    const ClientProfile later = consentedClient(f.vault, QStringLiteral("Lars"), QStringLiteral("Later"),
                                                SharingChoice::FullSharing, QDate(2025, 1, 10), QDate(2027, 1, 10));
    const ClientProfile lapsed = consentedClient(f.vault, QStringLiteral("Lena"), QStringLiteral("Lapsed"),
                                                 SharingChoice::LimitedSharing, QDate(2023, 12, 1), QDate(2025, 12, 1));

    ui::Workspace workspace(f.vault);
    workspace.resize(1280, 800);
    workspace.show();
    REQUIRE(workspace.areaNames().contains(QStringLiteral("Consent")));
    ui::ExpiringReleasesPage* page = workspace.consentPage();
    REQUIRE(page != nullptr);

    // On sign-in: one release expires within the 30-day warning (the lapsed one has expired already).
    ui::ExpiringReleasesNotice* notice = workspace.expiringNotice();
    REQUIRE(notice != nullptr);
    CHECK(notice->isVisibleTo(&workspace));
    CHECK(notice->count() == 1);
    CHECK(notice->text().contains(QStringLiteral("1 release of information expires in the next 30 days")));
    Q_EMIT notice->linkActivated(QStringLiteral("expiring"));
    CHECK(child<QStackedWidget>(workspace, "pages")->currentWidget() == page);

    auto* table = child<QTableWidget>(*page, "expiringReleasesTable");
    REQUIRE(table->rowCount() == 2);
    // Soonest first: the expired one, then the one expiring on the 20th; not the one due next year.
    CHECK(table->item(0, 0)->text() == QStringLiteral("Lena Lapsed"));
    CHECK(table->item(0, 1)->text() == lapsed.caseNumber);
    CHECK(table->item(0, 2)->text() == QStringLiteral("Limited Sharing"));
    CHECK(table->item(0, 3)->text() == displayDate(QDate(2025, 12, 1)));
    CHECK(table->item(0, 4)->text() == QStringLiteral("expired 35 days ago"));
    CHECK(table->item(1, 0)->text() == QStringLiteral("Sara Soon"));
    CHECK(table->item(1, 3)->text() == displayDate(QDate(2026, 1, 20)));
    CHECK(table->item(1, 4)->text() == QStringLiteral("15 days"));
    CHECK_FALSE(visibleTexts(*table).join(u' ').contains(later.lastName));
    CHECK(child<QLabel>(*page, "expiringSummary")->text()
          == QStringLiteral("1 release expires in January 2026; 1 has expired and was not renewed."));

    // Double-click (press, release, then the second click) opens the client on the Clients page.
    const QRect cell = table->visualItemRect(table->item(1, 0));
    QSignalSpy spy(page, &ui::ExpiringReleasesPage::openClientRequested);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    CHECK(spy.count() == 1); // opened once
    REQUIRE(workspace.clientsPage()->clientPage() != nullptr);
    CHECK(workspace.clientsPage()->clientPage()->client().uuid == soon.uuid);
    CHECK(child<QStackedWidget>(workspace, "pages")->currentWidget() == workspace.clientsPage());
}

TEST_CASE("gui: the third No Sharing client in one shelter raises the alert, and an administrator acknowledges it")
{
    GuiFixture f; // the default limit: 2
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Harbor Night Shelter"), hud::ProjectType::EmergencyShelterNightByNight);
    const QDate entry(2026, 1, 4);
    for (const QString& first : {QStringLiteral("Ann"), QStringLiteral("Ben")}) {
        const ClientProfile c = consentedClient(f.vault, first, QStringLiteral("Private"), SharingChoice::NoSharing);
        enrollAlone(f.vault, shelter.uuid, c.uuid, entry);
    }
    REQUIRE(ConsentRecords(f.vault).openAlerts().ok());
    CHECK(ConsentRecords(f.vault).openAlerts()->empty()); // two is the limit, not over it
    const ClientProfile third
        = consentedClient(f.vault, QStringLiteral("Cal"), QStringLiteral("Private"), SharingChoice::NoSharing);

    ui::ClientsPage page(f.vault);
    page.resize(1280, 800);
    page.show();
    page.openClient(third.uuid);
    REQUIRE(page.clientPage() != nullptr);
    ui::ClientEnrollmentsPanel* panel = page.clientPage()->enrollmentsPanel();

    QString alertText;
    std::shared_ptr<bool> alerted;
    auto enrolled = onNextModal([&](QWidget& modal) {
        auto* dialog = qobject_cast<ui::EnrollDialog*>(&modal);
        CHECK(dialog != nullptr);
        if (!dialog)
            return;
        for (ui::MemberEntryForm* member : dialog->members()) {
            if (auto* prior = member->findChild<ui::ElementForm*>(QStringLiteral("element_3.917"))) {
                if (auto* living = prior->findChild<ui::HudCodeCombo*>(QStringLiteral("LivingSituation")))
                    living->setCode(hud::LivingSituation::PlaceNotMeantForHabitation);
            }
        }
        // The alert box comes once the enroll dialog has closed.
        alerted = onNextModal([&](QWidget& box) {
            auto* message = qobject_cast<QMessageBox*>(&box);
            CHECK(message != nullptr);
            if (!message)
                return;
            alertText = message->text();
            message->accept();
        });
        auto* enroll = dialog->findChild<QPushButton*>(QStringLiteral("enrollButton"));
        CHECK((enroll && enroll->isEnabled()));
        if (enroll)
            enroll->click();
    });
    child<QPushButton>(*panel, "enrollClientButton")->click();
    REQUIRE(*enrolled);
    REQUIRE(alerted);
    REQUIRE(QTest::qWaitFor([&] { return *alerted; }, 2000));
    CHECK(alertText.startsWith(
        QStringLiteral("3 clients who chose No Sharing are enrolled at Harbor Night Shelter on %1; the limit is 2.")
            .arg(displayDate(QDate(2026, 1, 5)))));
    CHECK(alertText.contains(QStringLiteral("notify DFSS")));

    // The administrator's banner lists it until acknowledged.
    ui::Workspace workspace(f.vault);
    workspace.show();
    ui::NoSharingAlertBanner* banner = workspace.alertBanner();
    REQUIRE(banner != nullptr);
    CHECK(banner->objectName() == QStringLiteral("noSharingAlertBanner"));
    CHECK(banner->isVisibleTo(&workspace));
    REQUIRE(banner->alerts().size() == 1);
    CHECK(child<QLabel>(*banner, "noSharingAlertText")->text() == alertText);
    child<QPushButton>(*banner, "acknowledgeAlertButton")->click();
    auto open = ConsentRecords(f.vault).openAlerts();
    REQUIRE(open.ok());
    CHECK(open->empty());
    CHECK_FALSE(banner->isVisibleTo(&workspace));
}

TEST_CASE("gui: consent settings are saved and read back")
{
    GuiFixture f;
    f.createStore();
    {
        ui::SettingsPage page(f.vault);
        page.show();
        CHECK(child<QSpinBox>(page, "consentExpiryMonths")->value() == 24);
        CHECK(child<QSpinBox>(page, "consentWarningDays")->value() == 30);
        CHECK(child<QSpinBox>(page, "consentNoSharingLimit")->value() == 2);
        child<QSpinBox>(page, "consentExpiryMonths")->setValue(12);
        child<QSpinBox>(page, "consentWarningDays")->setValue(45);
        child<QSpinBox>(page, "consentNoSharingLimit")->setValue(1);
        auto* agency = child<QLineEdit>(page, "consentNewAgency");
        for (const QString& name : {QStringLiteral("Harbor Health"), QStringLiteral("Bay Legal Aid"),
                                    QStringLiteral("harbor health"), QStringLiteral("Old Partner")}) {
            QTest::keyClicks(agency, name);
            QTest::keyClick(agency, Qt::Key_Return);
        }
        auto* list = child<QListWidget>(page, "consentPartnerAgencies");
        REQUIRE(list->count() == 3); // the same agency in other capitals is not added twice
        list->setCurrentRow(2);
        child<QPushButton>(page, "consentRemoveAgency")->click();
        child<QPushButton>(page, "saveSettings")->click();
        CHECK_FALSE(child<QLabel>(page, "settingsError")->isVisibleTo(&page));
    }
    const ConsentSettings saved = ConsentRecords(f.vault).settings();
    CHECK(saved.expiryMonths == 12);
    CHECK(saved.warningDays == 45);
    CHECK(saved.concurrentNoSharingLimit == 1);
    CHECK(saved.partnerAgencies == QStringList {QStringLiteral("Harbor Health"), QStringLiteral("Bay Legal Aid")});

    ui::SettingsPage reopened(f.vault);
    CHECK(child<QSpinBox>(reopened, "consentExpiryMonths")->value() == 12);
    CHECK(child<QSpinBox>(reopened, "consentWarningDays")->value() == 45);
    CHECK(child<QSpinBox>(reopened, "consentNoSharingLimit")->value() == 1);
    auto* list = child<QListWidget>(reopened, "consentPartnerAgencies");
    REQUIRE(list->count() == 2);
    CHECK(list->item(1)->text() == QStringLiteral("Bay Legal Aid"));
}

TEST_CASE("gui: every Settings label with an Alt key names the field it leads to")
{
    GuiFixture f;
    f.createStore();
    ui::SettingsPage page(f.vault);
    page.show();
    // A label without a buddy shows its '&' as a character and its Alt key does nothing.
    const QRegularExpression mnemonic(u"(^|[^&])&[^&]"_qs);
    QStringList orphans;
    for (const QLabel* label : page.findChildren<QLabel*>())
        if (mnemonic.match(label->text()).hasMatch() && label->buddy() == nullptr)
            orphans << label->text();
    INFO(orphans.join(u'\n').toStdString());
    CHECK(orphans.isEmpty());
    const auto* agencies = child<QListWidget>(page, "consentPartnerAgencies");
    bool labelled = false;
    for (const QLabel* label : page.findChildren<QLabel*>())
        labelled = labelled || (label->buddy() == agencies && label->text().contains(u"Partner agencies"));
    CHECK(labelled);
}
