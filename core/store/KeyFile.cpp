#include "core/store/KeyFile.h"

#include "core/store/OwnerOnly.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QSaveFile>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace hearth {

namespace {
constexpr auto kFormat = "hearth-keys/1";

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray unb64(const QJsonValue& value, bool& ok)
{
    const auto decoded
        = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        ok = false;
    return decoded.decoded;
}

Error corrupt()
{
    return makeError(ErrorCode::KeySlotCorrupt,
                     QObject::tr("The key file (hearth.keys) in the data folder is damaged, so the database cannot "
                                 "be opened. Hearth will not replace it; restore the data folder from a backup."));
}

bool isPlainFileName(const QString& name)
{
    return !name.isEmpty() && !name.contains(u'/') && !name.contains(u'\\') && !name.startsWith(u'.');
}
} // namespace

Result<KeyFile> KeyFile::load(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return makeError(ErrorCode::KeySlotMissing,
                         QObject::tr("The key file (hearth.keys) is missing from the data folder, so the database "
                                     "cannot be opened. Restore the data folder from a backup."));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::ReadOnly,
                         QObject::tr("Hearth cannot read its key file: %1").arg(file.errorString()));
    return parse(file.readAll());
}

Result<KeyFile> KeyFile::parse(const QByteArray& bytes)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt();
    const QJsonObject root = doc.object();
    if (root.value(u"format").toString() != QLatin1String(kFormat))
        return corrupt();

    KeyFile keys;
    bool ok = true;
    keys.storeId = root.value(u"storeId").toString();
    keys.databaseFile = root.value(u"database").toString();
    keys.generation = root.value(u"generation").toInt(0);
    const QJsonObject signIn = root.value(u"signIn").toObject();
    keys.signIn.maxFailedAttempts = signIn.value(u"maxFailedAttempts").toInt(5);
    keys.signIn.lockoutMinutes = signIn.value(u"lockoutMinutes").toInt(15);
    if (keys.storeId.isEmpty() || !isPlainFileName(keys.databaseFile) || keys.generation < 1)
        return corrupt();

    for (const QJsonValue& v : root.value(u"users").toArray()) {
        const QJsonObject o = v.toObject();
        UserKeySlot slot;
        slot.userId = o.value(u"userId").toString();
        slot.login = o.value(u"login").toString();
        slot.salt = unb64(o.value(u"salt"), ok);
        slot.kdf.opsLimit = static_cast<std::uint64_t>(o.value(u"opsLimit").toInteger());
        slot.kdf.memLimitBytes = static_cast<std::uint64_t>(o.value(u"memLimit").toInteger());
        slot.publicKey = unb64(o.value(u"publicKey"), ok);
        slot.wrappedSecretKey = unb64(o.value(u"wrappedSecretKey"), ok);
        slot.sealedDataKey = unb64(o.value(u"sealedDataKey"), ok);
        slot.failedAttempts = o.value(u"failedAttempts").toInt();
        if (o.contains(u"lockedUntil"))
            slot.lockedUntil = QDateTime::fromString(o.value(u"lockedUntil").toString(), Qt::ISODate);
        if (slot.userId.isEmpty() || slot.login.isEmpty())
            ok = false;
        keys.users.push_back(std::move(slot));
    }
    const QJsonObject recovery = root.value(u"recovery").toObject();
    keys.recovery.publicKey = unb64(recovery.value(u"publicKey"), ok);
    keys.recovery.sealedDataKey = unb64(recovery.value(u"sealedDataKey"), ok);
    for (const QJsonValue& v : root.value(u"pendingAudit").toArray()) {
        const QJsonObject o = v.toObject();
        keys.pendingAudit.push_back({QDateTime::fromString(o.value(u"at").toString(), Qt::ISODate),
                                     o.value(u"login").toString(), o.value(u"action").toString(),
                                     o.value(u"detail").toString()});
    }
    if (!ok)
        return corrupt();
    return keys;
}

