// The release dialog for a saved client: every kind of release through real widgets, stored as chosen.
#include "core/common/DisplayDates.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentRecords.h"
#include "tests/gui/consent/ConsentGuiSupport.h"
#include "ui/consent/ConsentDialog.h"
#include "ui/consent/ConsentExplanationView.h"
#include "ui/consent/ReleaseDraft.h"
#include "ui/consent/ScannedFormPicker.h"
#include "ui/widgets/HudDateEdit.h"
#include "ui/widgets/SignaturePad.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

#include <memory>

using namespace hearth;
using namespace hearth::test;

namespace {

std::unique_ptr<ui::ConsentDialog> openDialog(GuiFixture& f, const QString& clientUuid,
                                              ReleaseKind kind = ReleaseKind::Hmis)
{
    std::unique_ptr<ui::ConsentDialog> dialog(ui::ConsentDialog::existingClient(f.vault, clientUuid, kind));
    dialog->show();
    REQUIRE(QTest::qWaitForWindowExposed(dialog.get()));
    return dialog;
}

void record(ui::ConsentDialog& dialog)
{
    INFO(dialog.problems().join(u'\n').toStdString());
    REQUIRE(okButton(dialog)->isEnabled());
    okButton(dialog)->click();
    INFO(child<QLabel>(dialog, "consentError")->text().toStdString());
    REQUIRE(dialog.result() == QDialog::Accepted);
}

ClientProfile clientWithoutRelease(GuiFixture& f)
{
    auto created = ClientRecords(f.vault).create(QStringLiteral("Rosa"), QStringLiteral("Park"));
    REQUIRE(created.ok());
    return created.value();
}

} // namespace

TEST_CASE("gui consent: Full Sharing with a drawn signature stores the release and a PNG of the signature")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile rosa = clientWithoutRelease(f);
    auto dialog = openDialog(f, rosa.uuid);

    // Nothing is chosen for the client: OK waits.
    CHECK_FALSE(okButton(*dialog)->isEnabled());
    CHECK(child<QLabel>(*dialog, "consentProblems")->isVisible());
    CHECK(child<QLabel>(*dialog, "collectedBy")->text() == QStringLiteral("Alex Admin (admin)"));
    CHECK(child<ui::HudDateEdit>(*dialog, "signedOn")->date() == QDate(2026, 1, 5));
    CHECK(child<ui::HudDateEdit>(*dialog, "expiresOn")->date() == QDate(2028, 1, 5));
    CHECK(child<QGroupBox>(*dialog, "pastRecords")->isHidden()); // nothing kept before to ask about

    child<QRadioButton>(*dialog, "choiceFull")->click();
    CHECK(child<QLabel>(*dialog, "consentProblems")->isHidden());
    CHECK_FALSE(child<QGroupBox>(*dialog, "limitedSharingBox")->isEnabled());
    CHECK(child<QLabel>(*dialog, "noSharingReminder")->isHidden());
    drawSignature(*dialog->signaturePad());
    CHECK_FALSE(dialog->signaturePad()->isEmpty());
    // Clear and sign again.
    child<QPushButton>(*dialog, "clearSignature")->click();
    CHECK(dialog->signaturePad()->isEmpty());
    drawSignature(*dialog->signaturePad());
    child<QCheckBox>(*dialog, "restrictedName")->setChecked(true);
    record(*dialog);

    const ReleaseOfInformation& saved = dialog->saved();
    CHECK_FALSE(saved.uuid.isEmpty());
    const auto history = releasesOf(f.vault, rosa.uuid);
    REQUIRE(history.size() == 1);
    const ReleaseOfInformation& stored = history.front();
    CHECK(stored.uuid == saved.uuid);
    CHECK(stored.choice == SharingChoice::FullSharing);
    CHECK(stored.kind == ReleaseKind::Hmis);
    CHECK(stored.restricted);
    CHECK(stored.signedOn == QDate(2026, 1, 5));
    CHECK(stored.expiresOn == QDate(2028, 1, 5));
    CHECK(stored.collectedBy == kAdminLogin);
    CHECK(stored.language == QStringLiteral("en"));
    CHECK(stored.hasSignature);
    CHECK_FALSE(stored.hasScannedForm);
    CHECK(consentOf(f.vault, rosa.uuid).standing == ConsentStatus::Standing::Active);

    auto attachments = ConsentRecords(f.vault).attachments(stored.uuid);
    REQUIRE(attachments.ok());
    QImage signature;
    REQUIRE(signature.loadFromData(attachments->signaturePng, "PNG"));
    CHECK(signature.size() == ui::SignaturePad::kImageSize);
}

