// The people and devices of a CoC, as the HMIS Lead manages them with `hearth-server user|device ...`: a
// real hearth-server process over SQLite and PostgreSQL.
#include "sync/protocol/Protocol.h"
#include "tests/support/QtStringMakers.h"
#include "tests/sync/support/SyncFixture.h"

#include <catch2/catch_template_test_macros.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

namespace {

Reply registerAs(SyncFixture& f, const QString& login, const QString& password, const QString& publicId,
                 const QString& name = u"Front desk"_qs)
{
    ApiClient client(f.server());
    return client.post(u"/api/v1/devices/register"_qs, sync::RegisterRequest {login, password, name, publicId}.toJson(),
                       false);
}

QString adminOutput(SyncFixture& f, const QStringList& arguments, const QByteArray& input = {}, int* exit = nullptr)
{
    QString output;
    const int code = f.server().admin(arguments, input, &output);
    if (exit)
        *exit = code;
    return output;
}

} // namespace

TEMPLATE_TEST_CASE("A disabled login's devices stop at once; enabled again, they sign in", "[server][accounts]",
                   SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    auto hank = f.device(u"hank"_qs);
    REQUIRE(maria->get(u"/api/v1/pull?since=0"_qs).status == 200);

    int exit = -1;
    adminOutput(f, {u"user"_qs, u"disable"_qs, u"maria"_qs}, {}, &exit);
    REQUIRE(exit == 0);
    CHECK(maria->get(u"/api/v1/pull?since=0"_qs).status == 401); // the token she holds, at once
    const Reply again = registerAs(f, u"maria"_qs, SyncFixture::passwordOf(u"maria"_qs), u"ws-m"_qs);
    CHECK(again.status == 401);
    CHECK(again.error() == u"account-disabled");
    // A wrong password learns nothing about the account's state.
    CHECK(registerAs(f, u"maria"_qs, u"wrong-guess-1"_qs, u"ws-m"_qs).error() == u"bad-credentials");
    CHECK(hank->get(u"/api/v1/pull?since=0"_qs).status == 200); // others are not affected
    CHECK(adminOutput(f, {u"user"_qs, u"list"_qs}).contains(u"maria\tSH1"));
    CHECK(adminOutput(f, {u"user"_qs, u"list"_qs}).contains(u"disabled"));
    CHECK(adminOutput(f, {u"audit"_qs}).contains(u"user-disabled"));

    adminOutput(f, {u"user"_qs, u"enable"_qs, u"maria"_qs}, {}, &exit);
    REQUIRE(exit == 0);
    CHECK(maria->get(u"/api/v1/pull?since=0"_qs).status == 401); // the old token stays ended
    CHECK(registerAs(f, u"maria"_qs, SyncFixture::passwordOf(u"maria"_qs), u"ws-m"_qs).status == 200);
    adminOutput(f, {u"user"_qs, u"disable"_qs, u"nobody"_qs}, {}, &exit);
    CHECK(exit != 0);
}

TEMPLATE_TEST_CASE("A password reset ends the login's tokens; the new password follows the baseline",
                   "[server][accounts]", SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    int exit = -1;
    // Below HUD's baseline: too short, no digit, the user name.
    for (const QByteArray& weak : {QByteArray("short1\n"), QByteArray("onlyletters\n"), QByteArray("maria2026x\n")}) {
        INFO(weak.toStdString());
        adminOutput(f, {u"user"_qs, u"reset-password"_qs, u"maria"_qs}, weak, &exit);
        CHECK(exit != 0);
    }
    CHECK(maria->get(u"/api/v1/pull?since=0"_qs).status == 200); // nothing changed yet
    adminOutput(f, {u"user"_qs, u"add"_qs, u"--agency"_qs, u"SH1"_qs, u"nina"_qs}, "password\n", &exit);
    CHECK(exit != 0);

    adminOutput(f, {u"user"_qs, u"reset-password"_qs, u"maria"_qs}, "new-harbor-pass-7\n", &exit);
    REQUIRE(exit == 0);
    CHECK(maria->get(u"/api/v1/pull?since=0"_qs).status == 401);
    CHECK(registerAs(f, u"maria"_qs, SyncFixture::passwordOf(u"maria"_qs), u"ws-m"_qs).status == 401);
    CHECK(registerAs(f, u"maria"_qs, u"new-harbor-pass-7"_qs, u"ws-m"_qs).status == 200);
    CHECK(adminOutput(f, {u"audit"_qs}).contains(u"password-reset"));
    CHECK_FALSE(adminOutput(f, {u"audit"_qs}).contains(u"new-harbor-pass-7"));
}

