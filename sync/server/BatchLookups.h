#pragma once

#include "sync/protocol/ConsentReference.h"
#include "sync/server/ClientAuthority.h"
#include "sync/server/Failure.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <unordered_map>

namespace hearth::server {

class ServerDatabase;

/// @brief What the server knows of one client's consent, as one push batch sees it.
struct ClientConsentState
{
    bool known = false; ///< client_consent has a row
    QJsonObject reference; ///< the newest reference (empty when restricted before any was seen)
    std::optional<sync::ConsentReference> scope; ///< the reference parsed, when it is valid
    std::optional<qint64> restrictedSeq;
    QHash<QString, qint64> releases; ///< release id -> the sequence at which the server first saw it
    QHash<QString, QJsonObject> releaseReferences; ///< release id -> the reference as its owner sent it
    QString ownerAgency; ///< the agency that brought the client to the server (empty before schema 4)

    ClientAuthority authority() const { return {ownerAgency, scope}; }
};

/// @brief What the server holds of one record before a change to it is applied: whose it is.
struct StoredRecord
{
    QString clientUuid; ///< the client it belongs to (empty for agency data)
    QString agencyCode; ///< the agency that entered it (empty before schema 4)
    QString operation; ///< insert, update, delete or restrict
};

/// @brief The lookups of one push batch, read with a few statements for the whole batch instead of
/// several per change (docs/sync-protocol.md, "Cost per change").
///
/// Valid only inside the batch's transaction, after its sequence numbers were reserved: that locks the
/// counter row, so no other writer changes these tables until commit. RecordStore records its own
/// writes here (markApplied, markWritten, the consent state it changes).
class BatchLookups
{
public:
    BatchLookups(ServerDatabase& db, QString deviceId, qint64 firstSeq)
        : m_db(db)
        , m_deviceId(std::move(deviceId))
        , m_nextSeq(firstSeq)
    {
    }

    /// Reads the applied keys, which records exist and the consent of @p clients in one go.
    Done load(const QStringList& keys, const QList<std::pair<QString, QString>>& records, const QStringList& clients);

    qint64 nextSeq() { return m_nextSeq++; }

    /// The stored result of @p key when this device sent it before (in an earlier batch or this one).
    std::optional<QString> appliedResult(const QString& key) const;
    void markApplied(const QString& key, const QString& storedResult) { m_applied.insert(key, storedResult); }

    /// True when the record is on no server row yet (read at load, minus what this batch wrote since).
    bool isNew(const QString& entity, const QString& uuid) const { return !m_stored.contains(entity + u'/' + uuid); }
    /// Whose the record is, as stored; nullptr when it is new.
    const StoredRecord* stored(const QString& entity, const QString& uuid) const;
    void markWritten(const QString& entity, const QString& uuid, StoredRecord record)
    {
        m_stored.insert(entity + u'/' + uuid, std::move(record));
    }

    /// The client's consent state; read now when load() did not cover the client. Stays valid for the batch.
    Expected<ClientConsentState*> consent(const QString& clientUuid);

private:
    Done loadConsent(const QStringList& clients);

    ServerDatabase& m_db;
    QString m_deviceId;
    qint64 m_nextSeq;
    QHash<QString, QString> m_applied;
    QHash<QString, StoredRecord> m_stored; ///< "entity/uuid" of the records that exist
    std::unordered_map<QString, ClientConsentState> m_consent; // node-based: pointers stay valid
};

/// The consent reference stored for a client parsed, or nothing when it does not validate.
std::optional<sync::ConsentReference> parseStoredScope(const QJsonObject& reference);

} // namespace hearth::server