TEST_CASE("gui consent: Limited Sharing stores exactly the categories and the agency chosen")
{
    GuiFixture f;
    f.createStore();
    setPartnerAgencies(f.vault);
    const ClientProfile rosa = clientWithoutRelease(f);
    auto dialog = openDialog(f, rosa.uuid);
    auto* agencies = child<QListWidget>(*dialog, "partnerAgencies");
    REQUIRE(agencies->count() == 3);
    CHECK(agencies->item(1)->text() == QStringLiteral("Legal Aid Society"));
    CHECK_FALSE(child<QCheckBox>(*dialog, "categoryHealth")->isEnabled()); // only for Limited

    child<QRadioButton>(*dialog, "choiceLimited")->click();
    CHECK(child<QCheckBox>(*dialog, "categoryHealth")->isEnabled());
    // Limited Sharing with nothing ticked is refused until a category and an agency are chosen.
    CHECK_FALSE(okButton(*dialog)->isEnabled());
    CHECK(child<QLabel>(*dialog, "consentProblems")->isVisible());
    child<QCheckBox>(*dialog, "categoryIdentifying")->setChecked(true);
    child<QCheckBox>(*dialog, "categoryHealth")->setChecked(true);
    CHECK_FALSE(okButton(*dialog)->isEnabled()); // still no agency
    agencies->item(1)->setCheckState(Qt::Checked);
    record(*dialog);

    const auto history = releasesOf(f.vault, rosa.uuid);
    REQUIRE(history.size() == 1);
    CHECK(history.front().choice == SharingChoice::LimitedSharing);
    CHECK(history.front().categories
          == (ShareCategories(ShareCategory::IdentifyingProfile) | ShareCategory::HealthAndDisability));
    CHECK(history.front().partnerAgencies == QStringList {QStringLiteral("Legal Aid Society")});
    CHECK_FALSE(history.front().hasSignature);
}

TEST_CASE("gui consent: an agency not on the list can be added and is stored")
{
    GuiFixture f;
    f.createStore();
    setPartnerAgencies(f.vault);
    const ClientProfile rosa = clientWithoutRelease(f);
    auto dialog = openDialog(f, rosa.uuid);
    child<QRadioButton>(*dialog, "choiceLimited")->click();
    child<QCheckBox>(*dialog, "categoryEnrollments")->setChecked(true);
    QTest::keyClicks(child<QLineEdit>(*dialog, "otherAgency"), QStringLiteral("  St. Vincent   Pantry "));
    child<QPushButton>(*dialog, "addAgency")->click();
    auto* agencies = child<QListWidget>(*dialog, "partnerAgencies");
    REQUIRE(agencies->count() == 4);
    CHECK(agencies->item(3)->checkState() == Qt::Checked);
    record(*dialog);
    CHECK(releasesOf(f.vault, rosa.uuid).front().partnerAgencies == QStringList {QStringLiteral("St. Vincent Pantry")});
}

