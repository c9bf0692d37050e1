#include "core/compliance/CheckResult.h"

#include "core/compliance/SystemProbe.h"

namespace hearth::compliance {

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return QStringLiteral("PASS");
    case Verdict::Fail:
        return QStringLiteral("FAIL");
    case Verdict::Unknown:
        return QStringLiteral("UNKNOWN");
    case Verdict::NotApplicable:
        return QStringLiteral("N/A");
    }
    return {};
}

QString probeStatusName(ProbeStatus status)
{
    switch (status) {
    case ProbeStatus::Ok:
        return QStringLiteral("ok");
    case ProbeStatus::NotFound:
        return QStringLiteral("not found");
    case ProbeStatus::PermissionDenied:
        return QStringLiteral("permission denied");
    case ProbeStatus::TimedOut:
        return QStringLiteral("timed out");
    case ProbeStatus::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

} // namespace hearth::compliance
