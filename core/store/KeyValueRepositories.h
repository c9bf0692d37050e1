#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace hearth {

class Store;

/// @brief Store-wide facts in `meta`: store id, agency, CoC code, recovery public key.
class MetaRepository
{
public:
    explicit MetaRepository(Store& store)
        : m_store(store)
    {
    }
    Result<QByteArray> get(const QString& key) const; ///< empty when unset
    Status set(const QString& key, const QByteArray& value);

private:
    Store& m_store;
};

/// @brief Agency settings (password policy, auto-lock, ...) as JSON values, inside the encrypted store.
class SettingsRepository
{
public:
    explicit SettingsRepository(Store& store)
        : m_store(store)
    {
    }
    Result<QJsonObject> get(const QString& key) const; ///< empty object when unset
    Status set(const QString& key, const QJsonObject& value, const QDateTime& at, const QString& by);

private:
    Store& m_store;
};

/// @brief Half-filled forms kept across a lock, per user, inside the encrypted store.
class DraftRepository
{
public:
    explicit DraftRepository(Store& store)
        : m_store(store)
    {
    }
    Status save(const QString& userUuid, const QString& form, const QJsonObject& content, const QDateTime& at);
    Result<QMap<QString, QJsonObject>> load(const QString& userUuid) const;
    Status remove(const QString& userUuid, const QString& form);

private:
    Store& m_store;
};

} // namespace hearth
