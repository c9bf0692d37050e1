// Remote wipe with a real store: the key file and every database file go, the old database cannot be
// opened, drafts are not saved on the way out, and a notice with the server administrator's reason stays.
#include "core/store/Store.h"
#include "core/store/WorkstationWipe.h"
#include "core/vault/Drafts.h"
#include "tests/core/CoreTestSupport.h"
#include "tests/core/IntakeTestSupport.h"

#include <QSignalSpy>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("wiping destroys the key slots and the database files and leaves a notice", "[wipe]")
{
    IntakeStore s;
    (void)s.client(u"Wanda"_qs, u"Wipeme"_qs);
    const QString dbPath = s.databasePath();
    const SecretBytes key = s.dataKey();
    const QByteArray keyBytes = readFile(s.keyFile());
    // A rotation leftover and a stray journal count as store files too.
    writeFile(s.dir.file(u"hearth-2.db"_qs), "leftover");
    writeFile(dbPath + u"-journal"_qs, "journal");
    writeFile(s.dir.file(u"unrelated.txt"_qs), "not Hearth's");
    s.vault->signOut();

    const QDateTime at(QDate(2026, 3, 1), QTime(8, 30), Qt::UTC);
    REQUIRE_OK(wipeWorkstation(StoreLocation {s.dir.path()}, u"Laptop stolen"_qs, at));

    CHECK(fileNames(s.dir.path()) == QStringList {u"hearth-wipe-notice.json"_qs, u"unrelated.txt"_qs});
    CHECK_FALSE(Store::open(dbPath, key).ok());
    const auto notice = readWipeNotice(StoreLocation {s.dir.path()});
    REQUIRE(notice.has_value());
    CHECK(notice->reason == u"Laptop stolen");
    CHECK(notice->wipedAt == at);
    CHECK_FALSE(readFile(s.dir.file(u"hearth-wipe-notice.json"_qs)).contains("Wipeme"));
    CHECK_FALSE(keyBytes.isEmpty());

    auto fresh = s.makeVault();
    CHECK(fresh->probe() == Vault::State::NoStore);
    clearWipeNotice(StoreLocation {s.dir.path()});
    CHECK_FALSE(readWipeNotice(StoreLocation {s.dir.path()}).has_value());
}

TEST_CASE("a revoked workstation's vault closes without saving drafts and settles in NoStore", "[wipe]")
{
    IntakeStore s;
    const QString canary = u"Draftcanary Quillfeather"_qs;
    int drafts = 0;
    QObject::connect(s.vault.get(), &Vault::aboutToLock, [&] {
        ++drafts;
        (void)s.vault->drafts().save(u"intake"_qs, QJsonObject {{u"lastName"_qs, canary}});
    });
    QSignalSpy wiped(s.vault.get(), &Vault::wiped);
    QSignalSpy states(s.vault.get(), &Vault::stateChanged);

    REQUIRE_OK(s.vault->wipeAfterRevocation(u"Left the agency"_qs));

    CHECK(drafts == 0);
    CHECK(s.vault->state() == Vault::State::NoStore);
    CHECK_FALSE(s.vault->user().has_value());
    CHECK(s.vault->lockedUserLogin().isEmpty());
    REQUIRE(wiped.size() == 1);
    CHECK(wiped.front().front().toString() == u"Left the agency");
    REQUIRE_FALSE(states.isEmpty());
    CHECK(states.back().front().value<Vault::State>() == Vault::State::NoStore);
    CHECK(fileNames(s.dir.path()) == QStringList {u"hearth-wipe-notice.json"_qs});
    CHECK_FALSE(anyFileContains(s.dir.path(), "Draftcanary"));
    CHECK(s.vault->signIn(kAdminLogin, kAdminPassword).code() == ErrorCode::StoreMissing);
    CHECK(readWipeNotice(s.vault->location())->reason == u"Left the agency");
}