TEST_CASE("gui consent: No Sharing shows the reminder; a later consent must say whether past records go too")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile rosa
        = clientWithRelease(f.vault, QStringLiteral("Rosa"), QStringLiteral("Park"), SharingChoice::FullSharing);
    {
        auto dialog = openDialog(f, rosa.uuid);
        CHECK(child<QGroupBox>(*dialog, "pastRecords")->isHidden()); // the client was sharing
        CHECK(child<QLabel>(*dialog, "consentNow")->text()
              == QStringLiteral("Now: Full Sharing, signed %1, expires %2.")
                     .arg(displayDate(QDate(2026, 1, 5)), displayDate(QDate(2028, 1, 5))));
        child<QRadioButton>(*dialog, "choiceNoSharing")->click();
        auto* reminder = child<QLabel>(*dialog, "noSharingReminder");
        CHECK(reminder->isVisible());
        CHECK(reminder->text().contains(QStringLiteral("this workstation")));
        CHECK(reminder->text().contains(QStringLiteral("Emergency services")));
        CHECK_FALSE(child<QCheckBox>(*dialog, "restrictedName")->isEnabled());
        record(*dialog);
    }
    CHECK(consentOf(f.vault, rosa.uuid).isNoSharing());
    CHECK(releasesOf(f.vault, rosa.uuid).front().choice == SharingChoice::NoSharing);

    // A week later the client agrees to share again.
    f.clock.advanceSeconds(7 * 86400);
    auto dialog = openDialog(f, rosa.uuid);
    auto* past = child<QGroupBox>(*dialog, "pastRecords");
    CHECK(past->isHidden()); // asked once the client agrees to share
    CHECK(child<QLabel>(*dialog, "consentNow")->text().startsWith(QStringLiteral("Now: No Sharing")));
    child<QRadioButton>(*dialog, "choiceFull")->click();
    CHECK(past->isVisible());
    auto* include = child<QRadioButton>(*dialog, "pastInclude");
    auto* exclude = child<QRadioButton>(*dialog, "pastExclude");
    CHECK_FALSE(include->isChecked());
    CHECK_FALSE(exclude->isChecked());
    CHECK_FALSE(okButton(*dialog)->isEnabled());
    CHECK_FALSE(child<QLabel>(*dialog, "consentProblems")->text().isEmpty());
    exclude->click();
    record(*dialog);
    const auto history = releasesOf(f.vault, rosa.uuid);
    REQUIRE(history.size() == 3);
    CHECK(history.front().choice == SharingChoice::FullSharing);
    CHECK(history.front().includePastRecords == std::optional<bool>(false));
    const ConsentStatus now = consentOf(f.vault, rosa.uuid);
    CHECK(now.standing == ConsentStatus::Standing::Active);
    CHECK(now.shareFrom == std::optional<QDate>(QDate(2026, 1, 12)));
}

TEST_CASE("gui consent: a Coordinated Entry release is its own kind and leaves the HMIS choice alone")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile rosa
        = clientWithRelease(f.vault, QStringLiteral("Rosa"), QStringLiteral("Park"), SharingChoice::NoSharing);
    auto dialog = openDialog(f, rosa.uuid, ReleaseKind::CoordinatedEntry);
    CHECK(dialog->findChild<QRadioButton*>(QStringLiteral("choiceLimited")) == nullptr);
    CHECK(dialog->findChild<QRadioButton*>(QStringLiteral("choiceAnonymous")) == nullptr);
    CHECK(child<QRadioButton>(*dialog, "choiceFull")->text().contains(QStringLiteral("Coordinated Entry")));
    CHECK(child<QRadioButton>(*dialog, "choiceNoSharing")->text().contains(QStringLiteral("Declines")));
    CHECK(child<QCheckBox>(*dialog, "restrictedName")->isHidden());
    child<QRadioButton>(*dialog, "choiceFull")->click();
    CHECK(child<QLabel>(*dialog, "noSharingReminder")->isHidden());
    CHECK(dialog->explanationView()->plainText().contains(QStringLiteral("Coordinated Entry")));
    record(*dialog);

    const ConsentStatus status = consentOf(f.vault, rosa.uuid);
    CHECK(status.isNoSharing()); // the HMIS choice stands
    REQUIRE(status.coordinatedEntry.has_value());
    CHECK(status.coordinatedEntry->kind == ReleaseKind::CoordinatedEntry);
    CHECK(status.coordinatedEntry->choice == SharingChoice::FullSharing);
    CHECK(releasesOf(f.vault, rosa.uuid).size() == 2);
}

