#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace hearth {

class OpenStore;

/// @brief Forms a user was filling in when the vault locked, kept in the store until they sign in again.
///
/// Drafts belong to the signed-in user; take() hands them back once and deletes them.
class Drafts
{
public:
    explicit Drafts(OpenStore& store)
        : m_store(store)
    {
    }

    Status save(const QString& form, const QJsonObject& content);
    /// Returns and deletes this user's drafts.
    Result<QMap<QString, QJsonObject>> take();

private:
    OpenStore& m_store;
};

} // namespace hearth
