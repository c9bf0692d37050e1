// The consent badge on every screen that shows a client: the client page header, search results,
// household lists and the household member picker.
#include "core/common/DisplayDates.h"
#include "core/hud/HudCodes.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "tests/gui/consent/ConsentScreensSupport.h"
#include "ui/consent/ConsentBadges.h"
#include "ui/intake/ClientEnrollmentsPanel.h"
#include "ui/intake/ClientListModel.h"
#include "ui/intake/ClientPage.h"
#include "ui/intake/ClientPickerDialog.h"
#include "ui/intake/ClientsPage.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

namespace {

const QString kNoSharing = QStringLiteral("NO SHARING · kept on this workstation only");

/// The row of the client named @p first in the search results (-1 when absent).
int rowOf(const ui::ClientListModel& model, const QString& first)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, ui::ClientListModel::Name).data().toString().startsWith(first))
            return row;
    }
    return -1;
}

} // namespace

TEST_CASE("gui: a No Sharing client is badged on the client page, in search results and in household lists")
{
    GuiFixture f;
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Harbor Night Shelter"), hud::ProjectType::EmergencyShelterNightByNight);
    const ClientProfile nora
        = consentedClient(f.vault, QStringLiteral("Nora"), QStringLiteral("Quinn"), SharingChoice::NoSharing);
    const ClientProfile sam
        = consentedClient(f.vault, QStringLiteral("Sam"), QStringLiteral("Quinn"), SharingChoice::FullSharing);
    const ClientProfile old = makeClient(f.vault, QStringLiteral("Olga"), QStringLiteral("Quinn"), QDate(1970, 1, 1));

    ui::ClientsPage page(f.vault);
    page.resize(1280, 800);
    page.show();
    QTest::keyClicks(child<QLineEdit>(page, "searchLastName"), QStringLiteral("Quinn"));
    page.reload();

    SECTION("search results carry a consent column, No Sharing in strong red")
    {
        const ui::ClientListModel& model = *page.model();
        const int noraRow = rowOf(model, QStringLiteral("Nora"));
        const int samRow = rowOf(model, QStringLiteral("Sam"));
        const int olgaRow = rowOf(model, QStringLiteral("Olga"));
        REQUIRE(noraRow >= 0);
        REQUIRE(samRow >= 0);
        REQUIRE(olgaRow >= 0);
        const QModelIndex noraConsent = model.index(noraRow, ui::ClientListModel::Consent);
        CHECK(noraConsent.data().toString() == kNoSharing);
        CHECK(noraConsent.data(Qt::BackgroundRole).value<QColor>()
              == ui::badgeBackground(ui::ConsentBadge::Level::Alarm));
        CHECK(noraConsent.data(Qt::ToolTipRole).toString().contains(QStringLiteral("leaves this workstation")));
        CHECK(model.index(samRow, ui::ClientListModel::Consent).data().toString() == QStringLiteral("Full Sharing"));
        CHECK_FALSE(model.index(samRow, ui::ClientListModel::Consent).data(Qt::BackgroundRole).isValid());
        // A client recorded before consent existed: nothing leaves, and the list says so.
        CHECK(model.index(olgaRow, ui::ClientListModel::Consent).data().toString()
              == QStringLiteral("No consent recorded"));
        CHECK(model.headerData(ui::ClientListModel::Consent, Qt::Horizontal).toString() == QStringLiteral("Consent"));
    }

    SECTION("the client page header shows the badge beside the name")
    {
        page.openClient(nora.uuid);
        REQUIRE(page.clientPage() != nullptr);
        auto* badge = child<ui::ConsentBadgeLabel>(*page.clientPage(), "clientConsentBadge");
        CHECK(badge->text() == kNoSharing);
        CHECK(badge->isVisibleTo(&page));
        CHECK(badge->level() == ui::ConsentBadge::Level::Alarm);
        CHECK(badge->styleSheet().contains(ui::badgeBackground(ui::ConsentBadge::Level::Alarm).name()));

        page.openClient(sam.uuid);
        REQUIRE(page.clientPage() != nullptr);
        auto* samBadge = child<ui::ConsentBadgeLabel>(*page.clientPage(), "clientConsentBadge");
        CHECK(samBadge->text() == QStringLiteral("Full Sharing"));
        CHECK_FALSE(samBadge->text().contains(QStringLiteral("NO SHARING")));
    }

    SECTION("a household list marks the member who chose No Sharing")
    {
        Enrollment head;
        head.clientUuid = sam.uuid;
        head.relationshipToHoH = hud::Relationship::Self;
        head.entryDate = QDate(2026, 1, 2);
        Enrollment partner = head;
        partner.clientUuid = nora.uuid;
        partner.relationshipToHoH = hud::Relationship::SpouseOrPartner;
        REQUIRE(EnrollmentRecords(f.vault).enrollHousehold(shelter.uuid, {head, partner}).ok());

        page.openClient(sam.uuid);
        REQUIRE(page.clientPage() != nullptr);
        auto* table = child<QTableWidget>(*page.clientPage()->enrollmentsPanel(), "enrollmentTable");
        REQUIRE(table->rowCount() == 1);
        CHECK(table->item(0, 4)->text() == QStringLiteral("2 people, with Nora Quinn [NO SHARING]"));

        page.openClient(nora.uuid);
        REQUIRE(page.clientPage() != nullptr);
        auto* noraTable = child<QTableWidget>(*page.clientPage()->enrollmentsPanel(), "enrollmentTable");
        REQUIRE(noraTable->rowCount() == 1);
        CHECK(noraTable->item(0, 4)->text() == QStringLiteral("2 people, with Sam Quinn")); // Full Sharing: no mark
    }

    SECTION("the household member picker marks No Sharing clients")
    {
        auto clients = ClientRecords(f.vault).list();
        REQUIRE(clients.ok());
        QStringList uuids;
        for (const ClientProfile& c : *clients)
            uuids << c.uuid;
        auto statuses = ConsentRecords(f.vault).statuses(uuids);
        REQUIRE(statuses.ok());
        ui::ClientPickerDialog picker(std::move(clients.value()), {sam.uuid});
        picker.setConsent(statuses.value(), f.clock.today(), 30);
        auto* list = child<QListWidget>(picker, "clientPickerList");
        QStringList texts;
        for (int i = 0; i < list->count(); ++i)
            texts << list->item(i)->text();
        INFO(texts.join(u'\n').toStdString());
        REQUIRE(texts.size() == 2);
        CHECK(std::any_of(texts.cbegin(), texts.cend(), [](const QString& t) {
            return t.startsWith(QStringLiteral("Nora Quinn")) && t.endsWith(kNoSharing);
        }));
        CHECK(std::any_of(texts.cbegin(), texts.cend(), [](const QString& t) {
            return t.startsWith(QStringLiteral("Olga Quinn")) && t.endsWith(QStringLiteral("No consent recorded"));
        }));
    }
}

