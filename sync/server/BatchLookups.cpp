#include "sync/server/BatchLookups.h"

#include "sync/server/ServerDatabase.h"

#include <QJsonDocument>

namespace hearth::server {

namespace {

/// Ids per IN list. A short last list is padded with its last id, so every lookup is one of a few
/// prepared statements.
constexpr qsizetype kIdsPerStatement = 100;

QString inList()
{
    QString list = u"(?"_qs;
    for (qsizetype i = 1; i < kIdsPerStatement; ++i)
        list += u", ?";
    return list + u')';
}

/// Runs @p sql (its last placeholder list is inList()) for @p ids in chunks; @p prefix binds first.
template<typename RowFn>
Done forChunks(ServerDatabase& db, const QString& sql, const QVariantList& prefix, const QStringList& ids, RowFn onRow)
{
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerStatement) {
        QVariantList bindings = prefix;
        for (qsizetype i = 0; i < kIdsPerStatement; ++i)
            bindings << ids.at(std::min(from + i, ids.size() - 1));
        auto rows = db.exec(sql, bindings);
        if (auto* failed = failureOf(rows))
            return *failed;
        for (QSqlQuery& row = (*std::get<QSqlQuery*>(rows)); row.next();)
            onRow(row);
    }
    return std::nullopt;
}

} // namespace

std::optional<sync::ConsentReference> parseStoredScope(const QJsonObject& reference)
{
    auto validated = sync::validateConsentReference({{u"Consent"_qs, reference}});
    if (auto* ref = std::get_if<sync::ConsentReference>(&validated))
        return *ref;
    return std::nullopt;
}

Done BatchLookups::load(const QStringList& keys, const QList<std::pair<QString, QString>>& records,
                        const QStringList& clients)
{
    static const QString keysSql
        = u"SELECT change_key, result FROM applied_keys WHERE device_id = ? AND change_key IN "_qs + inList();
    if (Done failed = forChunks(m_db, keysSql, {m_deviceId}, keys, [&](QSqlQuery& row) {
            m_applied.insert(row.value(0).toString(), row.value(1).toString());
        }))
        return failed;

    // Grouped by entity, so each lookup walks the (entity, uuid) primary key.
    QHash<QString, QStringList> byEntity;
    for (const auto& [entity, uuid] : records)
        byEntity[entity] << uuid;
    static const QString recordsSql
        = u"SELECT uuid, client_uuid, agency_code, operation FROM records WHERE entity = ? AND uuid IN "_qs + inList();
    for (auto it = byEntity.cbegin(); it != byEntity.cend(); ++it) {
        if (Done failed = forChunks(m_db, recordsSql, {it.key()}, it.value(), [&](QSqlQuery& row) {
                m_stored.insert(it.key() + u'/' + row.value(0).toString(),
                                {row.value(1).toString(), row.value(2).toString(), row.value(3).toString()});
            }))
            return failed;
    }
    return loadConsent(clients);
}

std::optional<QString> BatchLookups::appliedResult(const QString& key) const
{
    if (auto it = m_applied.constFind(key); it != m_applied.cend())
        return *it;
    return std::nullopt;
}

const StoredRecord* BatchLookups::stored(const QString& entity, const QString& uuid) const
{
    auto it = m_stored.constFind(entity + u'/' + uuid);
    return it == m_stored.cend() ? nullptr : &*it;
}

Expected<ClientConsentState*> BatchLookups::consent(const QString& clientUuid)
{
    if (m_consent.find(clientUuid) == m_consent.end())
        if (Done failed = loadConsent({clientUuid}))
            return *failed;
    return &m_consent[clientUuid];
}

Done BatchLookups::loadConsent(const QStringList& clients)
{
    QStringList missing;
    for (const QString& client : clients)
        if (m_consent.try_emplace(client).second)
            missing << client;
    static const QString consentSql
        = u"SELECT client_uuid, reference, restricted_seq, owner_agency FROM client_consent WHERE client_uuid IN "_qs
        + inList();
    if (Done failed = forChunks(m_db, consentSql, {}, missing, [&](QSqlQuery& row) {
            ClientConsentState& state = m_consent[row.value(0).toString()];
            state.known = true;
            state.reference = QJsonDocument::fromJson(row.value(1).toString().toUtf8()).object();
            state.scope = parseStoredScope(state.reference);
            if (!row.value(2).isNull())
                state.restrictedSeq = row.value(2).toLongLong();
            state.ownerAgency = row.value(3).toString();
        }))
        return failed;
    static const QString releasesSql
        = u"SELECT client_uuid, release_id, first_seen_seq, reference FROM client_releases WHERE client_uuid IN "_qs
        + inList();
    return forChunks(m_db, releasesSql, {}, missing, [&](QSqlQuery& row) {
        ClientConsentState& state = m_consent[row.value(0).toString()];
        state.releases.insert(row.value(1).toString(), row.value(2).toLongLong());
        if (!row.value(3).isNull())
            state.releaseReferences.insert(row.value(1).toString(),
                                           QJsonDocument::fromJson(row.value(3).toString().toUtf8()).object());
    });
}

} // namespace hearth::server
