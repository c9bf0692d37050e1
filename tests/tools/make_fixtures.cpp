// hearth_make_fixtures <tests/data directory>
//
// Regenerates the committed store fixtures. Run by hand when the store format changes; never in CI.
//
//   fixture-store/              a healthy store: admin "admin" / "Fixture-pass-42" (fast test KDF),
//                               three clients, signed out; RECOVERY-KEY.txt holds its recovery key
//   truncated-store/            the same store with the database cut to half its pages
//   truncated-unaligned-store/  ... cut to half its size plus a few bytes (not on a page boundary)
//   tampered-store/             one byte flipped in the middle of a page in the middle of the database
//   corrupt-keys/*.keys         key files to put over fixture-store's: broken JSON, a flipped bit in the
//                               admin's wrapped secret key, a flipped bit in the admin's sealed data key
#include "core/common/Clock.h"
#include "core/crypto/Crypto.h"
#include "core/services/ClientRecords.h"
#include "core/vault/Vault.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {

constexpr qint64 kPageSize = 4096; // SQLCipher 4 default

bool fail(const char* what, const QString& detail = {})
{
    std::fprintf(stderr, "make_fixtures: %s %s\n", what, qUtf8Printable(detail));
    return false;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

bool freshDir(const QString& path)
{
    QDir dir(path);
    if (dir.exists() && !dir.removeRecursively())
        return false;
    return QDir().mkpath(path);
}

/// Writes a store folder holding @p keys and @p db as hearth-1.db.
bool writeStore(const QString& dir, const QByteArray& keys, const QByteArray& db)
{
    return freshDir(dir) && writeAll(dir + QStringLiteral("/hearth.keys"), keys)
        && writeAll(dir + QStringLiteral("/hearth-1.db"), db);
}

/// Flips the lowest bit of the middle byte of the admin slot's base64 field @p field.
QByteArray flipSlotField(const QByteArray& keysJson, const QString& field)
{
    QJsonObject root = QJsonDocument::fromJson(keysJson).object();
    QJsonArray users = root.value(u"users").toArray();
    QJsonObject slot = users.at(0).toObject();
    QByteArray bytes = QByteArray::fromBase64(slot.value(field).toString().toLatin1());
    bytes[bytes.size() / 2] = static_cast<char>(bytes.at(bytes.size() / 2) ^ 0x01);
    slot.insert(field, QString::fromLatin1(bytes.toBase64()));
    users.replace(0, slot);
    root.insert(u"users"_qs, users);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool makeFixtures(const QString& dataDir)
{
    const QString storeDir = dataDir + QStringLiteral("/fixture-store");
    if (!freshDir(storeDir))
        return fail("cannot create", storeDir);

    const hearth::ManualClock clock;
    const hearth::RecoveryKey recovery = hearth::RecoveryKey::generate();
    {
        hearth::Vault vault(hearth::StoreLocation {storeDir}, clock, hearth::KdfParams::fastForTests());
        if (auto st
            = vault.createStore({QStringLiteral("Fixture Shelter"), QStringLiteral("CA-504")}, QStringLiteral("admin"),
                                QStringLiteral("Fixture Admin"), QStringLiteral("Fixture-pass-42"), recovery);
            !st)
            return fail("createStore:", st.message());
        hearth::ClientRecords clients(vault);
        for (const auto& [first, last] : {std::pair {u"Ada"_qs, u"Fixture"_qs}, std::pair {u"Brook"_qs, u"Fixture"_qs},
                                          std::pair {u"Cy"_qs, u"Fixture"_qs}}) {
            if (auto c = clients.create(first, last); !c)
                return fail("create client:", c.message());
        }
        vault.signOut();
    }
    // The recovery key of a throw-away test store: committed on purpose, it guards no real data.
    if (!writeAll(storeDir + QStringLiteral("/RECOVERY-KEY.txt"), recovery.formatted().toLatin1() + '\n'))
        return fail("cannot write RECOVERY-KEY.txt");

    const QByteArray keys = readAll(storeDir + QStringLiteral("/hearth.keys"));
    const QByteArray db = readAll(storeDir + QStringLiteral("/hearth-1.db"));
    if (keys.isEmpty() || db.isEmpty() || db.size() % kPageSize != 0 || db.size() < 4 * kPageSize)
        return fail("unexpected store files in", storeDir);
    const qint64 pages = db.size() / kPageSize;

    if (!writeStore(dataDir + QStringLiteral("/truncated-store"), keys, db.left(pages / 2 * kPageSize)))
        return fail("cannot write truncated-store");
    if (!writeStore(dataDir + QStringLiteral("/truncated-unaligned-store"), keys, db.left(db.size() / 2 + 1000)))
        return fail("cannot write truncated-unaligned-store");
    QByteArray tampered = db;
    const qint64 offset = pages / 2 * kPageSize + kPageSize / 2;
    tampered[offset] = static_cast<char>(tampered.at(offset) ^ 0x01);
    if (!writeStore(dataDir + QStringLiteral("/tampered-store"), keys, tampered))
        return fail("cannot write tampered-store");

    const QString corruptDir = dataDir + QStringLiteral("/corrupt-keys");
    if (!freshDir(corruptDir))
        return fail("cannot create", corruptDir);
    if (!writeAll(corruptDir + QStringLiteral("/broken-json.keys"), keys.left(keys.size() / 2))
        || !writeAll(corruptDir + QStringLiteral("/flipped-wrapped-key.keys"),
                     flipSlotField(keys, QStringLiteral("wrappedSecretKey")))
        || !writeAll(corruptDir + QStringLiteral("/flipped-sealed-key.keys"),
                     flipSlotField(keys, QStringLiteral("sealedDataKey"))))
        return fail("cannot write corrupt-keys");
    std::printf("fixtures written to %s (database: %lld pages)\n", qUtf8Printable(dataDir),
                static_cast<long long>(pages));
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: hearth_make_fixtures <tests/data directory>\n");
        return 64;
    }
    if (!hearth::crypto::initialize())
        return 2;
    return makeFixtures(QDir(args.at(1)).absolutePath()) ? 0 : 1;
}
