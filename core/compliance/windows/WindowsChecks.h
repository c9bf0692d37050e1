#pragma once

#include "core/compliance/CheckContext.h"

// Checks for Windows workstations: PowerShell cmdlets with JSON output and `reg query`, whose value
// names are not localized. None needs administrator rights; where a cmdlet does, a fallback runs.
namespace hearth::compliance {

CheckResult windowsAntivirusRunning(const CheckContext& context);
CheckResult windowsAntivirusDefinitions(const CheckContext& context);
CheckResult windowsAntivirusFullScan(const CheckContext& context);
CheckResult windowsFirewall(const CheckContext& context);
CheckResult windowsOsSupported(const CheckContext& context);
CheckResult windowsOsUpdates(const CheckContext& context);
CheckResult windowsScreenLock(const CheckContext& context);
CheckResult windowsDiskEncryption(const CheckContext& context);
CheckResult windowsSwapEncryption(const CheckContext& context);
CheckResult windowsSignIn(const CheckContext& context);

/// The PowerShell command lines the checks run, so recorded outputs can be keyed by them.
namespace windowsCommands {
QStringList powershell(const QString& script);
extern const char* const kDefenderStatus;
extern const char* const kSecurityCenterProducts;
extern const char* const kFirewallProfiles;
QString bitLockerVolume(const QString& drive);
QString shellBitLockerProtection(const QString& drive);
} // namespace windowsCommands

} // namespace hearth::compliance