TEST_CASE("gui: consent badges say each standing in words")
{
    const QDate today(2026, 1, 5);
    ReleaseOfInformation release
        = makeRelease(QStringLiteral("c1"), SharingChoice::LimitedSharing, QDate(2024, 1, 20), QDate(2026, 1, 20));
    release.restricted = true;
    release.enteringAgency = QStringLiteral("Test Agency");
    const auto texts = [&](const std::vector<ReleaseOfInformation>& history) {
        QStringList t;
        for (const ui::ConsentBadge& b : ui::consentBadges(consentStatus(history, today), today, 30))
            t << b.text;
        return t;
    };

    // Expiring within the warning: the warning leads, then what the release shares.
    CHECK(texts({release})
          == QStringList {QStringLiteral("ROI expires in 15 days"), QStringLiteral("Limited Sharing"),
                          QStringLiteral("Restricted name")});
    CHECK(ui::badgeToolTip(ui::consentBadges(consentStatus({release}, today), today, 30))
              .contains(QStringLiteral("Harbor Health")));
    // A shorter warning period: no warning yet.
    CHECK(ui::badgeText(ui::consentBadges(consentStatus({release}, today), today, 10))
          == QStringLiteral("Limited Sharing, Restricted name"));

    ReleaseOfInformation expired = release;
    expired.restricted = false;
    expired.expiresOn = QDate(2025, 12, 31);
    CHECK(texts({expired}) == QStringList {QStringLiteral("ROI expired %1").arg(displayDate(QDate(2025, 12, 31)))});

    ReleaseOfInformation anonymous = makeRelease(QStringLiteral("c1"), SharingChoice::Anonymous, QDate(2026, 1, 2));
    CHECK(texts({anonymous}) == QStringList {QStringLiteral("Anonymous")});

    ReleaseOfInformation revoked = makeRelease(QStringLiteral("c1"), SharingChoice::FullSharing, QDate(2025, 6, 1));
    revoked.revokedAt = QDateTime(QDate(2026, 1, 3), QTime(12, 0), Qt::UTC);
    CHECK(texts({revoked}) == QStringList {QStringLiteral("Consent revoked")});

    CHECK(texts({}) == QStringList {QStringLiteral("No consent recorded")});
    const QList<ui::ConsentBadge> none = ui::consentBadges(std::nullopt, today, 30);
    CHECK(ui::badgeLevel(none) == ui::ConsentBadge::Level::Warning);
}
