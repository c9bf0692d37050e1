#include "ui/intake/FindingsView.h"

#include <QFontMetrics>

namespace hearth::ui {

FindingsView::FindingsView(QWidget* parent)
    : QListWidget(parent)
{
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus); // read-only information; Tab goes from field to field
    setMaximumHeight(fontMetrics().lineSpacing() * 7);
    setVisible(false);
}

void FindingsView::setFindings(const QualityFindings& findings)
{
    m_findings = findings;
    // Refusals first: they are what the user must fix to save.
    std::stable_sort(m_findings.begin(), m_findings.end(),
                     [](const QualityFinding& a, const QualityFinding& b) { return a.isRefusal() && !b.isRefusal(); });
    clear();
    for (const QualityFinding& f : std::as_const(m_findings)) {
        auto* item = new QListWidgetItem(f.isRefusal() ? tr("Cannot save: %1").arg(f.message)
                                                       : tr("Check: %1").arg(f.message));
        if (f.isRefusal())
            item->setForeground(QColor(0xb0, 0x00, 0x20));
        addItem(item);
    }
    setVisible(!m_findings.isEmpty());
}

QStringList FindingsView::messages() const
{
    QStringList out;
    for (int i = 0; i < count(); ++i)
        out << item(i)->text();
    return out;
}

QualityFindings findingsAbout(const QString& who, QualityFindings findings)
{
    for (QualityFinding& f : findings)
        f.message = who + QStringLiteral(": ") + f.message;
    return findings;
}

} // namespace hearth::ui
