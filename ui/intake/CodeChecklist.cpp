#include "ui/intake/CodeChecklist.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace hearth::ui {

CodeChecklist::CodeChecklist(QWidget* parent)
    : QWidget(parent)
    , m_filter(new QLineEdit)
    , m_list(new QListWidget)
    , m_summary(new QLabel)
{
    m_filter->setPlaceholderText(tr("Type to filter, Down to choose"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_list->installEventFilter(this);
    m_list->setUniformItemSizes(true);
    m_list->setMinimumHeight(m_list->fontMetrics().lineSpacing() * 8);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    setFocusProxy(m_filter);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    layout->addWidget(m_summary);

    connect(m_filter, &QLineEdit::textChanged, this, &CodeChecklist::applyFilter);
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        updateSummary();
        Q_EMIT checkedCodesChanged();
    });
    updateSummary();
}

void CodeChecklist::setList(const QString& listId)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    const auto list = HudCatalog::instance().list(listId);
    if (!list)
        return;
    for (const HudOption& option : list->options) {
        if (!option.number())
            continue;
        auto* item = new QListWidgetItem(option.label, m_list);
        item->setData(Qt::UserRole, *option.number());
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    updateSummary();
}

QList<int> CodeChecklist::checkedCodes() const
{
    QList<int> codes;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            codes << m_list->item(i)->data(Qt::UserRole).toInt();
    }
    return codes;
}

void CodeChecklist::setCheckedCodes(const QList<int>& codes)
{
    {
        const QSignalBlocker block(m_list);
        for (int i = 0; i < m_list->count(); ++i) {
            QListWidgetItem* item = m_list->item(i);
            item->setCheckState(codes.contains(item->data(Qt::UserRole).toInt()) ? Qt::Checked : Qt::Unchecked);
        }
    }
    updateSummary();
    Q_EMIT checkedCodesChanged();
}

void CodeChecklist::applyFilter(const QString& text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        item->setHidden(!needle.isEmpty() && !item->text().contains(needle, Qt::CaseInsensitive));
    }
}

void CodeChecklist::updateSummary()
{
    // The checked sources stay visible whatever the filter hides.
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            names << m_list->item(i)->text();
    }
    m_summary->setText(names.isEmpty() ? tr("None chosen.") : tr("Chosen: %1").arg(names.join(u"; ")));
}

bool CodeChecklist::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (watched == m_filter && key->key() == Qt::Key_Down) {
        for (int i = 0; i < m_list->count(); ++i) {
            if (!m_list->item(i)->isHidden()) {
                m_list->setCurrentRow(i);
                break;
            }
        }
        m_list->setFocus();
        return true;
    }
    if (watched == m_list && key->key() == Qt::Key_Up) {
        // From the first visible row, Up goes back to the filter.
        int first = -1;
        for (int i = 0; i < m_list->count() && first < 0; ++i) {
            if (!m_list->item(i)->isHidden())
                first = i;
        }
        if (m_list->currentRow() == first) {
            m_filter->setFocus();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace hearth::ui
