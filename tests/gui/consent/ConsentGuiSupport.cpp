#include "tests/gui/consent/ConsentGuiSupport.h"

#include "core/services/ConsentRecords.h"
#include "ui/consent/ConsentDialog.h"
#include "ui/widgets/HudDateEdit.h"
#include "ui/widgets/SignaturePad.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTest>

namespace hearth::test {

void setPartnerAgencies(Vault& vault)
{
    ConsentRecords records(vault);
    ConsentSettings settings = records.settings();
    settings.partnerAgencies = kPartnerAgencies;
    const Status saved = records.setSettings(settings);
    INFO(saved.message().toStdString());
    REQUIRE(saved.ok());
}

ClientProfile clientWithRelease(Vault& vault, const QString& first, const QString& last, SharingChoice choice)
{
    ClientProfile profile;
    profile.firstName = first;
    profile.lastName = last;
    profile.nameDataQuality = 1;
    ReleaseOfInformation release;
    release.choice = choice;
    release.signedOn = vault.clock().today();
    release.expiresOn = release.signedOn.addYears(2);
    release.collectedBy = vault.user()->login;
    release.collectedByName = vault.user()->displayName;
    release.language = QStringLiteral("en");
    auto created = ConsentRecords(vault).createClient(profile, release);
    INFO((created ? QString() : created.message()).toStdString());
    REQUIRE(created.ok());
    return created.value();
}

void drawSignature(ui::SignaturePad& pad)
{
    const int w = pad.width();
    const int h = pad.height();
    QTest::mousePress(&pad, Qt::LeftButton, {}, QPoint(w / 10, h / 2));
    QTest::mouseMove(&pad, QPoint(w / 4, h / 4));
    QTest::mouseMove(&pad, QPoint(w / 2, h * 2 / 3));
    QTest::mouseRelease(&pad, Qt::LeftButton, {}, QPoint(w * 4 / 5, h / 3));
}

void typeDate(ui::HudDateEdit& edit, const QString& text)
{
    edit.lineEdit()->clear();
    QTest::keyClicks(edit.lineEdit(), text);
}

QPushButton* okButton(const ui::ConsentDialog& dialog)
{
    return child<QPushButton>(dialog, "consentOk");
}

std::vector<ReleaseOfInformation> releasesOf(Vault& vault, const QString& clientUuid)
{
    auto history = ConsentRecords(vault).history(clientUuid);
    INFO((history ? QString() : history.message()).toStdString());
    REQUIRE(history.ok());
    return history.value();
}

ConsentStatus consentOf(Vault& vault, const QString& clientUuid)
{
    auto status = ConsentRecords(vault).status(clientUuid);
    INFO((status ? QString() : status.message()).toStdString());
    REQUIRE(status.ok());
    return status.value();
}

} // namespace hearth::test
