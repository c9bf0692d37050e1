#pragma once

#include "core/common/Result.h"

#include <QString>

#include <memory>

namespace hearth {

class OpenStore;
class DuplicateIndex;
struct ClientProfile;

/// @brief Client names in memory for duplicate checks and search, only while the vault is unlocked.
///
/// Built from the store on first use, kept in step with every committed client write (add/remove are
/// no-ops before it is built), and dropped when the vault locks so no names stay in memory.
class SearchIndex
{
public:
    explicit SearchIndex(OpenStore& store);
    ~SearchIndex();
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    /// The index, built on first use.
    Result<DuplicateIndex*> index();
    void add(const ClientProfile& client);
    void remove(const QString& uuid);
    void drop();

private:
    OpenStore& m_store;
    std::unique_ptr<DuplicateIndex> m_index;
};

} // namespace hearth
