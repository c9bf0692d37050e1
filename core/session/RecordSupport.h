#pragma once

#include "common/Result.h"
#include "intake/Enrollment.h"
#include "intake/Project.h"

#include <QDate>
#include <QString>

namespace hearth {

class Store;

/// @brief Small pieces the record services share: ids, refusals, dates in messages, lookups.
namespace records {

/// A new record id (UUID without braces).
QString newId();
/// InvalidInput with a message the screens show as it is.
Error refuse(const QString& message);
/// A date in a message: "1 Dec 2025" reads the same whatever the workstation's locale.
QString messageDate(const QDate& date);
Result<Project> loadProject(Store& store, const QString& uuid);
Result<Enrollment> loadEnrollment(Store& store, const QString& uuid);

} // namespace records
} // namespace hearth
