#include "core/store/AuditLog.h"

#include "core/crypto/Crypto.h"
#include "core/store/Store.h"

#include <QObject>
#include <QtEndian>

namespace hearth {

namespace {
constexpr int kHashBytes = 32;
const QString kHeadKey = QStringLiteral("audit_head");

QByteArray entryHash(const QByteArray& prevHash, const AuditEntry& e)
{
    QByteArray buf = prevHash;
    const auto field = [&buf](const QString& s) {
        const QByteArray utf8 = s.toUtf8();
        char len[4];
        qToBigEndian(static_cast<quint32>(utf8.size()), len);
        buf.append(len, 4).append(utf8);
    };
    field(QString::number(e.seq));
    field(e.at.toUTC().toString(Qt::ISODateWithMs));
    field(e.userLogin);
    field(e.action);
    field(e.recordType);
    field(e.recordUuid);
    field(e.detail);
    return crypto::sha256(buf);
}

QByteArray headValue(qint64 seq, const QByteArray& hash)
{
    char s[8];
    qToBigEndian(static_cast<quint64>(seq), s);
    return QByteArray(s, 8) + hash;
}

AuditEntry readEntry(const Statement& st)
{
    return {st.integer(0), QDateTime::fromString(st.text(1), Qt::ISODateWithMs),
            st.text(2),    st.text(3),
            st.text(4),    st.text(5),
            st.text(6)};
}
} // namespace

Status AuditLog::append(const AuditEntry& input)
{
    Database& db = m_store.db();
    AuditEntry e = input;
    QByteArray prev(kHashBytes, '\0');
    e.seq = 1;
    // Chain from the head kept in meta, not from the newest row: otherwise removing the newest
    // entries and then appending would silently close the gap they left.
    auto head = db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!head)
        return head.error();
    head->bind(1, kHeadKey);
    if (head->next()) {
        const QByteArray value = head->blob(0);
        if (value.size() == 8 + kHashBytes) {
            e.seq = static_cast<qint64>(qFromBigEndian<quint64>(value.constData())) + 1;
            prev = value.mid(8);
        }
    }
    if (!head->status())
        return head->status();
    auto newest = db.prepare(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!newest)
        return newest.error();
    if (newest->next() && newest->integer(0) >= e.seq) {
        // Rows past the head (no head yet, or rows added behind the log's back): chain after them.
        e.seq = newest->integer(0) + 1;
        prev = newest->blob(1);
    }
    if (!newest->status())
        return newest->status();
    // Millisecond precision is what is stored; hash what will be read back.
    e.at = QDateTime::fromString(e.at.toUTC().toString(Qt::ISODateWithMs), Qt::ISODateWithMs);
    const QByteArray hash = entryHash(prev, e);

    auto insert = db.prepare(QStringLiteral("INSERT INTO audit_log (seq, at, user_login, action, record_type, "
                                            "record_uuid, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)"));
    if (!insert)
        return insert.error();
    insert->bind(1, e.seq)
        .bind(2, e.at.toUTC().toString(Qt::ISODateWithMs))
        .bind(3, e.userLogin)
        .bind(4, e.action)
        .bind(5, e.recordType.isNull() ? QStringLiteral("") : e.recordType)
        .bind(6, e.recordUuid.isNull() ? QStringLiteral("") : e.recordUuid)
        .bind(7, e.detail.isNull() ? QStringLiteral("") : e.detail)
        .bind(8, prev)
        .bind(9, hash);
    if (auto st = insert->run(); !st)
        return st;
    // The head guards the tail: deleting the newest entries leaves it pointing past the end.
    auto meta = db.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    if (!meta)
        return meta.error();
    meta->bind(1, kHeadKey).bind(2, headValue(e.seq, hash));
    return meta->run();
}