TEST_CASE("gui consent: a signed date in the future is refused; the expiry follows the signed date until edited")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile rosa = clientWithoutRelease(f);
    auto dialog = openDialog(f, rosa.uuid);
    child<QRadioButton>(*dialog, "choiceFull")->click();
    REQUIRE(okButton(*dialog)->isEnabled());
    auto* signedOn = child<ui::HudDateEdit>(*dialog, "signedOn");
    auto* expiresOn = child<ui::HudDateEdit>(*dialog, "expiresOn");
    auto* problems = child<QLabel>(*dialog, "consentProblems");

    typeDate(*signedOn, QStringLiteral("01/06/2026"));
    CHECK_FALSE(okButton(*dialog)->isEnabled());
    CHECK(problems->isVisible());
    CHECK_FALSE(problems->text().isEmpty());
    CHECK(expiresOn->date() == QDate(2028, 1, 6));

    typeDate(*signedOn, QStringLiteral("12/20/2025"));
    CHECK(okButton(*dialog)->isEnabled());
    CHECK(problems->isHidden());
    CHECK(expiresOn->date() == QDate(2027, 12, 20));

    // Edited by hand: the expiry no longer follows.
    typeDate(*expiresOn, QStringLiteral("06/30/2027"));
    typeDate(*signedOn, QStringLiteral("12/21/2025"));
    CHECK(expiresOn->date() == QDate(2027, 6, 30));
    typeDate(*signedOn, QStringLiteral("13/45"));
    CHECK_FALSE(okButton(*dialog)->isEnabled());
    typeDate(*signedOn, QStringLiteral("12/21/2025"));
    record(*dialog);
    CHECK(releasesOf(f.vault, rosa.uuid).front().expiresOn == QDate(2027, 6, 30));
}

TEST_CASE("gui consent: the explanation follows the choice and switches to Spanish; the language is stored")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile rosa = clientWithoutRelease(f);
    auto dialog = openDialog(f, rosa.uuid);
    ui::ConsentExplanationView* view = dialog->explanationView();
    CHECK(view->plainText().contains(QStringLiteral("Your rights")));
    CHECK(view->plainText().contains(QStringLiteral("take back your consent")));

    child<QRadioButton>(*dialog, "choiceNoSharing")->click();
    const QString english = view->plainText();
    CHECK(english.contains(QStringLiteral("Nothing about you is entered in the HMIS")));
    CHECK(english.contains(QStringLiteral("emergency services")));
    CHECK(english.contains(QStringLiteral("housing and programs that require HMIS participation")));
    CHECK(english.contains(QStringLiteral("encrypted record on this computer")));

    auto* language = child<QComboBox>(*dialog, "explanationLanguage");
    language->setCurrentIndex(language->findData(QStringLiteral("es")));
    const QString spanish = view->plainText();
    CHECK(spanish.contains(QStringLiteral("No compartir")));
    CHECK(spanish.contains(QStringLiteral("servicios de emergencia")));
    CHECK(spanish.contains(QStringLiteral("Sus derechos")));
    CHECK_FALSE(spanish.contains(QStringLiteral("Your rights")));

    child<QRadioButton>(*dialog, "choiceAnonymous")->click();
    CHECK(view->plainText().contains(QStringLiteral("Seguro Social")));
    child<QRadioButton>(*dialog, "choiceNoSharing")->click();
    record(*dialog);
    CHECK(releasesOf(f.vault, rosa.uuid).front().language == QStringLiteral("es"));
}

