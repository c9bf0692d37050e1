#include "core/vault/SearchIndex.h"

#include "core/search/DuplicateIndex.h"
#include "core/services/ClientSearch.h"
#include "core/store/ClientRepository.h"
#include "core/store/Store.h"
#include "core/vault/Locked.h"
#include "core/vault/OpenStore.h"

#include <QObject>

namespace hearth {

SearchIndex::SearchIndex(OpenStore& store)
    : m_store(store)
{
}

SearchIndex::~SearchIndex() = default;

Result<DuplicateIndex*> SearchIndex::index()
{
    if (!m_store.isOpen())
        return lockedError();
    if (!m_index) {
        auto index = std::make_unique<DuplicateIndex>();
        Status st
            = ClientRepository(m_store.store()).forEachSearchPerson([&](const SearchPerson& p) { index->upsert(p); });
        if (!st)
            return st.error();
        m_index = std::move(index);
    }
    return m_index.get();
}

void SearchIndex::add(const ClientProfile& client)
{
    if (m_index)
        m_index->upsert(ClientSearch::searchPersonOf(client));
}

void SearchIndex::remove(const QString& uuid)
{
    if (m_index)
        m_index->remove(uuid);
}

void SearchIndex::drop()
{
    m_index.reset();
}

} // namespace hearth
