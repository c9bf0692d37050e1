#include "core/store/WorkstationWipe.h"

#include "core/crypto/Crypto.h"
#include "core/store/KeyFile.h"
#include "core/store/OwnerOnly.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace hearth {

namespace {
const QString kNoticeFile = QStringLiteral("hearth-wipe-notice.json");

// The key file and any copy QSaveFile left behind (hearth.keys.XXXXXX after a crash mid-save).
QStringList keyFiles(const QDir& dir)
{
    return dir.entryList({QString::fromLatin1(KeyFile::kFileName) + u'*'}, QDir::Files | QDir::Hidden | QDir::System);
}

// Every database file: the current generation, a rotation's leftovers, and their journals.
QStringList databaseFiles(const QDir& dir)
{
    return dir.entryList({QStringLiteral("hearth-*.db"), QStringLiteral("hearth-*.db-*")},
                         QDir::Files | QDir::Hidden | QDir::System);
}

// Random bytes over the whole file, on disk before it is unlinked: the sealed data keys are gone even
// where a removed file's blocks would linger.
bool overwrite(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const qint64 size = file.size();
    constexpr qint64 kChunk = 64 * 1024;
    for (qint64 done = 0; done < size;) {
        const qint64 n = std::min(kChunk, size - done);
        if (file.write(crypto::randomBytes(std::size_t(n))) != n)
            return false;
        done += n;
    }
    return owner_only::syncFile(file);
}

Error cannotRemove(const QString& path)
{
    return makeError(ErrorCode::Io,
                     QObject::tr("Hearth could not remove %1 while erasing this workstation. Delete the data folder "
                                 "by hand.")
                         .arg(QDir::toNativeSeparators(path)));
}

Status writeNotice(const QString& path, const QString& reason, const QDateTime& now)
{
    const QJsonObject notice {{u"reason"_qs, reason}, {u"wipedAt"_qs, now.toUTC().toString(Qt::ISODateWithMs)}};
    QSaveFile file(path);
    const QByteArray data = QJsonDocument(notice).toJson(QJsonDocument::Compact);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(owner_only::kFile) || file.write(data) != data.size()
        || !file.commit())
        return makeError(ErrorCode::Io,
                         QObject::tr("This workstation was erased, but the note saying why could not be saved (%1).")
                             .arg(file.errorString()));
    return {};
}
} // namespace

Status wipeWorkstation(const StoreLocation& location, const QString& reason, const QDateTime& now)
{
    const QDir dir(location.dataDir);
    // Key slots first: once they are gone the database is ciphertext nobody can open, whatever else fails.
    Status result;
    for (const QString& name : keyFiles(dir)) {
        const QString path = dir.filePath(name);
        (void)overwrite(path); // best effort: removing it is what counts
        if (!QFile::remove(path) && result)
            result = cannotRemove(path);
    }
    for (const QString& name : databaseFiles(dir)) {
        const QString path = dir.filePath(name);
        if (!QFile::remove(path) && result)
            result = cannotRemove(path);
    }
    // The notice is written even after a partial failure: the next start must say what happened.
    if (auto st = writeNotice(dir.filePath(kNoticeFile), reason, now); !st && result)
        result = st;
    return result;
}

std::optional<WipeNotice> readWipeNotice(const StoreLocation& location)
{
    QFile file(QDir(location.dataDir).filePath(kNoticeFile));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    WipeNotice notice;
    notice.reason = json.value(u"reason").toString();
    notice.wipedAt = QDateTime::fromString(json.value(u"wipedAt").toString(), Qt::ISODateWithMs);
    return notice;
}

void clearWipeNotice(const StoreLocation& location)
{
    QFile::remove(QDir(location.dataDir).filePath(kNoticeFile));
}

} // namespace hearth
