// Consent first: New client and Anonymous client open the release dialog before anything is kept.
#include "core/intake/AnonymousProfiles.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentRecords.h"
#include "tests/gui/consent/ConsentGuiSupport.h"
#include "ui/consent/ConsentDialog.h"
#include "ui/intake/ClientPage.h"
#include "ui/intake/ClientProfileForm.h"
#include "ui/intake/ClientsPage.h"
#include "ui/widgets/SignaturePad.h"

#include <QCheckBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

namespace {

void searchFor(ui::ClientsPage& page, const QString& first, const QString& last)
{
    QTest::keyClicks(child<QLineEdit>(page, "searchFirstName"), first);
    QTest::keyClicks(child<QLineEdit>(page, "searchLastName"), last);
    page.reload();
}

/// Saves the new-client form as it stands and returns the client page's client.
ClientProfile saveForm(ui::ClientsPage& page)
{
    child<QPushButton>(page, "saveNewClient")->click();
    INFO(child<QLabel>(page, "clientsError")->text().toStdString());
    REQUIRE(page.clientPage() != nullptr);
    return page.clientPage()->client();
}

size_t clientCount(Vault& vault)
{
    auto clients = ClientRecords(vault).list();
    REQUIRE(clients.ok());
    return clients->size();
}

} // namespace

TEST_CASE("gui consent intake: New client asks for consent first; Full Sharing with a signature is saved with them")
{
    GuiFixture f;
    f.createStore();
    ui::ClientsPage page(f.vault);
    page.resize(1280, 860);
    page.show();
    searchFor(page, QStringLiteral("Maria"), QStringLiteral("Lopez"));

    bool reminderShown = true;
    auto consented = giveConsentOnNextModal(SharingChoice::FullSharing, [&](ui::ConsentDialog& dialog) {
        if (auto* reminder = checkedChild<QLabel>(dialog, "noSharingReminder"))
            reminderShown = !reminder->isHidden();
        drawSignature(*dialog.signaturePad());
    });
    child<QPushButton>(page, "newClientButton")->click();
    REQUIRE(*consented);
    CHECK_FALSE(reminderShown);
    // Nothing is stored until the profile is saved with the release.
    CHECK(clientCount(f.vault) == 0);
    REQUIRE(page.newClientForm()->isVisible());
    CHECK(child<QLineEdit>(*page.newClientForm(), "firstName")->text() == QStringLiteral("Maria"));
    CHECK(child<QLabel>(page, "newClientConsent")->text().contains(QStringLiteral("Full Sharing")));

    const ClientProfile maria = saveForm(page);
    CHECK(maria.firstName == QStringLiteral("Maria"));
    const auto history = releasesOf(f.vault, maria.uuid);
    REQUIRE(history.size() == 1);
    CHECK(history.front().choice == SharingChoice::FullSharing);
    CHECK(history.front().clientUuid == maria.uuid);
    REQUIRE(history.front().hasSignature);
    auto attachments = ConsentRecords(f.vault).attachments(history.front().uuid);
    REQUIRE(attachments.ok());
    QImage signature;
    REQUIRE(signature.loadFromData(attachments->signaturePng, "PNG"));
    CHECK(signature.size() == ui::SignaturePad::kImageSize);
    CHECK_FALSE(page.pendingRelease().has_value());
}

