#pragma once

#include "core/common/DisplayDates.h"
#include "core/common/Result.h"
#include "core/intake/Enrollment.h"
#include "core/intake/Project.h"

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
using hearth::displayDate; ///< dates in messages: core/common/DisplayDates.h
Result<Project> loadProject(Store& store, const QString& uuid);
Result<Enrollment> loadEnrollment(Store& store, const QString& uuid);

} // namespace records
} // namespace hearth
