// Completed checklist runs for the storage and service tests: the built-in checklist with chosen
// items failing, every evidence and note text marked so a test can look for it where it must not be.
#pragma once

#include "core/compliance/Checklist.h"
#include "core/compliance/Checks.h"
#include "core/compliance/ComplianceRun.h"

#include <QDateTime>
#include <QStringList>

#include <catch2/catch_test_macros.hpp>

namespace hearth::compliance::test {

/// A signature "PNG" with the bytes a text round trip would break (NUL, 0xFF, CR LF).
inline QByteArray signatureBytes()
{
    static const char bytes[] = "\x89PNG\r\n\x1a\n\0\xff\xfe signed by the officer \0\x01";
    return QByteArray(bytes, sizeof(bytes) - 1);
}

/// Evidence and notes all contain this marker; the audit log must never show it.
inline const QString kSecretMarker = QStringLiteral("SEEN-ON-WORKSTATION");

inline Checklist builtInChecklist()
{
    auto loaded = Checklist::builtIn();
    REQUIRE(loaded.ok());
    return std::move(loaded).value();
}

/// A run of the built-in checklist, answered and signed: automatic items PASS and attestations Yes,
/// except the items in @p failing (an automatic FAIL, or an attestation answered No with a note).
inline ComplianceRun answeredRun(AuditKind kind, const QStringList& failing, const QDateTime& startedAt)
{
    const Checklist checklist = builtInChecklist();
    QList<ItemResult> automatic;
    for (const ChecklistItem& item : checklist.items) {
        if (item.kind != ItemKind::Automatic)
            continue;
        const QString evidence = kSecretMarker + u": "_qs + item.id;
        automatic << ItemResult {item.id,
                                 failing.contains(item.id) ? CheckResult::fail(evidence, u"fix it"_qs)
                                                           : CheckResult::pass(evidence, u"fine"_qs)};
    }
    ComplianceRun run = startRun(checklist, automatic, kind, startedAt,
                                 WorkstationIdentity {u"intake-desk-2"_qs, u"Debian GNU/Linux 12"_qs, u"ab12cd"_qs});
    for (ItemOutcome& o : run.items) {
        if (o.kind == ItemKind::Attestation) {
            o.answer = failing.contains(o.itemId) ? Answer::No : Answer::Yes;
            o.note = kSecretMarker + u" note on "_qs + o.itemId;
        }
    }
    run.notes = kSecretMarker + u" run notes"_qs;
    run.signaturePng = signatureBytes();
    return run;
}

} // namespace hearth::compliance::test