Result<std::vector<AuditEntry>> AuditLog::query(const AuditFilter& f) const
{
    QString sql = QStringLiteral("SELECT seq, at, user_login, action, record_type, record_uuid, detail "
                                 "FROM audit_log WHERE 1=1");
    QVariantList args;
    if (!f.userLogin.isEmpty()) {
        sql += QStringLiteral(" AND user_login = ? COLLATE NOCASE");
        args << f.userLogin;
    }
    if (!f.action.isEmpty()) {
        if (f.action.endsWith(u'.')) {
            sql += QStringLiteral(" AND substr(action, 1, ?) = ?");
            args << f.action.size() << f.action;
        } else {
            sql += QStringLiteral(" AND action = ?");
            args << f.action;
        }
    }
    if (!f.recordUuid.isEmpty()) {
        sql += QStringLiteral(" AND record_uuid = ?");
        args << f.recordUuid;
    }
    if (f.from.isValid()) {
        sql += QStringLiteral(" AND at >= ?");
        args << f.from.toUTC().toString(Qt::ISODateWithMs);
    }
    if (f.to.isValid()) {
        sql += QStringLiteral(" AND at < ?");
        args << f.to.toUTC().toString(Qt::ISODateWithMs);
    }
    sql += QStringLiteral(" ORDER BY seq DESC LIMIT ?");
    args << f.limit;

    auto st = m_store.db().prepare(sql);
    if (!st)
        return st.error();
    for (int i = 0; i < args.size(); ++i)
        st->bind(i + 1, args.at(i));
    std::vector<AuditEntry> out;
    while (st->next())
        out.push_back(readEntry(*st));
    if (!st->status())
        return st->status().error();
    return out;
}

namespace {
Result<QStringList> distinct(Store& store, const QString& column)
{
    auto st = store.db().prepare(QStringLiteral("SELECT DISTINCT %1 FROM audit_log ORDER BY 1").arg(column));
    if (!st)
        return st.error();
    QStringList out;
    while (st->next())
        out << st->text(0);
    if (!st->status())
        return st->status().error();
    return out;
}
} // namespace

Result<QStringList> AuditLog::distinctUsers() const
{
    return distinct(m_store, QStringLiteral("user_login"));
}

Result<QStringList> AuditLog::distinctActions() const
{
    return distinct(m_store, QStringLiteral("action"));
}

Result<AuditVerification> AuditLog::verify() const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT seq, at, user_login, action, record_type, record_uuid, "
                                                  "detail, prev_hash, hash FROM audit_log ORDER BY seq"));
    if (!st)
        return st.error();
    AuditVerification v;
    QByteArray prev(kHashBytes, '\0');
    qint64 expectedSeq = 1;
    const auto broken = [&v](qint64 seq, QString problem) {
        v.intact = false;
        v.firstBrokenSeq = seq;
        v.problem = std::move(problem);
        return v;
    };
    while (st->next()) {
        const AuditEntry e = readEntry(*st);
        if (e.seq != expectedSeq)
            return broken(expectedSeq, QObject::tr("Entry %1 is missing.").arg(expectedSeq));
        if (st->blob(7) != prev)
            return broken(e.seq, QObject::tr("Entry %1 does not follow the entry before it.").arg(e.seq));
        const QByteArray hash = entryHash(prev, e);
        if (st->blob(8) != hash)
            return broken(e.seq, QObject::tr("Entry %1 was changed after it was written.").arg(e.seq));
        prev = hash;
        ++expectedSeq;
        ++v.entriesChecked;
    }
    if (!st->status())
        return st->status().error();

    auto head = m_store.db().prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!head)
        return head.error();
    head->bind(1, kHeadKey);
    const QByteArray expectedHead = v.entriesChecked ? headValue(expectedSeq - 1, prev) : QByteArray();
    const QByteArray storedHead = head->next() ? head->blob(0) : QByteArray();
    if (storedHead != expectedHead)
        return broken(expectedSeq, QObject::tr("Entries after %1 were removed.").arg(expectedSeq - 1));
    return v;
}

Result<AuditAnchor> AuditLog::head() const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!st)
        return st.error();
    AuditAnchor anchor;
    if (st->next())
        anchor = {st->integer(0), QString::fromLatin1(st->blob(1).toHex())};
    if (!st->status())
        return st->status().error();
    return anchor;
}

Result<std::optional<QString>> AuditLog::hashAt(qint64 seq) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"));
    if (!st)
        return st.error();
    st->bind(1, seq);
    std::optional<QString> hash;
    if (st->next())
        hash = QString::fromLatin1(st->blob(0).toHex());
    if (!st->status())
        return st->status().error();
    return hash;
}

} // namespace hearth