TEST_CASE("gui consent: a scanned form is attached from a file, checked by content and size, and stored")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile rosa = clientWithoutRelease(f);
    auto dialog = openDialog(f, rosa.uuid);
    ui::ScannedFormPicker* picker = dialog->scannedFormPicker();
    CHECK_FALSE(child<QPushButton>(*dialog, "removeForm")->isEnabled());

    // A synthetic "scan": a small PDF.
    const QByteArray pdf = QByteArrayLiteral("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");
    const QString pdfPath = f.dir.path() + QStringLiteral("/roi-form.pdf");
    {
        QFile file(pdfPath);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(pdf);
    }
    // Too large: refused with the limit in the message; nothing attached.
    const QString bigPath = f.dir.path() + QStringLiteral("/huge-scan.png");
    {
        QFile file(bigPath);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.resize(ui::ScannedFormPicker::kMaxBytes + 1));
    }
    const Status big = picker->attach(bigPath);
    REQUIRE_FALSE(big.ok());
    CHECK(big.message().contains(QStringLiteral("20 MB")));
    CHECK(picker->isEmpty());
    // Not a scan by its content, whatever its name.
    const QString fakePath = f.dir.path() + QStringLiteral("/notes.png");
    {
        QFile file(fakePath);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("just some text, not an image");
    }
    CHECK_FALSE(picker->attach(fakePath).ok());
    CHECK(picker->isEmpty());

    REQUIRE(picker->attach(pdfPath).ok());
    CHECK(child<QLabel>(*dialog, "scannedFormName")->text().startsWith(QStringLiteral("roi-form.pdf")));
    CHECK(child<QPushButton>(*dialog, "removeForm")->isEnabled());
    child<QRadioButton>(*dialog, "choiceFull")->click();
    record(*dialog);

    const auto stored = releasesOf(f.vault, rosa.uuid).front();
    CHECK(stored.hasScannedForm);
    auto attachments = ConsentRecords(f.vault).attachments(stored.uuid);
    REQUIRE(attachments.ok());
    CHECK(attachments->scannedForm == pdf);
    CHECK(attachments->scannedFormType == QStringLiteral("application/pdf"));
    CHECK(attachments->scannedFormName == QStringLiteral("roi-form.pdf"));
    CHECK(attachments->signaturePng.isEmpty());
}

TEST_CASE("gui consent: a refusal from the store is shown in the dialog, which stays open")
{
    GuiFixture f;
    f.createStore();
    // The client was removed on another screen after the dialog opened: the store refuses.
    auto dialog = openDialog(f, QStringLiteral("00000000-0000-0000-0000-000000000000"));
    child<QRadioButton>(*dialog, "choiceFull")->click();
    REQUIRE(okButton(*dialog)->isEnabled());
    okButton(*dialog)->click();
    CHECK(dialog->isVisible());
    CHECK(dialog->result() != QDialog::Accepted);
    auto* error = child<QLabel>(*dialog, "consentError");
    CHECK(error->isVisible());
    CHECK_FALSE(error->text().isEmpty());
    CHECK(dialog->saved().uuid.isEmpty());
}

TEST_CASE("gui consent: a release collected for a new client survives its draft, attachments included")
{
    ReleaseOfInformation release;
    release.choice = SharingChoice::LimitedSharing;
    release.categories = ShareCategories(ShareCategory::IdentifyingProfile) | ShareCategory::DomesticViolence;
    release.partnerAgencies = {QStringLiteral("Legal Aid Society"), QStringLiteral("St. Vincent Pantry")};
    release.restricted = true;
    release.includePastRecords = false;
    release.signedOn = QDate(2026, 1, 5);
    release.expiresOn = QDate(2027, 7, 1);
    release.collectedBy = kAdminLogin;
    release.collectedByName = kAdminName;
    release.language = QStringLiteral("es");
    ConsentAttachments attachments;
    attachments.signaturePng = QByteArray("\x89PNG\r\n\x1a\n\x00\x01\xff", 11);
    attachments.scannedForm = QByteArrayLiteral("%PDF-1.4 form");
    attachments.scannedFormType = QStringLiteral("application/pdf");
    attachments.scannedFormName = QStringLiteral("roi.pdf");
    release.hasSignature = true;
    release.hasScannedForm = true;

    const auto restored = ui::releaseFromDraft(ui::releaseDraft(release, attachments));
    REQUIRE(restored.has_value());
    CHECK(restored->first == release);
    CHECK(restored->second.signaturePng == attachments.signaturePng);
    CHECK(restored->second.scannedForm == attachments.scannedForm);
    CHECK(restored->second.scannedFormType == attachments.scannedFormType);
    CHECK(restored->second.scannedFormName == attachments.scannedFormName);
    CHECK_FALSE(ui::releaseFromDraft(QJsonObject()).has_value()); // a draft from before consent came first
}
