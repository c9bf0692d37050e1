#pragma once

#include "core/intake/ClientProfile.h"
#include "core/intake/Enrollment.h"
#include "core/intake/Project.h"
#include "tests/gui/GuiTestSupport.h"

namespace hearth::test {

/// A project saved through ProjectRecords (operating since 1 Jan 2025, CoC CA-504).
Project makeProject(Vault& vault, const QString& name, int projectType);
/// A client saved through ClientRecords, with a full-quality date of birth.
ClientProfile makeClient(Vault& vault, const QString& first, const QString& last, const QDate& dob);
/// The stored enrollment with @p uuid.
Enrollment storedEnrollment(Vault& vault, const QString& uuid);

} // namespace hearth::test
