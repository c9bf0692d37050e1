#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/crypto/Crypto.h"
#include "core/store/KeyFile.h"
#include "core/store/StoreLocation.h"

#include <cstddef>

namespace hearth {

class Store;

/// @brief The key file and, while unlocked, the data key: what sign-in and key management need.
///
/// Loads and saves hearth.keys, keeps the sign-in events that wait in it for the next sign-in (bounded),
/// records failed attempts and lock-outs, and holds the data key and the KDF parameters while the vault
/// is unlocked, so a new or reset user's slot can be sealed (sealUserSlot) without anyone else seeing
/// the key.
class KeyRing
{
public:
    /// Sign-in events kept in the key file until the next sign-in writes them to the audit log: the oldest
    /// go beyond this, so guessing at a locked workstation cannot grow the file without limit.
    static constexpr std::size_t kMaxPendingSignInEvents = 1000;

    KeyRing(const StoreLocation& location, const Clock& clock, KdfParams kdf);

    Result<KeyFile> load() const;
    Status save(const KeyFile& keys) const;
    const KdfParams& kdf() const { return m_kdf; }

    /// Keeps @p dataKey while unlocked; forget() wipes it.
    void hold(SecretBytes dataKey) { m_dataKey = std::move(dataKey); }
    void forget() { m_dataKey.clear(); }
    /// A new slot for @p login sealing the held data key under @p password (only while unlocked).
    Result<UserKeySlot> sealUserSlot(const QString& storeId, const QString& userUuid, const QString& login,
                                     const QString& password) const;

    static void notePending(KeyFile& keys, PendingAuditEvent event);
    /// Notes a failed sign-in (and a lock-out after too many) in @p keys and saves them; returns @p error,
    /// extended with the lock-out sentence when this attempt locked the account.
    Error recordFailure(KeyFile& keys, UserKeySlot* slot, const Error& error) const;
    /// Writes the pending sign-in events to @p store's audit log (inside its transaction) and clears them.
    static Status flushPending(KeyFile& keys, Store& store);

private:
    const StoreLocation& m_location;
    const Clock& m_clock;
    KdfParams m_kdf;
    SecretBytes m_dataKey; ///< only while unlocked
};

} // namespace hearth
