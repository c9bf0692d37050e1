#pragma once

#include "core/common/Result.h"
#include "core/intake/Project.h"
#include "core/intake/ServiceRecord.h"
#include "core/types/SyncConflict.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace hearth {

class Store;

/// @brief One record as the server sent it in a pull (core's copy of the protocol's PulledChange).
struct InboundRecord
{
    qint64 serverSeq = 0;
    QString entity; ///< client, enrollment, service, consent or project
    QString uuid;
    QString operation; ///< insert, update, delete or restrict
    QJsonObject fields; ///< HUD CSV columns plus "Consent"; empty for delete and restrict
    qint64 version = 0;
};

/// @brief Rows of the pull side of sync (schema v7): the pull cursor, records waiting for their parent,
/// open conflicts and the change-log rows that resolve them, and the few writes a pull needs that the
/// record repositories lack (dropping a client and what is linked to them). Callers wrap writes in a
/// transaction; nothing here writes the change log.
class SyncInboxRepository
{
public:
    explicit SyncInboxRepository(Store& store)
        : m_store(store)
    {
    }

    Result<qint64> pullCursor() const;
    Status setPullCursor(qint64 cursor, const QDateTime& at);

    /// Every record with a change-log row after @p afterSeq (local edits not yet pushed).
    Result<QSet<QString>> changedAfter(qint64 afterSeq) const;
    /// The newest change-log row of @p entityUuid (0: none).
    Result<qint64> latestChangeOf(const QString& entityUuid) const;
    Result<bool> clientExists(const QString& uuid) const;
    /// Which of @p uuids are clients this workstation dropped earlier (their rows remain, marked deleted).
    Result<QSet<QString>> droppedClients(const QStringList& uuids) const;
    /// Undoes an earlier drop of @p uuid (the server sends the client again under a new release): true
    /// when a dropped row was brought back, empty, for the pulled fields to fill.
    Result<bool> reviveClient(const QString& uuid);

    /// A service as the server sent it: replaces the local row (services have no dependants).
    Status replaceService(const ServiceRecord& service);
    /// A project an enrollment names but this workstation never had (projects are not synced): archived,
    /// so it stays out of this agency's pickers.
    Status insertPlaceholderProject(const Project& project);
    /// Drops one record (delete): an enrollment with its services, a service, a release with its
    /// attachments; a client is emptied and marked deleted (its row keeps the links of the change log).
    Status dropRecord(const QString& entity, const QString& uuid, const QDateTime& at);
    /// Drops what came from the server of a client (restrict): their pulled records, server versions,
    /// waiting records and conflicts. Rows entered or edited here stay (hasLocalWork()), and so does the
    /// profile they belong to; the caller holds them back (HeldBackRepository).
    Status dropClient(const QString& clientUuid, const QDateTime& at);
    /// True when @p entityUuid has a change-log row here (entered or edited on this workstation), or is an
    /// enrollment holding a service that has one.
    Result<bool> writtenHere(const QString& entityUuid) const;
    /// True when any of the client's records was entered or edited on this workstation.
    Result<bool> hasLocalWork(const QString& clientUuid) const;

    Status saveWaiting(const InboundRecord& record, const QString& clientUuid);
    Result<std::vector<InboundRecord>> waiting() const;
    Status removeWaiting(const QString& entityUuid);

    /// Adds or refreshes a conflict; a known one keeps when it was first reported.
    Status saveConflict(const SyncConflict& conflict);
    /// Removes every conflict not in @p keep (the server no longer lists them).
    Result<int> removeConflictsExcept(const QSet<QString>& keep);
    Status removeConflict(const QString& conflictId);
    /// Oldest first, each with the client's name as this workstation holds it.
    Result<std::vector<SyncConflict>> conflicts() const;
    Result<std::optional<SyncConflict>> conflict(const QString& conflictId) const;

    Status addResolution(qint64 changeSeq, const QString& conflictId);
    Result<QHash<qint64, QString>> resolutionsFor(const std::vector<qint64>& changeSeqs) const;
    Result<QSet<QString>> pendingResolutions() const;
    /// Forgets resolutions whose change the server has answered for (at or before the push cursor).
    Status clearResolutionsThrough(qint64 changeSeq);

private:
    Status run(const QString& sql, const QString& arg);

    Store& m_store;
};

} // namespace hearth
