#include "core/store/KeyValueRepositories.h"

#include "core/store/Store.h"

#include <QJsonDocument>

namespace hearth {

namespace {
QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QJsonObject parse(const QString& s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}
} // namespace

Result<QByteArray> MetaRepository::get(const QString& key) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!st)
        return st.error();
    st->bind(1, key);
    if (st->next())
        return st->blob(0);
    if (!st->status())
        return st->status().error();
    return QByteArray();
}

Status MetaRepository::set(const QString& key, const QByteArray& value)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    if (!st)
        return st.error();
    st->bind(1, key).bind(2, value);
    return st->run();
}

Result<QJsonObject> SettingsRepository::get(const QString& key) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    if (!st)
        return st.error();
    st->bind(1, key);
    if (st->next())
        return parse(st->text(0));
    if (!st->status())
        return st->status().error();
    return QJsonObject();
}

Status SettingsRepository::set(const QString& key, const QJsonObject& value, const QDateTime& at, const QString& by)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value, updated_at, "
                                                  "updated_by) VALUES (?,?,?,?)"));
    if (!st)
        return st.error();
    st->bind(1, key).bind(2, compact(value)).bind(3, at.toUTC().toString(Qt::ISODateWithMs)).bind(4, by);
    return st->run();
}

Status DraftRepository::save(const QString& userUuid, const QString& form, const QJsonObject& content,
                             const QDateTime& at)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT OR REPLACE INTO drafts (user_uuid, form, content, "
                                                  "saved_at) VALUES (?,?,?,?)"));
    if (!st)
        return st.error();
    st->bind(1, userUuid).bind(2, form).bind(3, compact(content)).bind(4, at.toUTC().toString(Qt::ISODateWithMs));
    return st->run();
}

Result<QMap<QString, QJsonObject>> DraftRepository::load(const QString& userUuid) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT form, content FROM drafts WHERE user_uuid = ?"));
    if (!st)
        return st.error();
    st->bind(1, userUuid);
    QMap<QString, QJsonObject> out;
    while (st->next())
        out.insert(st->text(0), parse(st->text(1)));
    if (!st->status())
        return st->status().error();
    return out;
}

Status DraftRepository::remove(const QString& userUuid, const QString& form)
{
    auto st = m_store.db().prepare(QStringLiteral("DELETE FROM drafts WHERE user_uuid = ? AND form = ?"));
    if (!st)
        return st.error();
    st->bind(1, userUuid).bind(2, form);
    return st->run();
}

} // namespace hearth
