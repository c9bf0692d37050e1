// hearth-server: the reference central sync server. Wiring only; everything lives in hearth_server_lib.
#include "sync/server/AdminCli.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hearth-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    return hearth::server::runCommandLine(QCoreApplication::arguments());
}
