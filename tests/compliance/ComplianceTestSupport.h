#pragma once

#include "core/compliance/Checks.h"
#include "tests/compliance/FakeSystemProbe.h"

#include <catch2/catch_test_macros.hpp>

#include <ostream>

namespace hearth::compliance {
inline std::ostream& operator<<(std::ostream& out, Verdict verdict)
{
    return out << verdictName(verdict).toStdString();
}
} // namespace hearth::compliance

namespace hearth::compliance::test {

/// @brief A recorded workstation plus the built-in checklist, on 2026-11-20 at noon UTC.
struct CheckFixture
{
    Checklist checklist = builtInChecklist();
    FakeSystemProbe probe;
    HearthFacts hearth {QStringLiteral("/home/officer/.local/share/Hearth"), 10, {}};
    QDateTime now {QDate(2026, 11, 20), QTime(12, 0), Qt::UTC};

    static Checklist builtInChecklist()
    {
        auto loaded = Checklist::builtIn();
        REQUIRE(loaded.ok());
        return std::move(loaded).value();
    }

    /// Runs @p check for item @p id; every result must carry evidence, and the check must not have
    /// run a command the test did not record.
    CheckResult run(CheckFunction check, const QString& id)
    {
        const ChecklistItem* item = checklist.item(id);
        REQUIRE(item != nullptr);
        const CheckContext context {probe, checklist, *item, now, hearth};
        CheckResult result = check(context);
        INFO("evidence: " << result.evidence.toStdString() << "\ndetail: " << result.detail.toStdString());
        CHECK(probe.unscripted().isEmpty());
        CHECK_FALSE(result.evidence.trimmed().isEmpty());
        CHECK_FALSE(result.detail.trimmed().isEmpty());
        return result;
    }

    /// systemd answers `systemctl is-active <unit>` with @p state ("active", "inactive").
    void unit(const QString& name, const QString& state)
    {
        probe.onCommand(QStringLiteral("systemctl"), {QStringLiteral("is-active"), name}, state == u"active" ? 0 : 3,
                        state.toUtf8() + '\n');
    }
    /// A container without systemd: every `systemctl is-active` fails with @p errors.
    void noSystemd(const QStringList& units, const QByteArray& errors)
    {
        for (const QString& name : units)
            probe.onCommand(QStringLiteral("systemctl"), {QStringLiteral("is-active"), name}, 1, {}, errors);
    }
};

} // namespace hearth::compliance::test
