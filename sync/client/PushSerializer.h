#pragma once

#include "core/common/Result.h"
#include "core/consent/ConsentPolicy.h"
#include "core/types/ChangeRecord.h"
#include "core/types/SyncTypes.h"
#include "sync/protocol/Messages.h"

#include <QHash>
#include <QString>

#include <vector>

namespace hearth::sync {

/// @brief What one batch of the change log becomes: the protocol changes to send and what they imply.
struct SerializedBatch
{
    std::vector<Change> changes;
    /// The client of each change, in the same order (empty for a delete, which carries only its
    /// consent reference).
    QStringList clients;
    /// The change-log row each change came from, in the same order.
    std::vector<qint64> sequences;
    int withheld = 0; ///< rows the consent policy kept on this workstation (not an error)
    /// Releases in this batch that widen what the server may hold: their clients' records go again.
    std::vector<Redelivery> newReleases;
};

/// @brief Turns the consent gate's answers into protocol changes, then checks them a second time.
///
/// serialize() takes ONLY ConsentGate::review(changes, Audience::centralServer()) output: a withheld
/// record is skipped; an allowed one is sent in the form and with the fields the policy chose.
/// verify() is the second, independent check: it does not trust the policy's answer and refuses the
/// whole batch when any change carries a no-sharing marker (the protocol library's check, the one the
/// server runs too), lacks a consent reference that may leave, identifies an Anonymous client, or
/// belongs to a client that the store's own consent lookup says does not share.
class PushSerializer
{
public:
    explicit PushSerializer(QString deviceId)
        : m_deviceId(std::move(deviceId))
    {
    }

    /// @p disclosures: the gate's answers for @p changes, same order. @p baseVersions: server versions
    /// known for the records (absent: 0, a new record). @p keySuffix: empty for a push; a re-delivery
    /// gives the release it goes under, so its idempotency keys are new.
    Result<SerializedBatch> serialize(const std::vector<ChangeRecord>& changes,
                                      const std::vector<Disclosure>& disclosures,
                                      const QHash<QString, qint64>& baseVersions, const QDateTime& now,
                                      const QString& keySuffix = {}) const;

    /// The second check. @p statuses: ConsentRecords::statuses() of every client in @p batch, looked up
    /// independently of the gate. An error (nothing may be sent) when any change fails it; the message
    /// names no client and no value.
    static Status verify(const SerializedBatch& batch, const QHash<QString, ConsentStatus>& statuses);

    /// Names in `resolves` the conflict each change settles (@p resolutions: change-log row to conflict id,
    /// SyncInbox::resolutionsFor of batch.sequences).
    static void markResolutions(SerializedBatch& batch, const QHash<qint64, QString>& resolutions);

    /// The idempotency key of change-log row @p seq.
    QString keyOf(qint64 seq, const QString& keySuffix = {}) const;

private:
    QString m_deviceId;
};

} // namespace hearth::sync
