// libFuzzer harness: recovery keys are typed in by people, from paper.
#include "core/crypto/Crypto.h"
#include "core/crypto/RecoveryKey.h"

#include <cstddef>
#include <cstdint>

// Secrets live in sodium_malloc memory, which needs sodium_init first.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    return hearth::crypto::initialize() ? 0 : 1;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto key = hearth::RecoveryKey::parse(text);
    // Anything accepted must print back to a form that parses to the same key.
    if (key) {
        auto again = hearth::RecoveryKey::parse(key->formatted());
        if (!again || !again->secret().equals(key->secret()))
            __builtin_trap();
    }
    return 0;
}
