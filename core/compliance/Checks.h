#pragma once

#include "core/compliance/CheckContext.h"

#include <QHash>
#include <QList>

namespace hearth::compliance {

enum class Platform
{
    Linux,
    Windows,
    MacOS,
};

/// The platform Hearth was built for; the one place that looks at Q_OS_*.
Platform currentPlatform();

/// @brief Which check answers each automatic item on @p platform. Every platform's checks are
/// compiled everywhere so their parsing is tested on any machine.
QHash<QString, CheckFunction> checksFor(Platform platform);

/// @brief One automatic item's result.
struct ItemResult
{
    QString itemId;
    CheckResult result;
};

/// Runs every automatic item of @p checklist with @p platform's checks, in checklist order. An item
/// without a check on this platform is Unknown and asks for an attestation.
QList<ItemResult> runAutomaticChecks(const Checklist& checklist, const SystemProbe& probe, const HearthFacts& hearth,
                                     const QDateTime& now, Platform platform = currentPlatform());

} // namespace hearth::compliance
