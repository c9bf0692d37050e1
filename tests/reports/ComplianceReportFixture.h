#pragma once

#include "core/compliance/Checklist.h"
#include "core/compliance/ComplianceRun.h"
#include "core/reports/ComplianceReport.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <catch2/catch_test_macros.hpp>

#include <vector>

namespace hearth::compliance::test {

/// A real 1×1 PNG: the officer's signature as the store keeps it.
inline QByteArray tinyPng()
{
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
}

inline Checklist builtInChecklist()
{
    auto loaded = Checklist::builtIn();
    REQUIRE(loaded.ok());
    return std::move(loaded).value();
}

inline WorkstationIdentity frontDesk()
{
    return {QStringLiteral("front-desk-1"), QStringLiteral("Debian GNU/Linux 12 (bookworm)"),
            QStringLiteral("0f3c9a1d2e4b4c6d8e0f1a2b3c4d5e6f")};
}

/// A completed, signed run of the built-in checklist: every automatic item PASS with evidence naming
/// its id, every attestation answered Yes, except the ids in @p failing (FAIL with evidence, or No
/// with a note).
inline ComplianceRun completedRun(const Checklist& checklist, const QString& uuid, const QDateTime& completedAt,
                                  const QStringList& failing = {}, AuditKind kind = AuditKind::SelfAudit,
                                  const WorkstationIdentity& workstation = frontDesk())
{
    QList<ItemResult> automatic;
    for (const ChecklistItem& item : checklist.itemsOfKind(ItemKind::Automatic)) {
        const QString evidence = QStringLiteral("$ check %1\nexit 0").arg(item.id);
        automatic << ItemResult {item.id,
                                 failing.contains(item.id)
                                     ? CheckResult::fail(evidence, QStringLiteral("Failed: %1.").arg(item.id))
                                     : CheckResult::pass(evidence, QStringLiteral("Passed: %1.").arg(item.id))};
    }
    ComplianceRun run = startRun(checklist, automatic, kind, completedAt.addSecs(-600), workstation);
    for (ItemOutcome& o : run.items) {
        if (o.kind == ItemKind::Attestation) {
            o.answer = failing.contains(o.itemId) ? Answer::No : Answer::Yes;
            if (o.answer == Answer::No)
                o.note = QStringLiteral("Note on %1.").arg(o.itemId);
        }
    }
    run.uuid = uuid;
    run.completedAt = completedAt;
    run.officerLogin = QStringLiteral("sam.officer");
    run.officerName = QStringLiteral("Sam Okafor");
    run.agencyName = QStringLiteral("Harbor House");
    run.notes = QStringLiteral("Quarterly check of the front desk.");
    run.signaturePng = tinyPng();
    REQUIRE(run.completionProblems().isEmpty());
    return run;
}

/// The findings @p run opened, with uuids.
inline std::vector<Finding> findingsFor(const ComplianceRun& run)
{
    std::vector<Finding> out;
    for (Finding f : findingsOf(run, run.completedAt.date())) {
        f.uuid = run.uuid + u'-' + f.itemId;
        out.push_back(f);
    }
    return out;
}

} // namespace hearth::compliance::test
