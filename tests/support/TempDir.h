#pragma once

#include <QString>
#include <QTemporaryDir>

namespace hearth::test {

/// @brief A fresh, empty directory per test, removed afterwards.
class TempDir
{
public:
    TempDir();
    QString path() const { return m_dir.path(); }
    QString file(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

/// Directory holding committed fixtures (tests/data).
QString fixturePath(const QString& name);

/// True when @p needle occurs in the raw bytes of any file under @p dir (recursively).
bool anyFileContains(const QString& dir, const QByteArray& needle);

} // namespace hearth::test
