// hearth_store_writer <data-dir> <login> <password>
//
// Signs in to an existing store and creates clients "client-<n>" one after another, printing
// "ack <n>" (and flushing) only after ClientRecords::create has committed. Runs until killed:
// test_store kills it with SIGKILL and checks that every acknowledged client survived.
#include "core/common/Clock.h"
#include "core/crypto/Crypto.h"
#include "core/services/ClientRecords.h"
#include "core/vault/Vault.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: hearth_store_writer <data-dir> <login> <password>\n");
        return 64;
    }
    if (!hearth::crypto::initialize())
        return 2;
    const hearth::SystemClock clock;
    hearth::Vault vault(hearth::StoreLocation {args.at(1)}, clock, hearth::KdfParams::fastForTests());
    if (auto st = vault.signIn(args.at(2), args.at(3)); !st) {
        std::fprintf(stderr, "sign-in failed: %s\n", qUtf8Printable(st.message()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    hearth::ClientRecords clients(vault);
    for (qint64 n = 0;; ++n) {
        auto created = clients.create(QStringLiteral("client-%1").arg(n), QStringLiteral("Writer"));
        if (!created) {
            std::fprintf(stderr, "save %lld failed: %s\n", static_cast<long long>(n),
                         qUtf8Printable(created.message()));
            return 3;
        }
        std::printf("ack %lld\n", static_cast<long long>(n));
        std::fflush(stdout);
    }
}
