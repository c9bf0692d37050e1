#pragma once

#include "core/compliance/CheckContext.h"

// Checks for macOS workstations: fdesetup, the application firewall, screen-saver and lock settings.
namespace hearth::compliance {

/// XProtect is built in and has no readable definition date or scan log: always Unknown.
CheckResult macAntivirus(const CheckContext& context);
CheckResult macFirewall(const CheckContext& context);
CheckResult macOsSupported(const CheckContext& context);
CheckResult macOsUpdates(const CheckContext& context);
CheckResult macScreenLock(const CheckContext& context);
CheckResult macDiskEncryption(const CheckContext& context);
CheckResult macSwapEncryption(const CheckContext& context);
CheckResult macSignIn(const CheckContext& context);

} // namespace hearth::compliance
