#include "core/services/AuditAnchors.h"

#include "core/store/AuditLog.h"
#include "core/store/KeyValueRepositories.h"
#include "core/store/Store.h"
#include "core/vault/Locked.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace hearth {

namespace {
const QString kConfirmedKey = QStringLiteral("audit_anchor_confirmed");
const QString kProblemKey = QStringLiteral("audit_anchor_problem");

} // namespace

Result<std::optional<QString>> anchorProblem(const AuditLog& log, const AuditAnchor& serverSaw)
{
    if (serverSaw.seq <= 0)
        return std::optional<QString>();
    auto hash = log.hashAt(serverSaw.seq);
    if (!hash)
        return hash.error();
    if (!*hash)
        return std::optional<QString>(
            QObject::tr("The audit log ends before entry %1, which the server saw at a sync: entries were removed.")
                .arg(serverSaw.seq));
    if ((*hash)->compare(serverSaw.hash, Qt::CaseInsensitive) != 0)
        return std::optional<QString>(
            QObject::tr("Entry %1 of the audit log is not the one the server saw at a sync: the log was rewritten.")
                .arg(serverSaw.seq));
    return std::optional<QString>();
}

Result<AuditAnchor> AuditAnchors::head() const
{
    if (auto st = m_vault.requireSignedIn(); !st)
        return st.error();
    return AuditLog(m_vault.openStore().store()).head();
}

Result<std::optional<QString>> AuditAnchors::check(const AuditAnchor& serverSaw)
{
    if (auto st = m_vault.requireSignedIn(); !st)
        return st.error();
    // Once found, it stays: the server keeps its old anchor (no new one is sent), so a rewritten chain is
    // never laundered by the syncs that follow.
    auto before = problem();
    if (!before)
        return before.error();
    if (!before->isEmpty())
        return std::optional<QString>(*before);
    auto found = anchorProblem(AuditLog(m_vault.openStore().store()), serverSaw);
    if (!found || !*found)
        return found;
    Status st = m_vault.openStore().write([&]() -> Status {
        if (auto kept = MetaRepository(m_vault.openStore().store()).set(kProblemKey, (*found)->toUtf8()); !kept)
            return kept;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::AuditAnchorMismatch), {}, {},
                                               QStringLiteral("entry %1").arg(serverSaw.seq));
    });
    if (!st)
        return st.error();
    return found;
}

Result<std::optional<AuditAnchor>> AuditAnchors::lastConfirmed() const
{
    if (auto st = m_vault.requireSignedIn(); !st)
        return st.error();
    auto stored = MetaRepository(m_vault.openStore().store()).get(kConfirmedKey);
    if (!stored)
        return stored.error();
    if (stored->isEmpty())
        return std::optional<AuditAnchor>();
    const QJsonObject json = QJsonDocument::fromJson(*stored).object();
    return std::optional<AuditAnchor>(AuditAnchor {json.value(u"seq").toInteger(), json.value(u"hash").toString()});
}

Status AuditAnchors::keepConfirmed(const AuditAnchor& anchor)
{
    if (auto st = m_vault.requireSignedIn(); !st)
        return st;
    const QByteArray json = QJsonDocument(QJsonObject {{u"seq"_qs, anchor.seq}, {u"hash"_qs, anchor.hash}})
                                .toJson(QJsonDocument::Compact);
    return m_vault.openStore().write(
        [&] { return MetaRepository(m_vault.openStore().store()).set(kConfirmedKey, json); });
}

Result<QString> AuditAnchors::problem() const
{
    if (auto st = m_vault.requireSignedIn(); !st)
        return st.error();
    auto stored = MetaRepository(m_vault.openStore().store()).get(kProblemKey);
    if (!stored)
        return stored.error();
    return QString::fromUtf8(*stored);
}

} // namespace hearth
