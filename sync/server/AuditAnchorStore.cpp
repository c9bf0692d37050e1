#include "sync/server/AuditAnchorStore.h"

#include "sync/protocol/Protocol.h"
#include "sync/server/ServerDatabase.h"

namespace hearth::server::audit_anchors {

Expected<std::optional<StoredAuditAnchor>> load(ServerDatabase& db, const QString& deviceId)
{
    auto read = db.exec(u"SELECT seq, hash FROM device_audit_anchors WHERE device_id = ?"_qs, {deviceId});
    if (auto* failed = failureOf(read))
        return *failed;
    QSqlQuery& row = *std::get<QSqlQuery*>(read);
    if (!row.next())
        return std::optional<StoredAuditAnchor>();
    return std::optional<StoredAuditAnchor>(StoredAuditAnchor {row.value(0).toLongLong(), row.value(1).toString()});
}

Done keep(ServerDatabase& db, const Caller& caller, const StoredAuditAnchor& anchor, const QDateTime& now)
{
    return db.transaction([&]() -> Done {
        auto stored = load(db, caller.deviceId);
        if (auto* failed = failureOf(stored))
            return *failed;
        const auto& before = std::get<std::optional<StoredAuditAnchor>>(stored);
        const QString at = now.toUTC().toString(Qt::ISODateWithMs);
        if (before) {
            if (before->seq == anchor.seq && before->hash == anchor.hash)
                return std::nullopt;
            if (anchor.seq <= before->seq) {
                return Failure {sync::error_code::AuditAnchorConflict,
                                QStringLiteral("This workstation's audit log no longer extends what it reported at "
                                               "entry %1.")
                                    .arg(before->seq)};
            }
            auto updated = db.exec(u"UPDATE device_audit_anchors SET seq = ?, hash = ?, received_at = ? "
                                   "WHERE device_id = ?"_qs,
                                   {anchor.seq, anchor.hash, at, caller.deviceId});
            if (auto* failed = failureOf(updated))
                return *failed;
            return std::nullopt;
        }
        auto inserted = db.exec(u"INSERT INTO device_audit_anchors (device_id, seq, hash, received_at) "
                                "VALUES (?, ?, ?, ?)"_qs,
                                {caller.deviceId, anchor.seq, anchor.hash, at});
        if (auto* failed = failureOf(inserted))
            return *failed;
        return std::nullopt;
    });
}

} // namespace hearth::server::audit_anchors
