#pragma once

#include "gui/GuiTestSupport.h"
#include "intake/ClientProfile.h"
#include "intake/Enrollment.h"
#include "intake/Project.h"

#include <QApplication>
#include <QTimer>

#include <functional>

namespace hearth::test {

/// A project saved through ProjectRecords (operating since 1 Jan 2025, CoC CA-504).
Project makeProject(Vault& vault, const QString& name, int projectType);
/// A client saved through ClientRecords, with a full-quality date of birth.
ClientProfile makeClient(Vault& vault, const QString& first, const QString& last, const QDate& dob);
/// The stored enrollment with @p uuid.
Enrollment storedEnrollment(Vault& vault, const QString& uuid);

/// Runs @p work on the next modal dialog that opens (from the event loop), for flows that exec() a
/// dialog. Failures inside are recorded with CHECK; the returned flag says whether @p work ran.
std::shared_ptr<bool> onNextModal(std::function<void(QWidget& dialog)> work);

} // namespace hearth::test
