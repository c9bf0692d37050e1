#pragma once

#include "core/compliance/ComplianceRun.h"
#include "tests/compliance/FakeSystemProbe.h"

#include <QString>

#include <memory>

namespace hearth::ui {
class ComplianceArea;
class ComplianceRunView;
class Workspace;
} // namespace hearth::ui

namespace hearth::test {

/// A recorded Debian 12 workstation whose firewall accepts everything (a critical FAIL); the other
/// tools are missing, so their items are UNKNOWN and ask for an answer.
std::shared_ptr<compliance::test::FakeSystemProbe> openFirewallWorkstation();

/// Chooses @p kind, clicks Run the checklist… and waits for the run view.
void runChecklistThroughUi(ui::ComplianceArea& area, compliance::AuditKind kind);

/// Answers every item that needs it through the answer buttons: Yes, except @p noItemId which is
/// answered No with @p note.
void answerThroughUi(ui::ComplianceRunView& view, const QString& noItemId, const QString& note);

/// Draws a stroke on the run view's signature pad with the mouse.
void signThroughUi(ui::ComplianceRunView& view);

/// The Compliance area of @p workspace, shown; fails the test when the user has none.
ui::ComplianceArea& openComplianceArea(ui::Workspace& workspace);

} // namespace hearth::test