TEMPLATE_TEST_CASE("A revoked workstation stays revoked whoever signs in on it; device names are readable",
                   "[server][accounts]", SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto laptop = f.device(u"maria"_qs, u"laptop-7"_qs);
    int exit = -1;
    adminOutput(f, {u"device"_qs, u"revoke"_qs, laptop->deviceId(), u"--reason"_qs, u"Laptop stolen"_qs}, {}, &exit);
    REQUIRE(exit == 0);
    for (const QString& login : {u"maria"_qs, u"hank"_qs}) {
        const Reply refused = registerAs(f, login, SyncFixture::passwordOf(login), u"laptop-7"_qs);
        INFO(login.toStdString());
        CHECK(refused.status == 403);
        CHECK(refused.error() == u"device-revoked");
    }
    // A name nobody can read back in `device list` is refused before anything is stored.
    for (const QString& name : {QString(), QString(129, u'x'), u"desk\u0001"_qs, u"   "_qs}) {
        const Reply bad = registerAs(f, u"hank"_qs, SyncFixture::passwordOf(u"hank"_qs), u"desk-9"_qs, name);
        CHECK(bad.status == 400);
    }
    CHECK(registerAs(f, u"hank"_qs, SyncFixture::passwordOf(u"hank"_qs), u"desk-9"_qs, u"Escritorio 2 — Sur"_qs).status
          == 200);
}

TEMPLATE_TEST_CASE("A password hashed at a cheaper cost is hashed again at the server's cost at sign-in",
                   "[server][accounts]", SqliteBackend, PostgresBackend)
{
    QProcessEnvironment interactive;
    interactive.insert(u"HEARTH_SERVER_PASSWORD_HASH_COST"_qs, u"interactive"_qs);
    START_SERVER(f, interactive);
    QProcessEnvironment cheap;
    cheap.insert(u"HEARTH_SERVER_PASSWORD_HASH_COST"_qs, u"insecure-fast-for-tests"_qs);
    QString output;
    REQUIRE(f.server().admin({u"user"_qs, u"add"_qs, u"--agency"_qs, u"SH1"_qs, u"nina"_qs}, "harbor-lights-42\n",
                             &output, cheap)
            == 0);
    CHECK(output.contains(u"insecure-fast-for-tests")); // the command warns whoever runs it
    DatabaseProbe probe(f.databaseSpec());
    const auto storedHash = [&] {
        return probe.exec(u"SELECT password_hash FROM users WHERE login = 'nina'"_qs).toString();
    };
    // libsodium's minimum is 8 KiB and one pass; its interactive cost 64 MiB and two.
    const QString cheapHash = storedHash();
    REQUIRE(cheapHash.startsWith(u"$argon2id$v=19$m=8,t=1,"));

    CHECK(registerAs(f, u"nina"_qs, u"harbor-lights-41"_qs, u"ws-n"_qs).status == 401);
    CHECK(storedHash() == cheapHash); // a wrong password changes nothing
    REQUIRE(registerAs(f, u"nina"_qs, u"harbor-lights-42"_qs, u"ws-n"_qs).status == 200);
    CHECK(storedHash().startsWith(u"$argon2id$v=19$m=65536,t=2,"));
    CHECK(registerAs(f, u"nina"_qs, u"harbor-lights-42"_qs, u"ws-n"_qs).status == 200); // and it still opens
}
