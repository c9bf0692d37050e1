// PushPipeline's pipelining: the next push batch is read, reviewed and checked while the server applies the
// one in flight, so the workstation and the server work at the same time (docs/sync.md, "Figures").
#include "core/services/ConsentRecords.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/Vault.h"
#include "sync/client/PushPipeline.h"
#include "sync/client/SyncChannel.h"
#include "sync/client/SyncSettings.h"

namespace hearth::sync {

void PushPipeline::prepareAhead()
{
    // Only while a batch is with the server, and only one ahead. Whatever goes wrong here is not reported:
    // pushNextBatch() then reads the batch the ordinary way, which reports it.
    if (m_stage != Stage::Pushing || !m_channel.busy() || m_ahead)
        return;
    const QDate today = m_vault.clock().today();
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
    m_ahead = AheadBatch {std::move(batch).value(), m_batchThrough,     changes->back().seq,
                          qint64(changes->size()),  std::move(request), today};
    Q_EMIT batchPreparedAhead();
}

std::optional<PushPipeline::AheadBatch> PushPipeline::takeAhead(qint64 cursor)
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
    // Consent may have changed while it waited (the UI runs between replies): a batch the gate would now
    // decide otherwise (a narrower release, a revocation, a new day) is prepared again from scratch, which
    // reduces or withholds the client, or reports them. Then the second check again, now.
    if (auto same = gateUnchanged(*ahead); !same || !*same)
        return std::nullopt;
    QString refusal;
    if (auto passes = passesSecondCheck(ahead->batch, &refusal); !passes || !*passes)
        return std::nullopt;
    return ahead;
}

Result<bool> PushPipeline::gateUnchanged(const AheadBatch& ahead)
{
    if (ahead.preparedOn != m_vault.clock().today())
        return false;
    QStringList clients;
    for (const QString& client : std::as_const(ahead.batch.clients))
        if (!client.isEmpty() && !clients.contains(client))
            clients << client;
    auto statuses = ConsentRecords(m_vault).statuses(clients);
    if (!statuses)
        return statuses.error();
    for (size_t i = 0; i < ahead.batch.changes.size(); ++i) {
        const QString client = ahead.batch.clients.value(qsizetype(i));
        if (client.isEmpty())
            continue;
        const auto status = statuses->constFind(client);
        const QString carried
            = ahead.batch.changes[i].fields.value(u"Consent").toObject().value(u"ReleaseID").toString();
        if (status == statuses->cend() || !status->current || status->current->uuid != carried)
            return false;
    }
    return true;
}

bool PushPipeline::sendAhead(qint64 after)
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
