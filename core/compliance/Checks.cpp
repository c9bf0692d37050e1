#include "core/compliance/Checks.h"

#include "core/compliance/HearthChecks.h"
#include "core/compliance/linux/LinuxChecks.h"
#include "core/compliance/macos/MacChecks.h"
#include "core/compliance/windows/WindowsChecks.h"

#include <QObject>

namespace hearth::compliance {
namespace {

QHash<QString, CheckFunction> hearthChecks()
{
    return {
        {QStringLiteral("hearth-store-encrypted"), &hearthStoreEncrypted},
        {QStringLiteral("hearth-auto-lock"), &hearthAutoLock},
        {QStringLiteral("hearth-no-saved-passwords"), &hearthNoSavedPasswords},
        {QStringLiteral("hearth-server-tls"), &hearthServerTls},
    };
}

QHash<QString, CheckFunction> linuxChecks()
{
    QHash<QString, CheckFunction> checks = hearthChecks();
    checks.insert({
        {QStringLiteral("antivirus-running"), &linuxAntivirusRunning},
        {QStringLiteral("antivirus-definitions"), &linuxAntivirusDefinitions},
        {QStringLiteral("antivirus-full-scan"), &linuxAntivirusFullScan},
        {QStringLiteral("firewall-active"), &linuxFirewall},
        {QStringLiteral("os-supported"), &linuxOsSupported},
        {QStringLiteral("os-updates"), &linuxOsUpdates},
        {QStringLiteral("screen-lock"), &linuxScreenLock},
        {QStringLiteral("disk-encryption"), &linuxDiskEncryption},
        {QStringLiteral("swap-encryption"), &linuxSwapEncryption},
        {QStringLiteral("os-sign-in"), &linuxSignIn},
    });
    return checks;
}

QHash<QString, CheckFunction> windowsChecks()
{
    QHash<QString, CheckFunction> checks = hearthChecks();
    checks.insert({
        {QStringLiteral("antivirus-running"), &windowsAntivirusRunning},
        {QStringLiteral("antivirus-definitions"), &windowsAntivirusDefinitions},
        {QStringLiteral("antivirus-full-scan"), &windowsAntivirusFullScan},
        {QStringLiteral("firewall-active"), &windowsFirewall},
        {QStringLiteral("os-supported"), &windowsOsSupported},
        {QStringLiteral("os-updates"), &windowsOsUpdates},
        {QStringLiteral("screen-lock"), &windowsScreenLock},
        {QStringLiteral("disk-encryption"), &windowsDiskEncryption},
        {QStringLiteral("swap-encryption"), &windowsSwapEncryption},
        {QStringLiteral("os-sign-in"), &windowsSignIn},
    });
    return checks;
}

QHash<QString, CheckFunction> macChecks()
{
    QHash<QString, CheckFunction> checks = hearthChecks();
    checks.insert({
        {QStringLiteral("antivirus-running"), &macAntivirus},
        {QStringLiteral("antivirus-definitions"), &macAntivirus},
        {QStringLiteral("antivirus-full-scan"), &macAntivirus},
        {QStringLiteral("firewall-active"), &macFirewall},
        {QStringLiteral("os-supported"), &macOsSupported},
        {QStringLiteral("os-updates"), &macOsUpdates},
        {QStringLiteral("screen-lock"), &macScreenLock},
        {QStringLiteral("disk-encryption"), &macDiskEncryption},
        {QStringLiteral("swap-encryption"), &macSwapEncryption},
        {QStringLiteral("os-sign-in"), &macSignIn},
    });
    return checks;
}

} // namespace

Platform currentPlatform()
{
#if defined(Q_OS_WIN)
    return Platform::Windows;
#elif defined(Q_OS_MACOS)
    return Platform::MacOS;
#else
    return Platform::Linux;
#endif
}

QHash<QString, CheckFunction> checksFor(Platform platform)
{
    switch (platform) {
    case Platform::Linux:
        return linuxChecks();
    case Platform::Windows:
        return windowsChecks();
    case Platform::MacOS:
        return macChecks();
    }
    return {};
}

QList<ItemResult> runAutomaticChecks(const Checklist& checklist, const SystemProbe& probe, const HearthFacts& hearth,
                                     const QDateTime& now, Platform platform)
{
    const QHash<QString, CheckFunction> checks = checksFor(platform);
    QList<ItemResult> results;
    for (const ChecklistItem& item : checklist.items) {
        if (item.kind != ItemKind::Automatic)
            continue;
        const CheckFunction check = checks.value(item.id);
        if (!check) {
            results << ItemResult {
                item.id,
                CheckResult::unknown(QStringLiteral("no automatic check for %1 on this platform").arg(item.id),
                                     QObject::tr("Hearth cannot check this item here; attest to it."))};
            continue;
        }
        const CheckContext context {probe, checklist, item, now, hearth};
        CheckResult result = check(context);
        // Evidence is what makes a verdict auditable; a check that saw nothing cannot pass.
        if (result.evidence.trimmed().isEmpty())
            result = CheckResult::unknown(QStringLiteral("the check recorded no evidence"), result.detail);
        results << ItemResult {item.id, std::move(result)};
    }
    return results;
}

} // namespace hearth::compliance
