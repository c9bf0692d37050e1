#include "core/store/EnrollmentRepository.h"

#include "core/intake/IntakeJson.h"
#include "core/store/JsonColumn.h"
#include "core/store/SqlValues.h"
#include "core/store/Store.h"

namespace hearth {

namespace {
void bindRow(Statement& st, const Enrollment& e)
{
    st.bind(1, e.uuid)
        .bind(2, e.clientUuid)
        .bind(3, e.projectUuid)
        .bind(4, e.householdId)
        .bind(5, qint64(e.relationshipToHoH))
        .bind(6, e.entryDate.toString(Qt::ISODate))
        .bind(8, json_column::encode(intake_json::toJson(e)))
        .bind(9, iso(e.createdAt))
        .bind(10, iso(e.updatedAt))
        .bind(11, e.updatedBy);
    if (e.exitDate)
        st.bind(7, e.exitDate->toString(Qt::ISODate));
    else
        st.bindNull(7);
}

} // namespace

Status EnrollmentRepository::insert(const Enrollment& e)
{
    auto st = m_store.db().prepare(QStringLiteral(
        "INSERT INTO enrollments (uuid, client_uuid, project_uuid, household_id, relationship, entry_date, "
        "exit_date, data, created_at, updated_at, updated_by) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)"));
    if (!st)
        return st.error();
    bindRow(*st, e);
    return st->run();
}

Status EnrollmentRepository::update(const Enrollment& e)
{
    auto st = m_store.db().prepare(QStringLiteral(
        "UPDATE enrollments SET client_uuid = ?2, project_uuid = ?3, household_id = ?4, relationship = ?5, "
        "entry_date = ?6, exit_date = ?7, data = ?8, created_at = ?9, updated_at = ?10, updated_by = ?11 "
        "WHERE uuid = ?1 AND deleted = 0"));
    if (!st)
        return st.error();
    bindRow(*st, e);
    if (auto r = st->run(); !r)
        return r;
    if (m_store.db().changes() != 1)
        return makeError(ErrorCode::NotFound, QObject::tr("That enrollment no longer exists."));
    return {};
}

Result<std::vector<Enrollment>> EnrollmentRepository::query(const QString& where, const QStringList& args) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT data FROM enrollments WHERE deleted = 0 AND ") + where);
    if (!st)
        return st.error();
    for (int i = 0; i < args.size(); ++i)
        st->bind(i + 1, args.at(i));
    std::vector<Enrollment> out;
    while (st->next())
        out.push_back(intake_json::enrollmentFromJson(json_column::decode(st->text(0))));
    if (!st->status())
        return st->status().error();
    return out;
}

Result<std::optional<Enrollment>> EnrollmentRepository::find(const QString& uuid) const
{
    auto rows = query(QStringLiteral("uuid = ?1"), {uuid});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<Enrollment>();
    return std::optional<Enrollment>(rows->front());
}

Result<std::vector<Enrollment>> EnrollmentRepository::forClient(const QString& clientUuid) const
{
    return query(QStringLiteral("client_uuid = ?1 ORDER BY entry_date DESC, created_at DESC"), {clientUuid});
}

Result<std::vector<Enrollment>> EnrollmentRepository::forHousehold(const QString& householdId) const
{
    return query(QStringLiteral("household_id = ?1 ORDER BY relationship <> 1, created_at, uuid"), {householdId});
}

Result<std::vector<Enrollment>> EnrollmentRepository::forClientInProject(const QString& clientUuid,
                                                                         const QString& projectUuid) const
{
    return query(QStringLiteral("client_uuid = ?1 AND project_uuid = ?2 ORDER BY entry_date"),
                 {clientUuid, projectUuid});
}

Result<std::vector<Enrollment>> EnrollmentRepository::activeInProject(const QString& projectUuid,
                                                                      const QDate& day) const
{
    return query(QStringLiteral("project_uuid = ?1 AND entry_date <= ?2 AND (exit_date IS NULL OR exit_date > ?2) "
                                "ORDER BY household_id, relationship <> 1"),
                 {projectUuid, day.toString(Qt::ISODate)});
}

Result<std::vector<Enrollment>> EnrollmentRepository::overlapping(const QDate& from, const QDate& to) const
{
    return query(QStringLiteral("entry_date <= ?2 AND (exit_date IS NULL OR exit_date >= ?1) "
                                "ORDER BY project_uuid, entry_date, uuid"),
                 {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
}

Status EnrollmentRepository::remove(const QString& uuid)
{
    return m_store.db().exec(QStringLiteral("DELETE FROM enrollments WHERE uuid = ?1"), uuid);
}

Status EnrollmentRepository::removePulledOfClient(const QString& clientUuid)
{
    return m_store.db().exec(
        QStringLiteral("DELETE FROM enrollments WHERE client_uuid = ?1 AND NOT EXISTS "
                       "(SELECT 1 FROM change_log l WHERE l.entity_uuid = enrollments.uuid) AND NOT EXISTS "
                       "(SELECT 1 FROM services s JOIN change_log l ON l.entity_uuid = s.uuid "
                       "WHERE s.enrollment_uuid = enrollments.uuid)"),
        clientUuid);
}

} // namespace hearth
