#include "tests/support/TempDir.h"

#include <QDirIterator>
#include <QFile>

namespace hearth::test {

TempDir::TempDir()
    : m_dir(QDir::tempPath() + QStringLiteral("/hearth-test-XXXXXX"))
{
}

QString fixturePath(const QString& name)
{
    return QStringLiteral(HEARTH_TEST_DATA_DIR "/") + name;
}

bool anyFileContains(const QString& dir, const QByteArray& needle)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace hearth::test