Status KeyFile::save(const QString& path) const
{
    QJsonArray userArray;
    for (const UserKeySlot& s : users) {
        QJsonObject o {{u"userId"_qs, s.userId},
                       {u"login"_qs, s.login},
                       {u"salt"_qs, b64(s.salt)},
                       {u"opsLimit"_qs, static_cast<qint64>(s.kdf.opsLimit)},
                       {u"memLimit"_qs, static_cast<qint64>(s.kdf.memLimitBytes)},
                       {u"publicKey"_qs, b64(s.publicKey)},
                       {u"wrappedSecretKey"_qs, b64(s.wrappedSecretKey)},
                       {u"sealedDataKey"_qs, b64(s.sealedDataKey)},
                       {u"failedAttempts"_qs, s.failedAttempts}};
        if (s.lockedUntil.isValid())
            o.insert(u"lockedUntil"_qs, s.lockedUntil.toUTC().toString(Qt::ISODateWithMs));
        userArray.append(o);
    }
    QJsonArray pending;
    for (const PendingAuditEvent& e : pendingAudit)
        pending.append(QJsonObject {{u"at"_qs, e.at.toUTC().toString(Qt::ISODateWithMs)},
                                    {u"login"_qs, e.login},
                                    {u"action"_qs, e.action},
                                    {u"detail"_qs, e.detail}});
    const QJsonObject root {
        {u"format"_qs, QLatin1String(kFormat)},
        {u"storeId"_qs, storeId},
        {u"database"_qs, databaseFile},
        {u"generation"_qs, generation},
        {u"signIn"_qs,
         QJsonObject {{u"maxFailedAttempts"_qs, signIn.maxFailedAttempts},
                      {u"lockoutMinutes"_qs, signIn.lockoutMinutes}}},
        {u"users"_qs, userArray},
        {u"recovery"_qs,
         QJsonObject {{u"publicKey"_qs, b64(recovery.publicKey)}, {u"sealedDataKey"_qs, b64(recovery.sealedDataKey)}}},
        {u"pendingAudit"_qs, pending},
    };
    // A new file written beside the old one, made 0600 before anything is in it, on disk (fsync), then
    // renamed over the old one, and the rename put on disk (fsync of the folder). Limits: docs/security.md.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(owner_only::kFile))
        return makeError(
            ErrorCode::ReadOnly,
            QObject::tr("Hearth cannot write its key file, so nothing was changed: %1").arg(file.errorString()));
    const QByteArray data = QJsonDocument(root).toJson(QJsonDocument::Indented);
    QString problem;
    if (file.write(data) != data.size())
        problem = file.errorString();
    else if (!owner_only::syncFile(file))
        problem = QObject::tr("it could not be written to the disk");
    const bool diskFull = file.error() == QFileDevice::ResourceError;
    if (!problem.isEmpty())
        file.cancelWriting(); // the old file stays
    else if (!file.commit())
        problem = file.errorString();
    if (!problem.isEmpty())
        return makeError(diskFull ? ErrorCode::DiskFull : ErrorCode::Io,
                         QObject::tr("Hearth could not save its key file, so nothing was changed (%1). "
                                     "Check that the disk has free space.")
                             .arg(problem));
    // The new file is in place from here on: a failure now must not be reported as "nothing changed"
    // (a key rotation would then delete the database the new file names). Only the rename's durability
    // is in doubt, and only until the file system writes its metadata back by itself.
    if (!owner_only::syncFolder(QFileInfo(path).absolutePath()))
        qCWarning(lcStore) << "the data folder could not be synced after the key file was replaced";
    return {};
}

UserKeySlot* KeyFile::findLogin(const QString& login)
{
    for (UserKeySlot& s : users)
        if (s.login.compare(login, Qt::CaseInsensitive) == 0)
            return &s;
    return nullptr;
}

UserKeySlot* KeyFile::findUser(const QString& userId)
{
    for (UserKeySlot& s : users)
        if (s.userId == userId)
            return &s;
    return nullptr;
}

} // namespace hearth
