#pragma once

#include "sync/client/SyncFailure.h"
#include "sync/protocol/Messages.h"

#include <QObject>

#include <vector>

namespace hearth {
class Vault;
}

namespace hearth::sync {

class SyncChannel;
struct SyncSettings;

/// @brief The pull phase of a sync: after the change log and re-deliveries went up, it pages through what
/// the server holds for this agency since the stored cursor and hands each page to core's SyncInbox, which
/// applies it in one transaction with the cursor. Then the open conflicts the server lists (the last page's
/// and, when there are more, the pages of /conflicts) replace the local list. It only receives: nothing
/// leaves the workstation here but the cursor and the conflicts cursor.
class PullPipeline : public QObject
{
    Q_OBJECT
public:
    PullPipeline(Vault& vault, SyncChannel& channel, const SyncSettings& settings, QObject* parent = nullptr);

    /// A new sync: nothing pulled yet.
    void reset() { m_pulled = 0; }
    /// Keeps @p pushConflicts (what push replies reported), then pulls; ends with done() or failed().
    void start(const std::vector<FieldConflict>& pushConflicts);
    /// Records received in this sync.
    qint64 pulledCount() const { return m_pulled; }

Q_SIGNALS:
    /// Records were applied to the local store (@p count this sync so far).
    void pulled(qint64 count);
    void conflictsChanged();
    void done();
    void failed(const hearth::sync::SyncFailure& failure);

private:
    void pullNextPage();
    void onPulled(const QJsonObject& reply);
    /// The open conflicts after @p cursor, when the last page said there are more than it carried.
    void pullConflictsAfter(const QString& cursor);
    /// The open conflicts listed in this pull (every page of them) replace the local list.
    void finishPull();
    void fail(SyncFailure::Kind kind, const QString& code, const QString& message, bool reachedServer);

    Vault& m_vault;
    SyncChannel& m_channel;
    const SyncSettings& m_settings;
    qint64 m_pullSince = 0; ///< the cursor the page in flight was asked from
    qint64 m_pulled = 0; ///< records received in this sync
    std::vector<FieldConflict> m_listedConflicts; ///< the open conflicts the server listed in this pull
};

} // namespace hearth::sync
