#pragma once

#include <QString>

class QMessageBox;
class QWidget;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// The sentence a wiped workstation shows: who removed it, why, and that its data is gone.
QString wipeMessageText(const QString& reason);

/// Opens (never exec()s) the message that this workstation was removed from the agency server and
/// erased. The box deletes itself when closed; connect to its finished() for what comes next.
QMessageBox* openWipeMessage(QWidget* parent, const QString& reason);

/// At start-up: the notice an earlier wipe left in the vault's data folder, shown once (cleared when closed).
/// nullptr when there is none.
QMessageBox* openPendingWipeNotice(QWidget* parent, Vault& vault);

} // namespace hearth::ui
