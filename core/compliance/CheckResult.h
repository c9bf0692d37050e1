#pragma once

#include <QString>

#include <utility>

namespace hearth::compliance {

/// @brief What an automatic check concluded. Unknown never counts as a pass: it asks the security
/// officer to attest to the item instead.
enum class Verdict
{
    Pass,
    Fail,
    Unknown,
    /// Only an officer's answer gives it (no printer, no wireless); never a pass, never a finding.
    NotApplicable,
};

/// "PASS", "FAIL", "UNKNOWN" or "N/A", as printed in reports and JSON.
QString verdictName(Verdict verdict);

/// @brief The outcome of one automatic check, with what it saw so an auditor can judge it.
struct CheckResult
{
    Verdict verdict = Verdict::Unknown;
    /// What was seen: each command with its exit code and the relevant output lines, each file with
    /// the value read from it. Never empty.
    QString evidence;
    /// One or two sentences for the security officer: why this verdict, what to do next.
    QString detail;

    bool passed() const { return verdict == Verdict::Pass; }
    bool needsAttestation() const { return verdict == Verdict::Unknown; }

    static CheckResult pass(QString evidence, QString detail)
    {
        return {Verdict::Pass, std::move(evidence), std::move(detail)};
    }
    static CheckResult fail(QString evidence, QString detail)
    {
        return {Verdict::Fail, std::move(evidence), std::move(detail)};
    }
    static CheckResult unknown(QString evidence, QString detail)
    {
        return {Verdict::Unknown, std::move(evidence), std::move(detail)};
    }
};

} // namespace hearth::compliance
