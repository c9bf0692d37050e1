#pragma once

#include "core/compliance/CheckContext.h"

// Checks of Hearth's own configuration; the same on every platform.
namespace hearth::compliance {

CheckResult hearthStoreEncrypted(const CheckContext& context);
CheckResult hearthAutoLock(const CheckContext& context);
CheckResult hearthNoSavedPasswords(const CheckContext& context);
CheckResult hearthServerTls(const CheckContext& context);

} // namespace hearth::compliance
