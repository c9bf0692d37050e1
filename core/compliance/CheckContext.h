#pragma once

#include "core/compliance/CheckResult.h"
#include "core/compliance/Checklist.h"
#include "core/compliance/SystemProbe.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace hearth::compliance {

/// @brief What Hearth knows about its own configuration, handed in by the app (core/compliance
/// does not open the store itself).
struct HearthFacts
{
    QString dataDir; ///< where the encrypted store lives (StoreLocation::dataDir)
    std::optional<int> autoLockMinutes; ///< the agency's auto-lock setting, when signed in
    QString syncServerUrl; ///< empty until a sync server is configured
};

/// @brief Everything a check may consult.
struct CheckContext
{
    const SystemProbe& probe;
    const Checklist& checklist;
    const ChecklistItem& item; ///< the item being checked, with its thresholds
    QDateTime now; ///< UTC
    HearthFacts hearth;
};

using CheckFunction = CheckResult (*)(const CheckContext&);

} // namespace hearth::compliance
