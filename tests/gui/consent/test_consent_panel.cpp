// The Consent tab of the client page: what each choice allows, the history, renewing and revoking.
#include "core/common/DisplayDates.h"
#include "core/hud/HudCodes.h"
#include "core/services/ConsentRecords.h"
#include "tests/gui/consent/ConsentScreensSupport.h"
#include "ui/consent/ConsentBadges.h"
#include "ui/consent/ConsentDialog.h"
#include "ui/consent/ConsentPanel.h"
#include "ui/intake/ClientPage.h"
#include "ui/intake/ClientsPage.h"

#include <QBuffer>
#include <QDialog>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

namespace {

/// Opens @p client on @p page and shows the Consent tab.
ui::ConsentPanel& consentTab(ui::ClientsPage& page, const ClientProfile& client)
{
    page.openClient(client.uuid);
    REQUIRE(page.clientPage() != nullptr);
    ui::ConsentPanel* panel = page.clientPage()->consentPanel();
    REQUIRE(panel != nullptr);
    CHECK(panel->objectName() == QStringLiteral("consentPanel"));
    child<QTabWidget>(*page.clientPage(), "clientTabs")->setCurrentWidget(panel);
    return *panel;
}

QString text(const QWidget& root, const char* name)
{
    return child<QLabel>(root, name)->text();
}

/// Every line ConsentPolicy::explain gives for the panel's status is on the tab.
void showsWhatThePolicySays(Vault& vault, const ui::ConsentPanel& panel)
{
    REQUIRE(panel.status().has_value());
    const QStringList lines = ConsentPolicy(kAgencyName).explain(*panel.status(), vault.clock().today());
    REQUIRE_FALSE(lines.isEmpty());
    const QString allows = text(panel, "consentAllows");
    for (const QString& line : lines) {
        INFO(line.toStdString());
        CHECK(allows.contains(line));
    }
}

QString historyCell(const ui::ConsentPanel& panel, int row, int column)
{
    auto* table = child<QTableWidget>(panel, "consentHistory");
    REQUIRE(row < table->rowCount());
    return table->item(row, column)->text();
}

} // namespace

