#pragma once

#include "core/compliance/CheckContext.h"

// Checks for Linux workstations (Debian first). Each reads the system only through the probe.
namespace hearth::compliance {

CheckResult linuxAntivirusRunning(const CheckContext& context);
CheckResult linuxAntivirusDefinitions(const CheckContext& context);
CheckResult linuxAntivirusFullScan(const CheckContext& context);
CheckResult linuxFirewall(const CheckContext& context);
CheckResult linuxOsSupported(const CheckContext& context);
CheckResult linuxOsUpdates(const CheckContext& context);
CheckResult linuxScreenLock(const CheckContext& context);
CheckResult linuxDiskEncryption(const CheckContext& context);
CheckResult linuxSwapEncryption(const CheckContext& context);
CheckResult linuxSignIn(const CheckContext& context);

} // namespace hearth::compliance
