// Hearth's own settings, checked against a real store folder with the real probe.
#include "core/compliance/HearthChecks.h"
#include "core/compliance/LocalSystemProbe.h"
#include "core/vault/AgencySettings.h"
#include "tests/compliance/ComplianceTestSupport.h"
#include "tests/core/CoreTestSupport.h"

#include <QFile>

using namespace hearth;
using namespace hearth::compliance;

namespace {

struct HearthFixture
{
    hearth::test::TestStore store;
    LocalSystemProbe probe;
    Checklist checklist = compliance::test::CheckFixture::builtInChecklist();

    HearthFixture() { store.create(); }

    HearthFacts facts() const { return {store.dir.path(), store.vault->settings().autoLockMinutes(), {}}; }

    CheckResult run(CheckFunction check, const QString& id, const HearthFacts& hearth)
    {
        const CheckContext context {probe, checklist, *checklist.item(id), QDateTime::currentDateTimeUtc(), hearth};
        CheckResult result = check(context);
        INFO(result.evidence.toStdString());
        CHECK_FALSE(result.evidence.isEmpty());
        return result;
    }
    CheckResult run(CheckFunction check, const QString& id) { return run(check, id, facts()); }
};

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

TEST_CASE("A real Hearth store is encrypted; a plain SQLite file in its place fails")
{
    HearthFixture f;
    const CheckResult real = f.run(&hearthStoreEncrypted, QStringLiteral("hearth-store-encrypted"));
    CHECK(real.verdict == Verdict::Pass);
    CHECK(real.evidence.contains(f.store.databasePath()));
    writeFile(f.store.dir.file(QStringLiteral("hearth-9.db")),
              QByteArray("SQLite format 3\0", 16) + QByteArray(100, '\1'));
    const CheckResult plain = f.run(&hearthStoreEncrypted, QStringLiteral("hearth-store-encrypted"));
    CHECK(plain.verdict == Verdict::Fail);
    CHECK(plain.detail.contains(QStringLiteral("hearth-9.db")));
}

TEST_CASE("A folder without a store is unknown")
{
    HearthFixture f;
    hearth::test::TempDir empty;
    HearthFacts facts = f.facts();
    facts.dataDir = empty.path();
    CHECK(f.run(&hearthStoreEncrypted, QStringLiteral("hearth-store-encrypted"), facts).verdict == Verdict::Unknown);
}

TEST_CASE("Hearth's auto-lock setting is judged against the checklist's 15 minutes")
{
    HearthFixture f;
    CHECK(f.run(&hearthAutoLock, QStringLiteral("hearth-auto-lock")).verdict == Verdict::Pass);
    REQUIRE_OK(f.store.vault->settings().setAutoLockMinutes(30));
    const CheckResult result = f.run(&hearthAutoLock, QStringLiteral("hearth-auto-lock"));
    CHECK(result.verdict == Verdict::Fail);
    CHECK(result.evidence.contains(QStringLiteral("autoLockMinutes = 30")));
    HearthFacts signedOut = f.facts();
    signedOut.autoLockMinutes.reset();
    CHECK(f.run(&hearthAutoLock, QStringLiteral("hearth-auto-lock"), signedOut).verdict == Verdict::Unknown);
}

TEST_CASE("A store folder holding only Hearth's files passes; a stray file asks for an attestation")
{
    HearthFixture f;
    const CheckResult clean = f.run(&hearthNoSavedPasswords, QStringLiteral("hearth-no-saved-passwords"));
    CHECK(clean.verdict == Verdict::Pass);
    CHECK(clean.evidence.contains(QStringLiteral("hearth.keys")));
    writeFile(f.store.dir.file(QStringLiteral("login.txt")), "not for tests to read");
    const CheckResult stray = f.run(&hearthNoSavedPasswords, QStringLiteral("hearth-no-saved-passwords"));
    CHECK(stray.verdict == Verdict::Unknown);
    CHECK(stray.detail.contains(QStringLiteral("login.txt")));
    CHECK_FALSE(stray.evidence.contains(QStringLiteral("not for tests to read")));
}

TEST_CASE("The server connection is unknown until sync is configured, then must be https")
{
    HearthFixture f;
    HearthFacts facts = f.facts();
    CHECK(f.run(&hearthServerTls, QStringLiteral("hearth-server-tls"), facts).verdict == Verdict::Unknown);
    facts.syncServerUrl = QStringLiteral("https://hmis.example.org/sync");
    CHECK(f.run(&hearthServerTls, QStringLiteral("hearth-server-tls"), facts).verdict == Verdict::Pass);
    facts.syncServerUrl = QStringLiteral("http://sync:secret@hmis.example.org/sync");
    const CheckResult plain = f.run(&hearthServerTls, QStringLiteral("hearth-server-tls"), facts);
    CHECK(plain.verdict == Verdict::Fail);
    CHECK_FALSE(plain.evidence.contains(QStringLiteral("secret")));
}
