#pragma once

#include <QMessageBox>
#include <QString>

#include <optional>

class QDialog;
class QPrinter;
class QWidget;

/// @file Modal dialogs that survive the auto-lock.
///
/// The auto-lock deletes the workspace from inside a modal dialog's own event loop (the idle check is a
/// timer). A dialog on the stack whose parent is in the workspace is then deleted by its parent and again
/// by the stack frame, and Qt's static helpers (QMessageBox::question, QFileDialog::getSaveFileName, ...)
/// are documented not to allow their parent to be deleted while they run. These helpers run a dialog on
/// the heap under a QPointer instead. Each returns std::nullopt when the dialog or @p parent was destroyed
/// while it ran: the caller must then return at once, touching nothing of its own (it may be gone).
namespace hearth::ui {

/// Runs @p dialog (made on the heap, a child of a widget the lock may destroy) with exec(). Its result, or
/// std::nullopt when it was destroyed meanwhile. The caller reads and deletes the dialog afterwards.
std::optional<int> execGuarded(QDialog* dialog);

/// The save-file dialog: the path chosen, or an empty string when cancelled.
std::optional<QString> askSaveFileName(QWidget* parent, const QString& caption, const QString& suggestedPath,
                                       const QString& filter = {});

/// The open-file dialog: the path chosen, or an empty string when cancelled.
std::optional<QString> askOpenFileName(QWidget* parent, const QString& caption, const QString& filter);

/// A question in a message box: the button pressed (Escape or closing gives the escape button).
std::optional<QMessageBox::StandardButton> askQuestion(QWidget* parent, const QString& title, const QString& text,
                                                       QMessageBox::StandardButtons buttons,
                                                       QMessageBox::StandardButton defaultButton);

/// A password typed into an input dialog: what was typed, or an empty string when cancelled.
std::optional<QString> askPassword(QWidget* parent, const QString& title, const QString& label);

/// The print dialog for @p printer: true when the user chose to print. Without @p allowFile the dialog does
/// not offer "Print to File".
std::optional<bool> askPrinter(QWidget* parent, QPrinter& printer, const QString& title, bool allowFile = true);

/// True when @p printer writes a file (a PDF) rather than paper. Hearth treats such a printout as an export.
bool printsToFile(const QPrinter& printer);

/// Before a copy is written or printed: says what it will contain (@p contents, plain text) and asks to go
/// ahead. True when the user pressed @p proceedText. The box is named "copyConfirmation", its buttons
/// "copyProceed" and "copyCancel".
std::optional<bool> confirmCopy(QWidget* parent, const QString& title, const QString& contents,
                                const QString& proceedText);

} // namespace hearth::ui
