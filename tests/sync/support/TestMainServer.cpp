// Catch2 main for the server tests: a QCoreApplication (for Qt Network and Qt SQL), no core, no SQLCipher.
#include "tests/sync/support/PostgresCluster.h"

#include <QCoreApplication>

#include <catch2/catch_session.hpp>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int result = Catch::Session().run(argc, argv);
    hearth::test::PostgresCluster::shutdownShared();
    return result;
}
