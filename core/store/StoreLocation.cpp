#include "core/store/StoreLocation.h"

#include "core/store/KeyFile.h"

#include <QDir>
#include <QStandardPaths>

namespace hearth {

StoreLocation StoreLocation::resolve(const QString& commandLineDir)
{
    if (!commandLineDir.isEmpty())
        return {QDir(commandLineDir).absolutePath()};
    const QString env = qEnvironmentVariable(kEnvironmentVariable);
    if (!env.isEmpty())
        return {QDir(env).absolutePath()};
    return {QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)};
}

QString StoreLocation::keyFilePath() const
{
    return QDir(dataDir).filePath(QString::fromLatin1(KeyFile::kFileName));
}

QString StoreLocation::databasePath(const QString& fileName) const
{
    return QDir(dataDir).filePath(fileName);
}

} // namespace hearth
