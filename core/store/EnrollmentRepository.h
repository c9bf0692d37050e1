#pragma once

#include "core/common/Result.h"
#include "core/intake/Enrollment.h"

#include <optional>
#include <vector>

namespace hearth {

class Store;

/// @brief Enrollment rows (entry, exit and assessments together). Callers wrap writes in a transaction.
class EnrollmentRepository
{
public:
    explicit EnrollmentRepository(Store& store)
        : m_store(store)
    {
    }

    Status insert(const Enrollment& enrollment);
    Status update(const Enrollment& enrollment);
    Result<std::optional<Enrollment>> find(const QString& uuid) const;
    /// A client's enrollments, newest entry first.
    Result<std::vector<Enrollment>> forClient(const QString& clientUuid) const;
    /// Everyone enrolled under one household id, heads first.
    Result<std::vector<Enrollment>> forHousehold(const QString& householdId) const;
    /// A client's enrollments in one project (for the overlap rule).
    Result<std::vector<Enrollment>> forClientInProject(const QString& clientUuid, const QString& projectUuid) const;
    /// Enrollments in a project that are open on @p day (entered on or before it, not exited before it).
    Result<std::vector<Enrollment>> activeInProject(const QString& projectUuid, const QDate& day) const;
    /// Every enrollment open on at least one day of @p from .. @p to (entered on or before @p to, not exited
    /// before @p from), by project and entry date.
    Result<std::vector<Enrollment>> overlapping(const QDate& from, const QDate& to) const;

    // Pulls (SyncInbox): enrollments the server drops; these delete the rows.
    Status remove(const QString& uuid);
    /// The client's enrollments that came from the server: none with a change-log row here, none holding
    /// a service that has one.
    Status removePulledOfClient(const QString& clientUuid);

private:
    Result<std::vector<Enrollment>> query(const QString& where, const QStringList& args) const;

    Store& m_store;
};

} // namespace hearth