TEST_CASE("gui consent intake: Limited Sharing for a new client stores two categories and one agency")
{
    GuiFixture f;
    f.createStore();
    setPartnerAgencies(f.vault);
    ui::ClientsPage page(f.vault);
    page.show();
    searchFor(page, QStringLiteral("Jose"), QStringLiteral("Reyes"));
    auto consented = giveConsentOnNextModal(SharingChoice::LimitedSharing, [](ui::ConsentDialog& dialog) {
        for (const char* name : {"categoryEnrollments", "categoryDomesticViolence"}) {
            if (auto* category = checkedChild<QCheckBox>(dialog, name))
                category->setChecked(true);
        }
        auto* agencies = checkedChild<QListWidget>(dialog, "partnerAgencies");
        CHECK((agencies && agencies->count() == 3));
        if (agencies && agencies->count() == 3)
            agencies->item(2)->setCheckState(Qt::Checked);
    });
    child<QPushButton>(page, "newClientButton")->click();
    REQUIRE(*consented);
    const ClientProfile jose = saveForm(page);
    const auto history = releasesOf(f.vault, jose.uuid);
    REQUIRE(history.size() == 1);
    CHECK(history.front().choice == SharingChoice::LimitedSharing);
    CHECK(history.front().categories
          == (ShareCategories(ShareCategory::EnrollmentsAndServices) | ShareCategory::DomesticViolence));
    CHECK(history.front().partnerAgencies == QStringList {QStringLiteral("Harbor Health Clinic")});
}

TEST_CASE("gui consent intake: Anonymous leads to the anonymous-client choices; the profile is de-identified")
{
    GuiFixture f;
    f.createStore();
    ui::ClientsPage page(f.vault);
    page.show();
    // Searched by name first, then the client chose to stay anonymous: the name must not be kept.
    searchFor(page, QStringLiteral("Ana"), QStringLiteral("Diaz"));
    auto anonymousRan = std::make_shared<bool>(false);
    auto consented = giveConsentOnNextModal(SharingChoice::Anonymous, [anonymousRan](ui::ConsentDialog&) {
        onNextModal([anonymousRan](QWidget& dialog) {
            *anonymousRan = true;
            auto* age = dialog.findChild<QSpinBox*>(QStringLiteral("anonymousAge"));
            auto* ok = dialog.findChild<QPushButton*>(QStringLiteral("createAnonymousButton"));
            CHECK((age && ok));
            if (!age || !ok)
                return;
            age->setValue(44);
            ok->click();
        });
    });
    child<QPushButton>(page, "newClientButton")->click();
    REQUIRE(*consented);
    REQUIRE(*anonymousRan);
    REQUIRE(page.clientPage() != nullptr);

    auto clients = ClientRecords(f.vault).list();
    REQUIRE(clients.ok());
    REQUIRE(clients->size() == 1);
    const ClientProfile stored = clients->front();
    CHECK(stored.anonymousProfile == defaultAnonymousProfileId());
    CHECK(stored.firstName.isEmpty());
    CHECK(stored.lastName.isEmpty());
    CHECK(stored.ssn.isEmpty());
    CHECK(stored.dob == QDate(1982, 1, 1)); // the age given, as 1 January
    const auto history = releasesOf(f.vault, stored.uuid);
    REQUIRE(history.size() == 1);
    CHECK(history.front().choice == SharingChoice::Anonymous);
    CHECK(child<QLineEdit>(page, "searchFirstName")->text().isEmpty()); // the typed name is not left behind
}

TEST_CASE("gui consent intake: the Anonymous client button starts with Anonymous chosen; another choice opens the form")
{
    GuiFixture f;
    f.createStore();
    ui::ClientsPage page(f.vault);
    page.show();
    auto consented = onNextModal([](QWidget& dialog) {
        auto* anonymous = checkedChild<QRadioButton>(dialog, "choiceAnonymous");
        auto* noSharing = checkedChild<QRadioButton>(dialog, "choiceNoSharing");
        auto* ok = checkedChild<QPushButton>(dialog, "consentOk");
        if (!anonymous || !noSharing || !ok)
            return;
        CHECK(anonymous->isChecked());
        noSharing->click();
        ok->click();
    });
    child<QPushButton>(page, "anonymousClientButton")->click();
    REQUIRE(*consented);
    // The client preferred No Sharing, with their name kept here: the profile form follows.
    REQUIRE(page.newClientForm()->isVisible());
    QTest::keyClicks(child<QLineEdit>(*page.newClientForm(), "firstName"), QStringLiteral("Lena"));
    QTest::keyClicks(child<QLineEdit>(*page.newClientForm(), "lastName"), QStringLiteral("Ortiz"));
    const ClientProfile lena = saveForm(page);
    CHECK(lena.lastName == QStringLiteral("Ortiz"));
    CHECK(consentOf(f.vault, lena.uuid).isNoSharing());
}

