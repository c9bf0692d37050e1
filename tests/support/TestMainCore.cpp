// Catch2 main for core tests: a QCoreApplication and an initialised libsodium.
#include "core/crypto/Crypto.h"

#include <QCoreApplication>

#include <catch2/catch_session.hpp>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (!hearth::crypto::initialize())
        return 2;
    return Catch::Session().run(argc, argv);
}
