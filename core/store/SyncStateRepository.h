#pragma once

#include "core/common/Result.h"
#include "core/types/SyncTypes.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace hearth {

class Store;

/// @brief Sync state rows (schema v6). Callers wrap writes in a transaction with their audit entries.
class SyncStateRepository
{
public:
    explicit SyncStateRepository(Store& store)
        : m_store(store)
    {
    }

    Result<std::optional<SyncRegistration>> registration() const;
    Status saveRegistration(const SyncRegistration& registration);
    Status clearRegistration();

    /// Server versions of the records in @p entityUuids that were pushed before (others are absent).
    Result<QHash<QString, qint64>> serverVersions(const QStringList& entityUuids) const;
    Status saveServerVersions(const std::vector<ServerVersion>& versions);

    Result<SyncOutcome> outcome() const;
    Status recordContact(const QDateTime& at, bool success);
    Status recordError(const QDateTime& at, const QString& code, const QString& message);

    Status queueRedelivery(const Redelivery& redelivery);
    /// Oldest first.
    Result<std::vector<Redelivery>> redeliveries() const;
    Status removeRedelivery(const QString& clientUuid);
    /// Every record of @p clientUuid the change log has seen (its profile, releases, enrollments and
    /// services: rows whose PersonalID is the client), for a re-delivery.
    Result<QStringList> recordsOfClient(const QString& clientUuid) const;
    /// The first change-log row of @p clientUuid's records, or 0 when there is none.
    Result<qint64> firstChangeOfClient(const QString& clientUuid) const;
    /// How many change-log rows come after @p seq.
    Result<qint64> changeCountAfter(qint64 seq) const;
    /// The same, per client (the client's id, or PersonalID of its records; empty for a row naming none).
    Result<QHash<QString, qint64>> changeCountsByClientAfter(qint64 seq) const;

    // The pull side (sync_pull, sync_versions).
    Result<qint64> pullCursor() const;
    Status setPullCursor(qint64 cursor, const QDateTime& at);
    /// Forgets the server version of @p entityUuid.
    Status removeServerVersion(const QString& entityUuid);
    /// Forgets the server versions of the services of @p enrollmentUuid.
    Status removeServerVersionsOfEnrollment(const QString& enrollmentUuid);
    /// Forgets the server versions of @p clientUuid and of their services, enrollments and releases.
    Status removeServerVersionsOfClient(const QString& clientUuid);

private:
    Store& m_store;
};

} // namespace hearth
