#include "core/services/AuditedFile.h"

#include <QObject>
#include <QSaveFile>

namespace hearth {

Status writeAuditedFile(const QString& path, const std::function<Status(QIODevice&)>& write,
                        const std::function<Status()>& audit, const QString& failure)
{
    QSaveFile file(path);
    const auto failed = [&file, &failure] {
        return makeError(ErrorCode::Io, QObject::tr("%1: %2").arg(failure, file.errorString()));
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    if (const Status written = write(file); !written) {
        file.cancelWriting();
        return written;
    }
    if (file.error() != QFileDevice::NoError)
        return failed(); // QSaveFile drops the temporary file when it goes
    if (const Status audited = audit(); !audited) {
        file.cancelWriting();
        return audited;
    }
    if (!file.commit())
        return failed();
    return {};
}

} // namespace hearth
