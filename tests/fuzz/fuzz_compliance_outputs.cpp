// libFuzzer harness: the compliance checks parse whatever the workstation's tools print.
#include "core/compliance/CheckSupport.h"
#include "core/compliance/macos/MacParsers.h"
#include "core/compliance/windows/WindowsParsers.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace hearth::compliance;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    (void)parseIni(bytes);
    (void)nonEmptyLines(bytes);
    (void)parseDefenderStatus(bytes);
    (void)parseSecurityCenterProducts(bytes);
    (void)parseFirewallProfiles(bytes);
    (void)parseBitLockerVolumes(bytes);
    (void)parseShellBitLockerProtection(bytes);
    for (const QString& value : parseRegQuery(bytes))
        (void)registryNumber(value);
    (void)parseFileVaultOn(bytes);
    (void)parseFirewallGlobalState(bytes);
    (void)parseScreenLockDelay(bytes);
    (void)parseDisplaySleepMinutes(bytes);
    (void)macMajorVersion(bytes);
    (void)parseSwapEncrypted(bytes);
    return 0;
}
