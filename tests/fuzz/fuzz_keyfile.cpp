// libFuzzer harness: hearth.keys is read from disk before anything is authenticated.
#include "core/crypto/Crypto.h"
#include "core/store/KeyFile.h"

#include <cstddef>
#include <cstdint>

// Secrets live in sodium_malloc memory, which needs sodium_init first.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    return hearth::crypto::initialize() ? 0 : 1;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto keys = hearth::KeyFile::parse(bytes);
    if (keys) {
        // Whatever parses must name a plain file inside the data folder.
        if (keys->databaseFile.contains(u'/') || keys->storeId.isEmpty())
            __builtin_trap();
    }
    return 0;
}