TEST_CASE("gui: the consent tab explains what each choice allows")
{
    GuiFixture f;
    f.createStore();
    ui::ClientsPage page(f.vault);
    page.resize(1280, 800);
    page.show();

    SECTION("Full Sharing")
    {
        const ClientProfile c
            = consentedClient(f.vault, QStringLiteral("Fay"), QStringLiteral("Full"), SharingChoice::FullSharing);
        ui::ConsentPanel& panel = consentTab(page, c);
        CHECK(text(panel, "consentStanding")
              == QStringLiteral("Full Sharing until %1").arg(displayDate(QDate(2028, 1, 2))));
        showsWhatThePolicySays(f.vault, panel);
        CHECK(historyCell(panel, 0, 2) == QStringLiteral("Full Sharing"));
        CHECK(historyCell(panel, 0, 3) == QStringLiteral("Everything, with every HMIS partner agency"));
        CHECK(historyCell(panel, 0, 4) == kAdminName);
        CHECK(child<QPushButton>(panel, "revokeConsentButton")->isEnabled());
        CHECK_FALSE(child<QPushButton>(panel, "renewReleaseButton")->isVisibleTo(&panel));
    }

    SECTION("Limited Sharing names its categories and agencies")
    {
        const ClientProfile c
            = consentedClient(f.vault, QStringLiteral("Lee"), QStringLiteral("Limited"), SharingChoice::LimitedSharing);
        ui::ConsentPanel& panel = consentTab(page, c);
        CHECK(text(panel, "consentStanding")
              == QStringLiteral("Limited Sharing until %1").arg(displayDate(QDate(2028, 1, 2))));
        showsWhatThePolicySays(f.vault, panel);
        const QString shares = historyCell(panel, 0, 3);
        CHECK(shares.contains(shareCategoryName(ShareCategory::IdentifyingProfile)));
        CHECK(shares.contains(shareCategoryName(ShareCategory::EnrollmentsAndServices)));
        CHECK_FALSE(shares.contains(shareCategoryName(ShareCategory::HealthAndDisability)));
        CHECK_FALSE(shares.contains(shareCategoryName(ShareCategory::DomesticViolence)));
        CHECK(shares.contains(QStringLiteral("with Harbor Health")));
        CHECK(child<ui::ConsentBadgeLabel>(panel, "consentPanelBadges")->text() == QStringLiteral("Limited Sharing"));
    }

    SECTION("No Sharing")
    {
        const ClientProfile c
            = consentedClient(f.vault, QStringLiteral("Ned"), QStringLiteral("None"), SharingChoice::NoSharing);
        ui::ConsentPanel& panel = consentTab(page, c);
        CHECK(text(panel, "consentStanding") == QStringLiteral("No Sharing: kept on this workstation only"));
        showsWhatThePolicySays(f.vault, panel);
        CHECK(historyCell(panel, 0, 3) == QStringLiteral("Nothing: kept on this workstation only"));
        // Nothing is shared, so there is nothing to revoke; a new release is how the client shares later.
        CHECK_FALSE(child<QPushButton>(panel, "revokeConsentButton")->isEnabled());
        CHECK(child<QPushButton>(panel, "recordReleaseButton")->isEnabled());
    }

    SECTION("an expired release: renew is offered, and the badge says since when")
    {
        const ClientProfile c = consentedClient(f.vault, QStringLiteral("Eve"), QStringLiteral("Expired"),
                                                SharingChoice::FullSharing, QDate(2023, 12, 1), QDate(2025, 12, 1));
        ui::ConsentPanel& panel = consentTab(page, c);
        CHECK(text(panel, "consentStanding")
              == QStringLiteral("Full Sharing release expired on %1").arg(displayDate(QDate(2025, 12, 1))));
        showsWhatThePolicySays(f.vault, panel);
        CHECK(child<QPushButton>(panel, "renewReleaseButton")->isVisibleTo(&panel));
        CHECK(child<QPushButton>(panel, "renewReleaseButton")->isEnabled());
        CHECK(child<ui::ConsentBadgeLabel>(*page.clientPage(), "clientConsentBadge")->text()
              == QStringLiteral("ROI expired %1").arg(displayDate(QDate(2025, 12, 1))));
    }

    SECTION("no release recorded")
    {
        const ClientProfile c = makeClient(f.vault, QStringLiteral("Old"), QStringLiteral("Record"), QDate(1970, 1, 1));
        ui::ConsentPanel& panel = consentTab(page, c);
        CHECK(text(panel, "consentStanding") == QStringLiteral("No consent recorded"));
        showsWhatThePolicySays(f.vault, panel);
        CHECK(child<QTableWidget>(panel, "consentHistory")->rowCount() == 0);
        CHECK_FALSE(child<QPushButton>(panel, "viewConsentAttachmentsButton")->isEnabled());
    }
}

