#pragma once
// Shared by test_server_sync.cpp and test_server_consent_sync.cpp: consent levels and the server's audit log.

#include "tests/sync/support/SyncFixture.h"

#include <catch2/catch_test_macros.hpp>

namespace hearth::test {

inline constexpr int kFull = 1;
inline constexpr int kLimited = 2;
inline constexpr int kAnonymous = 3;
inline constexpr int kNoSharing = 4;

// The server's audit log as `hearth-server admin audit` prints it.
inline QString auditText(SyncFixture& f)
{
    QString output;
    REQUIRE(f.server().admin({u"audit"_qs}, {}, &output) == 0);
    return output;
}

} // namespace hearth::test