TEST_CASE("gui consent intake: No Sharing shows the reminder and is kept with a complete local record")
{
    GuiFixture f;
    f.createStore();
    ui::ClientsPage page(f.vault);
    page.show();
    searchFor(page, QStringLiteral("Sam"), QStringLiteral("Brooks"));
    QString reminder;
    auto consented = giveConsentOnNextModal(SharingChoice::NoSharing, [&](ui::ConsentDialog& dialog) {
        auto* label = checkedChild<QLabel>(dialog, "noSharingReminder");
        if (label && !label->isHidden())
            reminder = label->text();
    });
    child<QPushButton>(page, "newClientButton")->click();
    REQUIRE(*consented);
    CHECK(reminder.contains(QStringLiteral("stays on this workstation")));
    CHECK(reminder.contains(QStringLiteral("Emergency services are still given")));
    CHECK(child<QLabel>(page, "newClientConsent")->text().contains(QStringLiteral("this workstation")));
    const ClientProfile sam = saveForm(page);
    CHECK(sam.firstName == QStringLiteral("Sam")); // kept whole, locally
    CHECK(consentOf(f.vault, sam.uuid).isNoSharing());
}

TEST_CASE("gui consent intake: cancelling the consent keeps nothing and opens no form")
{
    GuiFixture f;
    f.createStore();
    ui::ClientsPage page(f.vault);
    page.show();
    searchFor(page, QStringLiteral("Nora"), QStringLiteral("Quinn"));
    auto cancelled = onNextModal([](QWidget& dialog) {
        auto* cancel = dialog.findChild<QPushButton*>(QStringLiteral("consentCancel"));
        CHECK(cancel != nullptr);
        if (cancel)
            cancel->click();
    });
    child<QPushButton>(page, "newClientButton")->click();
    REQUIRE(*cancelled);
    CHECK_FALSE(page.newClientForm()->isVisible());
    CHECK_FALSE(page.pendingRelease().has_value());
    CHECK(clientCount(f.vault) == 0);
}

TEST_CASE("gui consent intake: cancelling the form forgets the release collected for it")
{
    GuiFixture f;
    f.createStore();
    ui::ClientsPage page(f.vault);
    page.show();
    searchFor(page, QStringLiteral("Nora"), QStringLiteral("Quinn"));
    auto consented = giveConsentOnNextModal(SharingChoice::FullSharing);
    child<QPushButton>(page, "newClientButton")->click();
    REQUIRE(*consented);
    REQUIRE(page.pendingRelease().has_value());
    child<QPushButton>(page, "cancelNewClient")->click();
    CHECK_FALSE(page.pendingRelease().has_value());
    CHECK(clientCount(f.vault) == 0);
}

TEST_CASE("gui consent intake: locking while the consent dialog is open closes it and keeps nothing")
{
    GuiFixture f;
    f.createStore();
    ui::MainWindow window(f.vault);
    showAndActivate(window);
    REQUIRE(window.workspace() != nullptr);
    QTest::keyClicks(child<QLineEdit>(window, "searchFirstName"), QStringLiteral("Ivy"));
    QTest::keyClicks(child<QLineEdit>(window, "searchLastName"), QStringLiteral("Stone"));
    auto locked = onNextModal([&](QWidget& dialog) {
        CHECK(qobject_cast<ui::ConsentDialog*>(&dialog) != nullptr);
        if (auto* full = checkedChild<QRadioButton>(dialog, "choiceFull"))
            full->click();
        f.vault.lock();
    });
    child<QPushButton>(window, "newClientButton")->click();
    REQUIRE(*locked);
    CHECK(f.vault.state() == Vault::State::Locked);
    CHECK(window.findChildren<ui::ConsentDialog*>().isEmpty());
    CHECK(window.findChildren<ui::ClientsPage*>().isEmpty());
}