TEST_CASE("gui: revoking through the consent tab stops sharing and queues the restriction")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile c
        = consentedClient(f.vault, QStringLiteral("Rita"), QStringLiteral("Revoke"), SharingChoice::FullSharing);
    ui::ClientsPage page(f.vault);
    page.resize(1280, 800);
    page.show();
    ui::ConsentPanel& panel = consentTab(page, c);
    QPointer<ui::ClientPage> clientPage = page.clientPage();

    // Cancelled: nothing changes.
    auto cancelled = onNextModal([](QWidget& dialog) {
        auto* confirm = dialog.findChild<QPushButton*>(QStringLiteral("confirmRevokeButton"));
        CHECK((confirm && !confirm->isEnabled())); // a revocation says how the client asked for it
        auto* explanation = dialog.findChild<QLabel*>(QStringLiteral("revokeExplanation"));
        CHECK((explanation
               && explanation->text().contains(QStringLiteral(
                   "stops all future sharing of Rita Revoke's records now and asks the central server to restrict "
                   "what it holds"))));
        qobject_cast<QDialog*>(&dialog)->reject();
    });
    child<QPushButton>(panel, "revokeConsentButton")->click();
    REQUIRE(*cancelled);
    REQUIRE(ConsentRecords(f.vault).status(c.uuid).ok());
    CHECK(ConsentRecords(f.vault).status(c.uuid)->standing == ConsentStatus::Standing::Active);

    auto revoked = onNextModal([](QWidget& dialog) {
        auto* note = dialog.findChild<QPlainTextEdit*>(QStringLiteral("revocationNote"));
        CHECK(note != nullptr);
        if (note)
            QTest::keyClicks(note, QStringLiteral("Asked in person at the front desk."));
        auto* confirm = dialog.findChild<QPushButton*>(QStringLiteral("confirmRevokeButton"));
        CHECK((confirm && confirm->isEnabled()));
        if (confirm)
            confirm->click();
    });
    child<QPushButton>(panel, "revokeConsentButton")->click();
    REQUIRE(*revoked);

    auto status = ConsentRecords(f.vault).status(c.uuid);
    REQUIRE(status.ok());
    CHECK(status->standing == ConsentStatus::Standing::Revoked);
    REQUIRE(status->current.has_value());
    CHECK(status->current->revocationNote == QStringLiteral("Asked in person at the front desk."));
    auto pending = ConsentRecords(f.vault).pendingRestrictions();
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().clientUuid == c.uuid);
    CHECK(pending->front().reason == QStringLiteral("revoked"));

    // The tab and the header say so at once.
    REQUIRE(clientPage);
    CHECK(text(panel, "consentStanding")
          == QStringLiteral("Consent revoked on %1").arg(displayDate(QDate(2026, 1, 5))));
    CHECK(text(panel, "consentAllows").contains(QStringLiteral("asked to restrict what it already holds")));
    CHECK(historyCell(panel, 0, 6)
          == QStringLiteral("%1: Asked in person at the front desk.").arg(displayDate(QDate(2026, 1, 5))));
    CHECK_FALSE(child<QPushButton>(panel, "revokeConsentButton")->isEnabled());
    auto* badge = child<ui::ConsentBadgeLabel>(*clientPage, "clientConsentBadge");
    CHECK(badge->text() == QStringLiteral("Consent revoked"));
    CHECK(badge->level() == ui::ConsentBadge::Level::Alarm);
}

TEST_CASE("gui: the signature and a PDF form of a release are shown from the consent tab")
{
    GuiFixture f;
    f.createStore();
    QImage drawing(240, 80, QImage::Format_ARGB32);
    drawing.fill(Qt::white);
    QByteArray png;
    QBuffer buffer(&png);
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    REQUIRE(drawing.save(&buffer, "PNG"));
    ConsentAttachments attachments;
    attachments.signaturePng = png;
    attachments.scannedForm = QByteArrayLiteral("%PDF-1.4\n% a scanned release\n");
    attachments.scannedFormType = QStringLiteral("application/pdf");
    attachments.scannedFormName = QStringLiteral("roi-signed.pdf");
    ClientProfile profile;
    profile.firstName = QStringLiteral("Sig");
    profile.lastName = QStringLiteral("Nature");
    profile.nameDataQuality = 1;
    auto created = ConsentRecords(f.vault).createClient(
        profile, makeRelease({}, SharingChoice::FullSharing, QDate(2026, 1, 2)), attachments);
    REQUIRE(created.ok());

    ui::ClientsPage page(f.vault);
    page.show();
    ui::ConsentPanel& panel = consentTab(page, created.value());
    auto* view = child<QPushButton>(panel, "viewConsentAttachmentsButton");
    REQUIRE(view->isEnabled());
    auto shown = onNextModal([](QWidget& dialog) {
        auto* signature = dialog.findChild<QLabel*>(QStringLiteral("signatureImage"));
        CHECK((signature && signature->pixmap().size() == QSize(240, 80)));
        auto* form = dialog.findChild<QLabel*>(QStringLiteral("scannedFormName"));
        CHECK((form && form->text().startsWith(QStringLiteral("roi-signed.pdf (application/pdf"))));
        // An administrator may export: saving a copy is offered, and says what the copy holds.
        CHECK(dialog.findChild<QPushButton*>(QStringLiteral("saveFormCopyButton")) != nullptr);
        qobject_cast<QDialog*>(&dialog)->reject();
    });
    view->click();
    CHECK(*shown);
}

