#include "sync/client/PullPipeline.h"

#include "core/syncstate/SyncInbox.h"
#include "core/vault/Vault.h"
#include "sync/client/EngineCodes.h"
#include "sync/client/SyncChannel.h"
#include "sync/client/SyncSettings.h"
#include "sync/protocol/Protocol.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QUrlQuery>

namespace hearth::sync {

namespace {
Q_LOGGING_CATEGORY(lcPull, "hearth.sync.pull")

hearth::ConflictSide toCore(const sync::ConflictSide& side)
{
    return {side.by, side.workstation, side.agency, QDateTime::fromString(side.at, Qt::ISODateWithMs), side.thisDevice};
}

std::vector<SyncConflict> toCore(const std::vector<FieldConflict>& conflicts)
{
    std::vector<SyncConflict> out;
    out.reserve(conflicts.size());
    for (const FieldConflict& c : conflicts) {
        SyncConflict core;
        core.conflictId = c.conflictId;
        core.entity = c.entity;
        core.entityUuid = c.uuid;
        core.field = c.field;
        core.serverValue = c.serverValue;
        core.deviceValue = c.deviceValue;
        core.serverSide = toCore(c.serverSide);
        core.deviceSide = toCore(c.deviceSide);
        out.push_back(std::move(core));
    }
    return out;
}
} // namespace

PullPipeline::PullPipeline(Vault& vault, SyncChannel& channel, const SyncSettings& settings, QObject* parent)
    : QObject(parent)
    , m_vault(vault)
    , m_channel(channel)
    , m_settings(settings)
{
}

void PullPipeline::fail(SyncFailure::Kind kind, const QString& code, const QString& message, bool reachedServer)
{
    Q_EMIT failed(SyncFailure {kind, code, message, reachedServer});
}

void PullPipeline::start(const std::vector<FieldConflict>& pushConflicts)
{
    SyncInbox inbox(m_vault);
    // Conflicts the pushes reported are kept even if the pull below fails.
    auto added = inbox.addConflicts(toCore(pushConflicts));
    if (!added) {
        fail(SyncFailure::Kind::Final, engine_code::Store, added.error().message, true);
        return;
    }
    if (*added)
        Q_EMIT conflictsChanged();
    if (auto st = inbox.clearDeliveredResolutions(); !st) {
        fail(SyncFailure::Kind::Final, engine_code::Store, st.error().message, true);
        return;
    }
    auto cursor = inbox.pullCursor();
    if (!cursor) {
        fail(SyncFailure::Kind::Final, engine_code::Store, cursor.error().message, true);
        return;
    }
    m_pullSince = *cursor;
    pullNextPage();
}

void PullPipeline::pullNextPage()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("since"), QString::number(m_pullSince));
    query.addQueryItem(QStringLiteral("limit"),
                       QString::number(std::clamp(m_settings.pullLimit, 1, protocol::kMaxPullLimit)));
    m_channel.get(protocol::apiPath("pull") + u'?' + query.toString(QUrl::FullyEncoded),
                  [this](const QJsonObject& body) { onPulled(body); });
}

void PullPipeline::onPulled(const QJsonObject& body)
{
    auto parsed = PullReply::fromJson(body);
    const auto malformed = [this](const char* why) {
        qCWarning(lcPull) << "pull: malformed reply:" << why;
        fail(SyncFailure::Kind::Transient, engine_code::Malformed,
             tr("The server's answer could not be read. Records already received are kept; Hearth will try again."),
             true);
    };
    if (std::holds_alternative<ParseError>(parsed))
        return malformed("shape");
    const PullReply& reply = std::get<PullReply>(parsed);
    if (reply.more && reply.cursor <= m_pullSince)
        return malformed("cursor did not advance");
    std::vector<InboundRecord> records;
    records.reserve(reply.changes.size());
    for (const PulledChange& c : reply.changes)
        records.push_back({c.serverSeq, c.entity, c.uuid, c.operation, c.fields, c.version});
    SyncInbox inbox(m_vault);
    auto outcome = inbox.applyPage(records, std::max(reply.cursor, m_pullSince));
    if (!outcome) {
        fail(SyncFailure::Kind::Final, engine_code::Store, outcome.error().message, true);
        return;
    }
    qCInfo(lcPull) << "pulled page:" << outcome->applied << "applied," << outcome->unchanged << "unchanged,"
                   << outcome->keptLocal << "kept local," << outcome->ignored << "ignored," << outcome->dropped
                   << "dropped," << outcome->waiting << "waiting," << outcome->failed << "refused";
    m_pullSince = std::max(reply.cursor, m_pullSince);
    m_pulled += outcome->received();
    Q_EMIT pulled(m_pulled);
    if (reply.more) {
        QTimer::singleShot(0, this, &PullPipeline::pullNextPage);
        return;
    }
    // The last page lists the open conflicts this agency may see, the first 200 of them; the rest come from
    // /conflicts, a page at a time. All of them together are the current list.
    m_listedConflicts = reply.conflicts;
    if (reply.conflictsMore) {
        pullConflictsAfter(reply.conflictsCursor);
        return;
    }
    finishPull();
}

void PullPipeline::pullConflictsAfter(const QString& cursor)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), cursor);
    query.addQueryItem(QStringLiteral("limit"), QString::number(protocol::kMaxConflictsPage));
    m_channel.get(protocol::apiPath("conflicts") + u'?' + query.toString(QUrl::FullyEncoded),
                  [this, cursor](const QJsonObject& body) {
                      auto parsed = ConflictsPage::fromJson(body);
                      const ConflictsPage* page = std::get_if<ConflictsPage>(&parsed);
                      if (!page || (page->more && page->cursor == cursor)) {
                          qCWarning(lcPull) << "conflicts: malformed reply";
                          fail(SyncFailure::Kind::Transient, engine_code::Malformed,
                               tr("The server's answer could not be read. Records already received are kept; "
                                  "Hearth will try again."),
                               true);
                          return;
                      }
                      m_listedConflicts.insert(m_listedConflicts.end(), page->conflicts.begin(), page->conflicts.end());
                      if (page->more) {
                          QTimer::singleShot(0, this, [this, next = page->cursor] { pullConflictsAfter(next); });
                          return;
                      }
                      finishPull();
                  });
}

void PullPipeline::finishPull()
{
    auto changed = SyncInbox(m_vault).replaceConflicts(toCore(m_listedConflicts));
    m_listedConflicts.clear();
    if (!changed) {
        fail(SyncFailure::Kind::Final, engine_code::Store, changed.error().message, true);
        return;
    }
    if (*changed)
        Q_EMIT conflictsChanged();
    Q_EMIT done();
}

} // namespace hearth::sync
