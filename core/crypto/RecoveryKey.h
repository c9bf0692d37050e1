#pragma once

#include "core/common/Result.h"
#include "core/crypto/SecretBytes.h"

#include <QString>

namespace hearth {

/// @brief The agency recovery key: 256 random bits shown once at set-up, printed and kept offline.
///
/// Written as 14 groups of 4 Crockford base-32 characters; the last group is a checksum so a typo
/// is reported as a typo, not as a wrong key.
class RecoveryKey
{
public:
    static RecoveryKey generate();
    /// Accepts any case, spaces or dashes; O/o read as 0 and I/i/L/l as 1.
    static Result<RecoveryKey> parse(const QString& text);

    const SecretBytes& secret() const { return m_secret; }
    /// "ABCD-EFGH-..." for display and printing. The caller wipes the returned string.
    QString formatted() const;

private:
    explicit RecoveryKey(SecretBytes secret)
        : m_secret(std::move(secret))
    {
    }
    SecretBytes m_secret;
};

} // namespace hearth
