#include "ui/widgets/GuardedDialogs.h"

#include <QDialog>
#include <QFileDialog>
#include <QInputDialog>
#include <QPointer>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>

namespace hearth::ui {

std::optional<int> execGuarded(QDialog* dialog)
{
    const QPointer<QDialog> alive(dialog);
    const QPointer<QWidget> parent(dialog->parentWidget());
    const bool hadParent = parent != nullptr;
    const int result = dialog->exec();
    if (!alive || (hadParent && !parent))
        return std::nullopt;
    return result;
}

namespace {
std::optional<QString> askFileName(QWidget* parent, QFileDialog::AcceptMode mode, const QString& caption,
                                   const QString& path, const QString& filter)
{
    QPointer<QFileDialog> dialog = new QFileDialog(parent, caption, path, filter);
    dialog->setObjectName(QStringLiteral("guardedFileDialog"));
    dialog->setAcceptMode(mode);
    dialog->setFileMode(mode == QFileDialog::AcceptSave ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    const std::optional<int> result = execGuarded(dialog);
    if (!result)
        return std::nullopt;
    const QStringList chosen = dialog->selectedFiles();
    delete dialog;
    return *result == QDialog::Accepted && !chosen.isEmpty() ? chosen.constFirst() : QString();
}
} // namespace

std::optional<QString> askSaveFileName(QWidget* parent, const QString& caption, const QString& suggestedPath,
                                       const QString& filter)
{
    return askFileName(parent, QFileDialog::AcceptSave, caption, suggestedPath, filter);
}

std::optional<QString> askOpenFileName(QWidget* parent, const QString& caption, const QString& filter)
{
    return askFileName(parent, QFileDialog::AcceptOpen, caption, QString(), filter);
}

std::optional<QMessageBox::StandardButton> askQuestion(QWidget* parent, const QString& title, const QString& text,
                                                       QMessageBox::StandardButtons buttons,
                                                       QMessageBox::StandardButton defaultButton)
{
    QPointer<QMessageBox> box = new QMessageBox(QMessageBox::Question, title, text, buttons, parent);
    box->setDefaultButton(defaultButton);
    if (!execGuarded(box))
        return std::nullopt;
    const QMessageBox::StandardButton pressed = box->standardButton(box->clickedButton());
    delete box;
    return pressed;
}

std::optional<bool> askPrinter(QWidget* parent, QPrinter& printer, const QString& title, bool allowFile)
{
    QPointer<QPrintDialog> dialog = new QPrintDialog(&printer, parent);
    dialog->setObjectName(QStringLiteral("guardedPrintDialog"));
    dialog->setWindowTitle(title);
    dialog->setOption(QAbstractPrintDialog::PrintToFile, allowFile);
    const std::optional<int> result = execGuarded(dialog);
    if (!result)
        return std::nullopt; // the printer is the caller's: nothing here uses it any more
    delete dialog;
    return *result == QDialog::Accepted;
}

bool printsToFile(const QPrinter& printer)
{
    return printer.outputFormat() == QPrinter::PdfFormat || !printer.outputFileName().isEmpty();
}

std::optional<bool> confirmCopy(QWidget* parent, const QString& title, const QString& contents,
                                const QString& proceedText)
{
    QPointer<QMessageBox> box = new QMessageBox(QMessageBox::Warning, title, contents, QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("copyConfirmation"));
    box->setTextFormat(Qt::PlainText);
    QPushButton* proceed = box->addButton(proceedText, QMessageBox::AcceptRole);
    proceed->setObjectName(QStringLiteral("copyProceed"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("copyCancel"));
    box->setDefaultButton(proceed);
    box->setEscapeButton(cancel);
    if (!execGuarded(box))
        return std::nullopt;
    const bool accepted = box->clickedButton() == proceed;
    delete box;
    return accepted;
}

std::optional<QString> askPassword(QWidget* parent, const QString& title, const QString& label)
{
    QPointer<QInputDialog> dialog = new QInputDialog(parent);
    dialog->setObjectName(QStringLiteral("guardedPasswordDialog"));
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextEchoMode(QLineEdit::Password);
    const std::optional<int> result = execGuarded(dialog);
    if (!result)
        return std::nullopt;
    QString typed = *result == QDialog::Accepted ? dialog->textValue() : QString();
    dialog->setTextValue({});
    delete dialog;
    return typed;
}

} // namespace hearth::ui
