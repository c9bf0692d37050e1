#pragma once

#include "core/compliance/ComplianceRun.h"

#include <QColor>
#include <QDate>
#include <QString>
#include <QStringList>

// Words and colours the compliance screens share, so a verdict reads the same everywhere.
namespace hearth::ui::compliance_text {

/// "PASS", "FAIL", "UNKNOWN": the text always goes with the colour, never the colour alone.
QString verdictText(compliance::Verdict verdict);
/// A pale background for a verdict cell.
QColor verdictBackground(compliance::Verdict verdict);
/// "Critical", "High", "Medium", "Low".
QString severityText(compliance::Severity severity);
/// "Yes", "No", "Not applicable", or empty when unanswered.
QString answerText(compliance::Answer answer);
/// The red of overdue dates and failures (the same as expired releases).
QColor alertColour();

/// "due today", "due tomorrow, 6 Apr 2026", "due on 5 Apr 2026 (in 12 days)", "overdue: it was due on …".
QString dueWording(const QDate& due, const QDate& today);
/// "No open findings.", "1 open finding, none overdue.", "3 open findings, 2 overdue."
QString findingCounts(int open, int overdue);
/// The reminders in plain sentences: the next self-audit, the yearly copy, open and overdue findings.
QStringList reminderLines(const compliance::ComplianceReminders& reminders, const QDate& today);
/// True when the home screen should draw attention: an overdue finding, or the self-audit or the
/// yearly copy overdue or due within 14 days.
bool remindersNeedAttention(const compliance::ComplianceReminders& reminders, const QDate& today);

} // namespace hearth::ui::compliance_text