TEST_CASE("gui: a new release from the consent tab changes the standing and the header at once")
{
    GuiFixture f;
    f.createStore();
    ui::ClientsPage page(f.vault);
    page.resize(1280, 800);
    page.show();

    SECTION("No Sharing, then Full Sharing without the records kept meanwhile")
    {
        const ClientProfile c = consentedClient(f.vault, QStringLiteral("Nia"), QStringLiteral("Later"),
                                                SharingChoice::NoSharing, QDate(2025, 6, 1));
        ui::ConsentPanel& panel = consentTab(page, c);
        auto consented = giveConsentOnNextModal(SharingChoice::FullSharing, [](ui::ConsentDialog& dialog) {
            auto* exclude = dialog.findChild<QRadioButton*>(QStringLiteral("pastExclude"));
            CHECK(exclude != nullptr);
            if (exclude)
                exclude->click();
        });
        child<QPushButton>(panel, "recordReleaseButton")->click();
        REQUIRE(*consented);
        CHECK(text(panel, "consentStanding")
              == QStringLiteral("Full Sharing until %1").arg(displayDate(QDate(2028, 1, 5))));
        CHECK(text(panel, "consentAllows")
                  .contains(QStringLiteral("Records from before %1 stay on this workstation.")
                                .arg(displayDate(QDate(2026, 1, 5)))));
        CHECK(child<QTableWidget>(panel, "consentHistory")->rowCount() == 2);
        CHECK(historyCell(panel, 0, 3).contains(QStringLiteral("past records stay here")));
        CHECK(child<ui::ConsentBadgeLabel>(*page.clientPage(), "clientConsentBadge")->text()
              == QStringLiteral("Full Sharing"));
    }

    SECTION("renewing an expired release")
    {
        const ClientProfile c = consentedClient(f.vault, QStringLiteral("Ray"), QStringLiteral("Renew"),
                                                SharingChoice::FullSharing, QDate(2023, 12, 1), QDate(2025, 12, 1));
        ui::ConsentPanel& panel = consentTab(page, c);
        auto* renew = child<QPushButton>(panel, "renewReleaseButton");
        REQUIRE(renew->isVisibleTo(&panel));
        auto renewed = giveConsentOnNextModal(SharingChoice::FullSharing);
        renew->click();
        REQUIRE(*renewed);
        CHECK(text(panel, "consentStanding")
              == QStringLiteral("Full Sharing until %1").arg(displayDate(QDate(2028, 1, 5))));
        CHECK_FALSE(renew->isVisibleTo(&panel));
        CHECK(child<ui::ConsentBadgeLabel>(*page.clientPage(), "clientConsentBadge")->text()
              == QStringLiteral("Full Sharing"));
    }

    SECTION("moving a sheltered client to No Sharing past the shelter's limit warns at once")
    {
        const Project shelter = makeProject(f.vault, QStringLiteral("Harbor Night Shelter"),
                                            hud::ProjectType::EmergencyShelterNightByNight);
        for (const QString& first : {QStringLiteral("Ann"), QStringLiteral("Ben")}) {
            const ClientProfile other
                = consentedClient(f.vault, first, QStringLiteral("Private"), SharingChoice::NoSharing);
            enrollAlone(f.vault, shelter.uuid, other.uuid, QDate(2026, 1, 4));
        }
        const ClientProfile c
            = consentedClient(f.vault, QStringLiteral("Cy"), QStringLiteral("Switch"), SharingChoice::FullSharing);
        enrollAlone(f.vault, shelter.uuid, c.uuid, QDate(2026, 1, 4));
        ui::ConsentPanel& panel = consentTab(page, c);
        QString alertText;
        std::shared_ptr<bool> alerted;
        auto consented = giveConsentOnNextModal(SharingChoice::NoSharing, [&](ui::ConsentDialog&) {
            alerted = onNextModal([&](QWidget& box) {
                auto* message = qobject_cast<QMessageBox*>(&box);
                CHECK(message != nullptr);
                if (message) {
                    alertText = message->text();
                    message->accept();
                }
            });
        });
        child<QPushButton>(panel, "recordReleaseButton")->click();
        REQUIRE(*consented);
        REQUIRE(alerted);
        REQUIRE(QTest::qWaitFor([&] { return *alerted; }, 2000));
        CHECK(alertText.startsWith(
            QStringLiteral("3 clients who chose No Sharing are enrolled at Harbor Night Shelter")));
        CHECK(child<ui::ConsentBadgeLabel>(*page.clientPage(), "clientConsentBadge")->text()
              == QStringLiteral("NO SHARING · kept on this workstation only"));
    }
}
