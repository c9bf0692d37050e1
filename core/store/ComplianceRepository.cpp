#include "core/store/ComplianceRepository.h"

#include "core/store/JsonColumn.h"
#include "core/store/KeyValueRepositories.h"
#include "core/store/SqlValues.h"
#include "core/store/Store.h"

#include <QObject>

namespace hearth {

using namespace compliance;

namespace {
const QString kComplianceSettingsKey = QStringLiteral("compliance");
const QString kBlockKey = QStringLiteral("blockClientsOnCriticalFailure");

// Open findings by due date, the most severe first on the same day; then resolved ones, newest first.
const QString kFindingOrder
    = QStringLiteral(" ORDER BY resolved_at IS NOT NULL, CASE WHEN resolved_at IS NULL THEN due_on END, "
                     "CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, "
                     "resolved_at DESC, item_id");

Result<ComplianceRun> runFrom(const Statement& st, int column)
{
    return complianceRunFromJson(json_column::decode(st.text(column)));
}

Result<Finding> findingFrom(const Statement& st, int column)
{
    return findingFromJson(json_column::decode(st.text(column)));
}

Status writeRun(Database& db, const QString& sql, const ComplianceRun& run)
{
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    st->bind(1, run.uuid)
        .bind(2, auditKindKey(run.kind))
        .bind(3, iso(run.startedAt))
        .bind(4, iso(run.completedAt))
        .bind(5, run.officerLogin)
        .bind(6, json_column::encode(toJson(run)));
    if (run.sentToLeadAt)
        st->bind(7, iso(*run.sentToLeadAt));
    else
        st->bindNull(7);
    return st->run();
}
} // namespace

Status ComplianceRepository::insertRun(const ComplianceRun& run)
{
    return writeRun(m_store.db(),
                    QStringLiteral("INSERT INTO compliance_runs (uuid, kind, started_at, completed_at, officer_login, "
                                   "data, sent_to_lead_at) VALUES (?1,?2,?3,?4,?5,?6,?7)"),
                    run);
}

Result<std::vector<ComplianceRun>> ComplianceRepository::runs() const
{
    auto st = m_store.db().prepare(
        QStringLiteral("SELECT data FROM compliance_runs ORDER BY completed_at DESC, uuid DESC"));
    if (!st)
        return st.error();
    std::vector<ComplianceRun> out;
    while (st->next()) {
        auto run = runFrom(*st, 0);
        if (!run)
            return run.error();
        out.push_back(std::move(run).value());
    }
    if (!st->status())
        return st->status().error();
    return out;
}

Result<std::optional<ComplianceRun>> ComplianceRepository::findRun(const QString& uuid) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT data FROM compliance_runs WHERE uuid = ?1"));
    if (!st)
        return st.error();
    st->bind(1, uuid);
    if (st->next()) {
        auto run = runFrom(*st, 0);
        if (!run)
            return run.error();
        return std::optional<ComplianceRun>(std::move(run).value());
    }
    if (!st->status())
        return st->status().error();
    return std::optional<ComplianceRun>();
}

Status ComplianceRepository::markSentToLead(const QString& runUuid, const QDateTime& at)
{
    auto found = findRun(runUuid);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, QObject::tr("That compliance run no longer exists."));
    ComplianceRun run = **found;
    run.sentToLeadAt = at.toUTC();
    return writeRun(m_store.db(),
                    QStringLiteral("UPDATE compliance_runs SET kind = ?2, started_at = ?3, completed_at = ?4, "
                                   "officer_login = ?5, data = ?6, sent_to_lead_at = ?7 WHERE uuid = ?1"),
                    run);
}

Status ComplianceRepository::insertFinding(const Finding& f)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT INTO compliance_findings (uuid, run_uuid, item_id, severity, "
                                                  "opened_on, due_on, data) VALUES (?1,?2,?3,?4,?5,?6,?7)"));
    if (!st)
        return st.error();
    st->bind(1, f.uuid)
        .bind(2, f.runUuid)
        .bind(3, f.itemId)
        .bind(4, severityName(f.severity))
        .bind(5, f.openedOn.toString(Qt::ISODate))
        .bind(6, f.dueOn.toString(Qt::ISODate))
        .bind(7, json_column::encode(toJson(f)));
    return st->run();
}

Result<std::vector<Finding>> ComplianceRepository::findings(bool openOnly) const
{
    auto st
        = m_store.db().prepare(QStringLiteral("SELECT data FROM compliance_findings")
                               + (openOnly ? QStringLiteral(" WHERE resolved_at IS NULL") : QString()) + kFindingOrder);
    if (!st)
        return st.error();
    std::vector<Finding> out;
    while (st->next()) {
        auto finding = findingFrom(*st, 0);
        if (!finding)
            return finding.error();
        out.push_back(std::move(finding).value());
    }
    if (!st->status())
        return st->status().error();
    return out;
}

Result<std::optional<Finding>> ComplianceRepository::findFinding(const QString& uuid) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT data FROM compliance_findings WHERE uuid = ?1"));
    if (!st)
        return st.error();
    st->bind(1, uuid);
    if (st->next()) {
        auto finding = findingFrom(*st, 0);
        if (!finding)
            return finding.error();
        return std::optional<Finding>(std::move(finding).value());
    }
    if (!st->status())
        return st->status().error();
    return std::optional<Finding>();
}

Status ComplianceRepository::resolveFinding(const Finding& f)
{
    if (!f.resolvedAt)
        return makeError(ErrorCode::Internal, QObject::tr("A finding was stored as resolved without a time."));
    auto st = m_store.db().prepare(QStringLiteral("UPDATE compliance_findings SET resolved_at = ?2, resolved_by = ?3, "
                                                  "data = ?4 WHERE uuid = ?1 AND resolved_at IS NULL"));
    if (!st)
        return st.error();
    st->bind(1, f.uuid).bind(2, iso(*f.resolvedAt)).bind(3, f.resolvedBy).bind(4, json_column::encode(toJson(f)));
    if (auto run = st->run(); !run)
        return run;
    if (m_store.db().changes() != 1)
        return makeError(ErrorCode::NotFound, QObject::tr("That finding was already resolved."));
    return {};
}

Result<ComplianceSettings> ComplianceRepository::settings() const
{
    auto json = SettingsRepository(m_store).get(kComplianceSettingsKey);
    if (!json)
        return json.error();
    ComplianceSettings s;
    s.blockClientsOnCriticalFailure = json->value(kBlockKey).toBool(false);
    return s;
}

Status ComplianceRepository::setSettings(const ComplianceSettings& settings, const QDateTime& at, const QString& by)
{
    const QJsonObject json {{kBlockKey, settings.blockClientsOnCriticalFailure}};
    return SettingsRepository(m_store).set(kComplianceSettingsKey, json, at, by);
}

} // namespace hearth
