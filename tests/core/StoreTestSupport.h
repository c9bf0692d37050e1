#pragma once
// Shared by test_store.cpp and test_store_disk.cpp: a vault over a copied store and its clients' names.

#include "core/services/ClientRecords.h"
#include "tests/core/CoreTestSupport.h"

#include <memory>

namespace hearth::test {

/// Vault over @p dir with the clock the fixtures were written with.
inline std::unique_ptr<Vault> vaultFor(const QString& dir, const Clock& clock)
{
    return std::make_unique<Vault>(StoreLocation {dir}, clock, KdfParams::fastForTests());
}

inline QStringList clientFirstNames(Vault& vault)
{
    auto list = ClientRecords(vault).list();
    REQUIRE_OK(list);
    QStringList names;
    for (const ClientProfile& c : *list)
        names << c.firstName;
    names.sort();
    return names;
}

} // namespace hearth::test
