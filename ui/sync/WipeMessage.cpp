#include "ui/sync/WipeMessage.h"

#include "core/vault/Vault.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace hearth::ui {

QString wipeMessageText(const QString& reason)
{
    QString why = reason.trimmed();
    while (why.endsWith(u'.'))
        why.chop(1);
    if (why.isEmpty())
        why = QCoreApplication::translate("WipeMessage", "no reason was given");
    return QCoreApplication::translate("WipeMessage",
                                       "An administrator removed this workstation from the agency server: %1. "
                                       "Hearth has erased its data on this computer.")
        .arg(why);
}

QMessageBox* openWipeMessage(QWidget* parent, const QString& reason)
{
    auto* box = new QMessageBox(QMessageBox::Warning,
                                QCoreApplication::translate("WipeMessage", "This workstation was erased"),
                                wipeMessageText(reason), QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("wipeMessage"));
    box->setInformativeText(QCoreApplication::translate(
        "WipeMessage",
        "Records this workstation sent to the server are still there. To use Hearth on this computer "
        "again, set it up anew; an administrator then registers it with the server."));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::ApplicationModal);
    box->open();
    return box;
}

QMessageBox* openPendingWipeNotice(QWidget* parent, Vault& vault)
{
    const auto reason = vault.pendingWipeReason();
    if (!reason)
        return nullptr;
    QMessageBox* box = openWipeMessage(parent, *reason);
    QObject::connect(box, &QMessageBox::finished, box, [&vault] { vault.acknowledgeWipe(); });
    return box;
}

} // namespace hearth::ui
