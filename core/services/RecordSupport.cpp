#include "core/services/RecordSupport.h"

#include "core/store/EnrollmentRepository.h"
#include "core/store/ProjectRepository.h"

#include <QObject>
#include <QUuid>

namespace hearth::records {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Error refuse(const QString& message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

Result<Project> loadProject(Store& store, const QString& uuid)
{
    auto project = ProjectRepository(store).find(uuid);
    if (!project)
        return project.error();
    if (!project->has_value())
        return makeError(ErrorCode::NotFound, QObject::tr("That project no longer exists."));
    return **project;
}

Result<Enrollment> loadEnrollment(Store& store, const QString& uuid)
{
    auto found = EnrollmentRepository(store).find(uuid);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, QObject::tr("That enrollment no longer exists."));
    return **found;
}

} // namespace hearth::records
