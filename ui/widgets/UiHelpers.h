#pragma once

#include <QFont>
#include <QString>

class QAbstractItemModel;
class QLabel;
class QTableView;
class QWidget;

namespace hearth::ui {

/// The application font scaled by @p factor: respects the user's font choice and high-DPI settings.
QFont scaledFont(qreal factor, bool bold = false);

/// What a status line says: good news (saved, intact, registered), bad news (an error, a refusal) or neither.
enum class Tone
{
    Neutral,
    Good,
    Bad,
};

/// A word-wrapped label for inline errors, red and hidden while empty.
QLabel* makeErrorLabel(const QString& objectName);

/// Shows @p message in an error label made by makeErrorLabel (hides it when empty).
void showError(QLabel* label, const QString& message);

/// Shows @p message in a status line in the colour of its @p tone (green for good news, red for bad,
/// the text colour for neither), or hides the line when empty. Good news is never shown as an error.
void showStatus(QLabel* label, const QString& message, Tone tone);

/// The tone @p label was last shown with (Neutral for a label never given one).
Tone toneOf(const QLabel& label);

/// Read-only, whole-row, single-selection table over @p model whose columns fit their contents after each reset.
void setUpRecordTable(QTableView* table, QAbstractItemModel* model, const QString& objectName);

/// Lays out @p page with @p panel centred horizontally, a third of the way down, at most 60 characters wide.
void placeCentredPanel(QWidget* page, QWidget* panel);

} // namespace hearth::ui
