// What a workstation asks about itself (docs/sync-protocol.md, "Device status"): the newest entry of its
// audit chain is kept per device, only ever moves forward, and comes back at sign-in. A real hearth-server
// process over SQLite and PostgreSQL.
#include "sync/protocol/Protocol.h"
#include "tests/support/QtStringMakers.h"
#include "tests/sync/support/SyncFixture.h"

#include <catch2/catch_template_test_macros.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

namespace {
QJsonObject anchor(qint64 seq, char digit)
{
    return {{u"protocol"_qs, 1}, {u"seq"_qs, seq}, {u"hash"_qs, QString(64, QLatin1Char(digit))}};
}
} // namespace

TEMPLATE_TEST_CASE("the server keeps each workstation's audit anchor and never moves it back", "[server][audit]",
                   SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto desk = f.device(u"maria"_qs);
    auto other = f.device(u"maria"_qs);
    CHECK_FALSE(desk->get(u"/api/v1/device"_qs).json.contains(u"auditAnchor"));

    REQUIRE(desk->post(u"/api/v1/device/audit-anchor"_qs, anchor(5, 'a')).status == 200);
    REQUIRE(desk->post(u"/api/v1/device/audit-anchor"_qs, anchor(5, 'a')).status == 200); // the same again
    const Reply status = desk->get(u"/api/v1/device"_qs);
    REQUIRE(status.status == 200);
    CHECK(status.json.value(u"auditAnchor").toObject().value(u"seq").toInteger() == 5);
    CHECK(status.json.value(u"auditAnchor").toObject().value(u"hash").toString() == QString(64, u'a'));
    // Each workstation its own.
    CHECK_FALSE(other->get(u"/api/v1/device"_qs).json.contains(u"auditAnchor"));

    // Back, or the same entry with another hash: refused, audited, nothing changes.
    for (const QJsonObject& rewritten : {anchor(4, 'b'), anchor(5, 'c')}) {
        const Reply refused = desk->post(u"/api/v1/device/audit-anchor"_qs, rewritten);
        CHECK(refused.status == 409);
        CHECK(refused.json.value(u"error").toString() == sync::error_code::AuditAnchorConflict);
    }
    CHECK(desk->get(u"/api/v1/device"_qs).json.value(u"auditAnchor").toObject().value(u"hash").toString()
          == QString(64, u'a'));
    DatabaseProbe probe(f.databaseSpec());
    CHECK(probe.exec(u"SELECT COUNT(*) FROM audit WHERE action = 'audit-anchor-conflict'"_qs).toInt() == 2);

    // Forward: kept. Nonsense: refused as malformed.
    REQUIRE(desk->post(u"/api/v1/device/audit-anchor"_qs, anchor(9, 'd')).status == 200);
    CHECK(desk->get(u"/api/v1/device"_qs).json.value(u"auditAnchor").toObject().value(u"seq").toInteger() == 9);
    CHECK(desk->post(u"/api/v1/device/audit-anchor"_qs, anchor(0, 'e')).status == 400);
    QJsonObject upper = anchor(10, 'F');
    CHECK(desk->post(u"/api/v1/device/audit-anchor"_qs, upper).status == 400);
}
