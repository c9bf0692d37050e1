#pragma once
// What the reports' HTML needs from text.

#include <QString>

namespace hearth {

inline QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace hearth
