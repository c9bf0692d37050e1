#include "core/store/ProjectRepository.h"

#include "core/intake/IntakeJson.h"
#include "core/store/JsonColumn.h"
#include "core/store/SqlValues.h"
#include "core/store/Store.h"

namespace hearth {

Status ProjectRepository::insert(const Project& p)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT INTO projects (uuid, name, project_type, data, created_at, "
                                                  "updated_at, updated_by) VALUES (?,?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st->bind(1, p.uuid)
        .bind(2, p.name)
        .bind(3, qint64(p.projectType))
        .bind(4, json_column::encode(intake_json::toJson(p)))
        .bind(5, iso(p.createdAt))
        .bind(6, iso(p.updatedAt))
        .bind(7, p.updatedBy);
    return st->run();
}

Status ProjectRepository::update(const Project& p)
{
    auto st = m_store.db().prepare(QStringLiteral("UPDATE projects SET name = ?2, project_type = ?3, data = ?4, "
                                                  "updated_at = ?5, updated_by = ?6 WHERE uuid = ?1"));
    if (!st)
        return st.error();
    st->bind(1, p.uuid)
        .bind(2, p.name)
        .bind(3, qint64(p.projectType))
        .bind(4, json_column::encode(intake_json::toJson(p)))
        .bind(5, iso(p.updatedAt))
        .bind(6, p.updatedBy);
    if (auto r = st->run(); !r)
        return r;
    if (m_store.db().changes() != 1)
        return makeError(ErrorCode::NotFound, QObject::tr("That project no longer exists."));
    return {};
}

Result<std::optional<Project>> ProjectRepository::find(const QString& uuid) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT data FROM projects WHERE uuid = ?"));
    if (!st)
        return st.error();
    st->bind(1, uuid);
    if (st->next())
        return std::optional<Project>(intake_json::projectFromJson(json_column::decode(st->text(0))));
    if (!st->status())
        return st->status().error();
    return std::optional<Project>();
}

Result<std::vector<Project>> ProjectRepository::list() const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT data FROM projects ORDER BY name COLLATE NOCASE"));
    if (!st)
        return st.error();
    std::vector<Project> out;
    while (st->next())
        out.push_back(intake_json::projectFromJson(json_column::decode(st->text(0))));
    if (!st->status())
        return st->status().error();
    return out;
}

Status ProjectRepository::insertPlaceholder(const Project& p)
{
    auto st = m_store.db().prepare(
        QStringLiteral("INSERT OR IGNORE INTO projects (uuid, name, project_type, data, created_at, updated_at, "
                       "updated_by, archived) VALUES (?,?,?,?,?,?,?,1)"));
    if (!st)
        return st.error();
    st->bind(1, p.uuid)
        .bind(2, orEmpty(p.name))
        .bind(3, qint64(p.projectType))
        .bind(4, json_column::encode(intake_json::toJson(p)))
        .bind(5, isoOrEmpty(p.createdAt))
        .bind(6, isoOrEmpty(p.updatedAt))
        .bind(7, orEmpty(p.updatedBy));
    return st->run();
}

} // namespace hearth
