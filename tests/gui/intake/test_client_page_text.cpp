// What the client screens say (issue 16, point 15): counts in plain English and every date of a client
// page in one format, the locale's.
#include "core/common/DisplayDates.h"
#include "core/hud/HudCodes.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "tests/gui/intake/ClientIntakeSupport.h"
#include "tests/gui/intake/IntakeGuiSupport.h"
#include "ui/intake/ClientPage.h"
#include "ui/intake/ClientsPage.h"

#include <QAbstractItemView>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>

using namespace hearth;
using namespace hearth::test;

namespace {

void enrollAloneIn(Vault& vault, const Project& project, const QString& clientUuid, const QDate& entry)
{
    Enrollment e;
    e.clientUuid = clientUuid;
    e.relationshipToHoH = hud::Relationship::Self;
    e.entryDate = entry;
    auto enrolled = EnrollmentRecords(vault).enrollHousehold(project.uuid, {e});
    INFO((enrolled ? QString() : enrolled.message()).toStdString());
    REQUIRE(enrolled.ok());
}

/// A US desk for the length of a test: its short date differs from the ISO, "d MMM yyyy" and zero-padded
/// MM/dd/yyyy spellings, so a date shown any other way shows up.
struct UsLocaleForTest
{
    QLocale before;
    UsLocaleForTest() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    ~UsLocaleForTest() { QLocale::setDefault(before); }
};

/// What the page shows as text (labels and tables, every tab), not what its entry fields hold.
QStringList shownTexts(const QWidget& root)
{
    QStringList texts;
    for (const QLabel* label : root.findChildren<QLabel*>())
        texts << label->text();
    for (const QAbstractItemView* view : root.findChildren<QAbstractItemView*>()) {
        const QAbstractItemModel* model = view->model();
        for (int row = 0; model && row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column)
                texts << model->index(row, column).data().toString();
        }
    }
    return texts;
}

} // namespace

TEST_CASE("gui: counts on the client screens read as plain English, never \"(s)\"")
{
    GuiFixture f;
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Night Shelter"), hud::ProjectType::EmergencyShelterNightByNight);
    const Project outreach = makeProject(f.vault, QStringLiteral("Outreach"), hud::ProjectType::StreetOutreach);
    const ClientProfile maria
        = makeClient(f.vault, QStringLiteral("Maria"), QStringLiteral("Garcia"), QDate(1985, 3, 4));

    enrollAloneIn(f.vault, shelter, maria.uuid, QDate(2026, 1, 2));
    {
        ui::ClientPage page(f.vault, maria);
        CHECK(child<QLabel>(page, "clientBadges")->text() == QStringLiteral("[1 active enrollment]"));
    }
    enrollAloneIn(f.vault, outreach, maria.uuid, QDate(2026, 1, 3));
    {
        ui::ClientPage page(f.vault, maria);
        CHECK(child<QLabel>(page, "clientBadges")->text() == QStringLiteral("[2 active enrollments]"));
    }

    ui::ClientsPage clients(f.vault);
    clients.show();
    clientintake::search(clients, QStringLiteral("Maria"), QStringLiteral("Garcia"));
    CHECK(child<QLabel>(clients, "searchSummary")->text() == QStringLiteral("1 possible match"));
    makeClient(f.vault, QStringLiteral("Mario"), QStringLiteral("Garcia"), QDate(1987, 1, 1));
    clientintake::search(clients, QStringLiteral("Mari"), QStringLiteral("Garcia"));
    CHECK(child<QLabel>(clients, "searchSummary")->text() == QStringLiteral("2 possible matches, best first"));
}

TEST_CASE("gui: a client page shows every date in one format, the locale's")
{
    const UsLocaleForTest us;
    GuiFixture f;
    f.createStore();
    const QDate born(1985, 3, 4);
    const QDate signedOn = f.clock.today(); // 5 January 2026
    const QDate expires(2028, 1, 4);
    const QDate entered(2026, 1, 2);
    ClientProfile profile;
    profile.firstName = QStringLiteral("Maria");
    profile.lastName = QStringLiteral("Garcia");
    profile.nameDataQuality = 1;
    profile.dob = born;
    profile.dobDataQuality = 1;
    ReleaseOfInformation release;
    release.choice = SharingChoice::FullSharing;
    release.signedOn = signedOn;
    release.expiresOn = expires;
    release.language = QStringLiteral("en");
    auto created = ConsentRecords(f.vault).createClient(profile, release);
    INFO((created ? QString() : created.message()).toStdString());
    REQUIRE(created.ok());
    const ClientProfile maria = created.value();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Night Shelter"), hud::ProjectType::EmergencyShelterNightByNight);
    enrollAloneIn(f.vault, shelter, maria.uuid, entered);
    auto history = ClientRecords(f.vault).history(maria.uuid);
    REQUIRE(history.ok());
    REQUIRE_FALSE(history->empty());

    ui::ClientPage page(f.vault, maria);
    page.resize(1280, 860);
    page.show();
    const QString shown = shownTexts(page).join(u'\n');
    INFO(shown.toStdString());
    // Each date where the page shows it: the header, the enrollments, the consent tab, the history.
    CHECK(displayDate(born) == QStringLiteral("3/4/1985"));
    for (const QDate& date : {born, entered, signedOn, expires}) {
        INFO(displayDate(date).toStdString());
        CHECK(shown.contains(displayDate(date)));
    }
    CHECK(shown.contains(displayDateTime(history->front().changedAt)));
    // And in no other spelling: ISO, "4 Mar 1985", zero-padded 03/04/1985, or a two-digit year.
    for (const char* other :
         {R"(\b\d{4}-\d{2}-\d{2}\b)", R"(\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))",
          R"(\b\d{2}/\d{2}/\d{4}\b)", R"(\b\d{1,2}/\d{1,2}/\d{2}\b)"}) {
        const QRegularExpressionMatch found = QRegularExpression(QString::fromLatin1(other)).match(shown);
        INFO(other);
        CHECK(found.captured().toStdString() == "");
    }
}
