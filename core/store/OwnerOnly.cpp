#include "core/store/OwnerOnly.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace hearth::owner_only {

namespace {
// Every permission bit outside the owner's: group and other. QFileDevice's "User" bits are the owner's
// as seen by the current user, so they are not used here.
constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
    | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
constexpr QFileDevice::Permissions kOwner = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

bool narrow(const QString& path, QFileDevice::Permissions wanted)
{
#ifdef Q_OS_UNIX
    const QFileDevice::Permissions now = QFile::permissions(path);
    if ((now & kOthers) == 0 && (now & kOwner) == wanted)
        return true;
    return QFile::setPermissions(path, wanted);
#else
    Q_UNUSED(path);
    Q_UNUSED(wanted);
    return true;
#endif
}
} // namespace

bool makeFolder(const QString& dir)
{
    const QFileInfo info(dir);
    if (info.isDir())
        return narrowFolder(dir);
    const QString parent = info.absolutePath();
    if (!QDir().mkpath(parent))
        return false;
    // mkdir with the mode: no moment at which the folder exists with a wider one.
    if (!QDir().mkdir(info.absoluteFilePath(), kFolder) && !QFileInfo(dir).isDir())
        return false;
    return narrowFolder(dir);
}

bool narrowFolder(const QString& dir)
{
    return !QFileInfo(dir).isDir() ? false : narrow(dir, kFolder);
}

bool narrowFile(const QString& path)
{
    if (!QFileInfo::exists(path))
        return true;
    return narrow(path, kFile);
}

bool syncFile(QFileDevice& file)
{
    if (!file.flush())
        return false;
#ifdef Q_OS_WIN
    return ::_commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

bool syncFolder(const QString& dir)
{
#ifdef Q_OS_WIN
    Q_UNUSED(dir);
    return true;
#else
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
#endif
}

} // namespace hearth::owner_only
