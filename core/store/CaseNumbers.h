#pragma once

#include "core/common/Result.h"

#include <QString>

namespace hearth {

class Store;

/// @brief Human-readable case numbers: "<workstation prefix>-<sequence>", e.g. "7KQ2M-00042".
///
/// The prefix is five random Crockford base-32 characters chosen once per store (33 million
/// possibilities), so numbers made on different workstations do not collide after sync; the
/// sequence is per store. Call inside the write transaction that inserts the client.
class CaseNumbers
{
public:
    explicit CaseNumbers(Store& store)
        : m_store(store)
    {
    }

    /// The next unused case number; advances the stored sequence.
    Result<QString> next();
    /// This store's prefix, created on first use.
    Result<QString> prefix();

    static bool looksLikeCaseNumber(const QString& text);

private:
    Store& m_store;
};

} // namespace hearth
