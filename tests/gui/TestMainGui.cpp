// Catch2 main for GUI tests: a QApplication on the offscreen platform and an initialised libsodium.
#include "core/crypto/Crypto.h"

#include <QApplication>

#include <catch2/catch_session.hpp>

int main(int argc, char** argv)
{
    // Test discovery may run this binary at build time, without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (!hearth::crypto::initialize())
        return 2;
    return Catch::Session().run(argc, argv);
}
