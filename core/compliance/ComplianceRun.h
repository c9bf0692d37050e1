#pragma once

#include "core/common/Result.h"
#include "core/compliance/CheckResult.h"
#include "core/compliance/Checklist.h"
#include "core/compliance/Checks.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace hearth::compliance {

/// @brief Who is auditing: the agency's own quarterly self-audit, or the HMIS Coordinator's yearly
/// visit (Sonoma P&P, Ongoing Monitoring). It sets how long findings have to be fixed.
enum class AuditKind
{
    SelfAudit, ///< findings due in 7 days
    LeadVisit, ///< findings due in 30 days
};

QString auditKindName(AuditKind kind); ///< "Quarterly self-audit" / "HMIS Lead visit"
QString auditKindKey(AuditKind kind); ///< "self-audit" / "lead-visit" (JSON, storage)
std::optional<AuditKind> auditKindFromKey(const QString& key);
int findingDueDays(AuditKind kind); ///< 7 or 30

/// @brief The security officer's answer to an attestation, or to an automatic item Hearth could not
/// determine (UNKNOWN).
enum class Answer
{
    Unanswered,
    Yes, ///< the workstation meets the item
    No, ///< it does not: a finding
    NotApplicable, ///< e.g. no printer; never a finding
};

QString answerKey(Answer answer); ///< "unanswered", "yes", "no", "not-applicable"
std::optional<Answer> answerFromKey(const QString& key);

/// @brief One item of a run: what was asked (copied at run time, so an old run prints what was
/// asked then), what the check saw, and what the officer answered.
struct ItemOutcome
{
    QString itemId;
    QString wording;
    QString policySection;
    ItemKind kind = ItemKind::Attestation;
    Severity severity = Severity::Medium;
    std::optional<CheckResult> automatic; ///< set for automatic items
    Answer answer = Answer::Unanswered; ///< attestation items, and automatic items that were UNKNOWN
    QString note; ///< the officer's note on this item

    /// The item's standing: an automatic PASS or FAIL stands (an answer cannot override what the
    /// check saw); otherwise Yes and Not applicable pass, No fails, no answer is Unknown.
    Verdict effective() const;
    /// True when the officer must answer before the run can be completed.
    bool needsAnswer() const;
    /// True when the officer's answer decided the item (for reports: "attested").
    bool attested() const;
};

/// @brief The workstation a run audited. No client data; the host name is how the HMIS Lead tells
/// an agency's workstations apart.
struct WorkstationIdentity
{
    QString hostName;
    QString operatingSystem; ///< QSysInfo::prettyProductName()
    QString machineId; ///< QSysInfo::machineUniqueId(), hex

    static WorkstationIdentity current();
};

/// @brief One audit of this workstation with the Compliance Certification Checklist.
struct ComplianceRun
{
    QString uuid;
    AuditKind kind = AuditKind::SelfAudit;
    QDateTime startedAt; ///< UTC, when the automatic checks ran
    QDateTime completedAt; ///< UTC, when the officer saved it (filled by ComplianceRecords)
    QString officerLogin; ///< filled by ComplianceRecords from the signed-in user
    QString officerName;
    QString agencyName; ///< filled by ComplianceRecords
    WorkstationIdentity workstation;
    int checklistVersion = 0;
    QList<ItemOutcome> items; ///< checklist order
    QString notes; ///< the officer's notes on the whole run
    QByteArray signaturePng; ///< the officer's signature (SignaturePad), required to complete
    std::optional<QDateTime> sentToLeadAt; ///< when the officer marked this copy sent to the HMIS Lead

    /// Items whose effective verdict is FAIL: each becomes a finding.
    QList<ItemOutcome> failures() const;
    /// Items that still need an answer.
    QList<ItemOutcome> unanswered() const;
    /// Plain sentences saying why this run cannot be completed yet; empty when it can.
    QStringList completionProblems() const;
    int count(Verdict verdict) const; ///< items with that effective verdict
    const ItemOutcome* item(const QString& itemId) const;
};

/// A run started now from @p checklist with the automatic results @p automatic (runAutomaticChecks),
/// every attestation unanswered.
ComplianceRun startRun(const Checklist& checklist, const QList<ItemResult>& automatic, AuditKind kind,
                       const QDateTime& startedAt, const WorkstationIdentity& workstation);

/// @brief A FAIL to fix: due 7 days after a self-audit, 30 after the HMIS Lead's visit.
struct Finding
{
    QString uuid;
    QString runUuid;
    QString itemId;
    QString wording;
    Severity severity = Severity::Medium;
    QString evidence; ///< what the check saw, or the officer's note for an attestation
    QDate openedOn;
    QDate dueOn;
    std::optional<QDateTime> resolvedAt; ///< UTC
    QString resolvedBy; ///< login
    QString resolutionNote;

    bool isOpen() const { return !resolvedAt.has_value(); }
    bool isOverdue(const QDate& today) const { return isOpen() && today > dueOn; }
};

/// The findings of a completed @p run, opened on @p openedOn (uuids left empty for the store to fill).
QList<Finding> findingsOf(const ComplianceRun& run, const QDate& openedOn);

/// @brief When the next quarterly self-audit and the yearly copy to the HMIS Lead are due.
struct ComplianceReminders
{
    std::optional<QDate> lastSelfAudit; ///< completion date of the newest self-audit
    QDate selfAuditDue; ///< three months after it; today when there has never been one
    std::optional<QDate> lastSentToLead;
    QDate leadCopyDue; ///< a year after the last copy; today when none was ever sent
    int openFindings = 0;
    int overdueFindings = 0;

    bool selfAuditOverdue(const QDate& today) const { return today > selfAuditDue; }
    bool leadCopyOverdue(const QDate& today) const { return today > leadCopyDue; }
    /// Due within @p days (or already past).
    bool selfAuditDueSoon(const QDate& today, int days = 14) const { return today.addDays(days) >= selfAuditDue; }
    bool leadCopyDueSoon(const QDate& today, int days = 30) const { return today.addDays(days) >= leadCopyDue; }
};

/// Works out the reminders from completed @p runs (any order) and the @p findings.
ComplianceReminders remindersFor(const QList<ComplianceRun>& runs, const QList<Finding>& findings, const QDate& today);

/// @brief The agency's compliance policy (Settings, EditAgencySettings).
struct ComplianceSettings
{
    /// Block access to client records while a critical item's finding is open.
    bool blockClientsOnCriticalFailure = false;

    friend bool operator==(const ComplianceSettings&, const ComplianceSettings&) = default;
};

/// Why client records are blocked under @p settings with these open @p findings, as a sentence the
/// screens show; empty when they are not.
QString clientAccessBlock(const ComplianceSettings& settings, const QList<Finding>& openFindings);

// JSON: storage and the report's machine-readable copy use the same shapes.
QJsonObject toJson(const ItemOutcome& outcome);
Result<ItemOutcome> itemOutcomeFromJson(const QJsonObject& json);
/// The whole run; the signature as base64 PNG under "signaturePng" only when @p withSignature.
QJsonObject toJson(const ComplianceRun& run, bool withSignature = true);
Result<ComplianceRun> complianceRunFromJson(const QJsonObject& json);
QJsonObject toJson(const Finding& finding);
Result<Finding> findingFromJson(const QJsonObject& json);

} // namespace hearth::compliance
