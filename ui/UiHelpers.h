#pragma once

#include <QFont>
#include <QString>

class QLabel;

namespace hearth::ui {

/// The application font scaled by @p factor: respects the user's font choice and high-DPI settings.
QFont scaledFont(qreal factor, bool bold = false);

/// A word-wrapped label for inline errors, red and hidden while empty.
QLabel* makeErrorLabel(const QString& objectName);

/// Shows @p message in an error label made by makeErrorLabel (hides it when empty).
void showError(QLabel* label, const QString& message);

} // namespace hearth::ui
