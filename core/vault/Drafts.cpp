#include "core/vault/Drafts.h"

#include "core/store/KeyValueRepositories.h"
#include "core/store/Store.h"
#include "core/vault/Locked.h"
#include "core/vault/OpenStore.h"

#include <QObject>

namespace hearth {

Status Drafts::save(const QString& form, const QJsonObject& content)
{
    if (!m_store.isOpen() || !m_store.user())
        return lockedError();
    return DraftRepository(m_store.store()).save(m_store.user()->uuid, form, content, m_store.clock().now());
}

Result<QMap<QString, QJsonObject>> Drafts::take()
{
    if (!m_store.isOpen() || !m_store.user())
        return lockedError();
    const QString userUuid = m_store.user()->uuid;
    DraftRepository drafts(m_store.store());
    auto loaded = drafts.load(userUuid);
    if (!loaded)
        return loaded;
    Status st = m_store.write([&]() -> Status {
        for (auto it = loaded->cbegin(); it != loaded->cend(); ++it)
            if (auto r = drafts.remove(userUuid, it.key()); !r)
                return r;
        return {};
    });
    if (!st)
        return st.error();
    return loaded;
}

} // namespace hearth
