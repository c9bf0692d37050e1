// SyncEngine's pipelining: the next push batch is read, reviewed and checked while the server applies the
// one in flight, so the workstation and the server work at the same time (docs/sync.md, "Figures").
#include "client/SyncEngine.h"
#include "session/SyncState.h"

#include <QNetworkReply>

namespace hearth::sync {

void SyncEngine::prepareAhead()
{
    // Only while a batch is with the server, and only one ahead. Whatever goes wrong here is not reported:
    // pushNextBatch() then reads the batch the ordinary way, which reports it.
    if (m_phase != Phase::Pushing || !m_reply || m_ahead)
        return;
    auto changes = SyncState(m_vault).changesAfter(m_batchThrough, m_settings.batchSize);
    if (!changes || changes->empty())
        return;
    auto batch = serialize(*changes, {});
    if (!batch)
        return;
    QString refusal;
    if (auto passes = passesSecondCheck(*batch, &refusal); !passes || !*passes)
        return;
    body_encoding::Encoded request = pushBody(*batch);
    m_ahead = AheadBatch {std::move(batch).value(), m_batchThrough, changes->back().seq, qint64(changes->size()),
                          std::move(request)};
    Q_EMIT batchPreparedAhead();
}

std::optional<SyncEngine::AheadBatch> SyncEngine::takeAhead(qint64 cursor)
{
    std::optional<AheadBatch> ahead = std::exchange(m_ahead, std::nullopt);
    if (!ahead || ahead->after != cursor)
        return std::nullopt;
    // It was serialized before the batch in front of it was answered: a record both carry takes the version
    // just answered, as a fresh read would give (only pushes change these versions during a push phase).
    for (Change& change : ahead->batch.changes)
        if (auto v = m_answeredVersions.constFind(change.uuid); v != m_answeredVersions.cend()) {
            change.baseVersion = *v;
            ahead->request = {}; // no longer what was encoded
        }
    // Consent may have changed while it waited (the UI runs between replies): the second check again, now.
    // A batch that fails it is prepared again from scratch, which withholds the client or reports it.
    QString refusal;
    if (auto passes = passesSecondCheck(ahead->batch, &refusal); !passes || !*passes)
        return std::nullopt;
    return ahead;
}

bool SyncEngine::sendAhead(qint64 after)
{
    auto ahead = takeAhead(after);
    if (!ahead)
        return false;
    if (ahead->batch.changes.empty()) {
        m_ahead = std::move(ahead); // all withheld: pushNextBatch() moves past it without a request
        return false;
    }
    m_batch = std::move(ahead->batch);
    m_batchThrough = ahead->through;
    m_batchRows = ahead->rows;
    sendBatch(std::move(ahead->request));
    return true;
}

} // namespace hearth::sync
