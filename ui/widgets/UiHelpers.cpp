#include "ui/widgets/UiHelpers.h"

#include <QApplication>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPalette>
#include <QTableView>

namespace hearth::ui {

QFont scaledFont(qreal factor, bool bold)
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

namespace {
constexpr char kToneProperty[] = "hearthTone";

void setTone(QLabel* label, Tone tone)
{
    label->setProperty(kToneProperty, int(tone));
    if (tone == Tone::Neutral) {
        label->setPalette(QPalette()); // back to the inherited colours
        return;
    }
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, tone == Tone::Bad ? QColor(0xb0, 0x00, 0x20) : QColor(0x1b, 0x5e, 0x20));
    label->setPalette(palette);
}
} // namespace

QLabel* makeErrorLabel(const QString& objectName)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    setTone(label, Tone::Bad);
    label->setVisible(false);
    return label;
}

void showError(QLabel* label, const QString& message)
{
    showStatus(label, message, Tone::Bad);
}

void showStatus(QLabel* label, const QString& message, Tone tone)
{
    setTone(label, tone);
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

Tone toneOf(const QLabel& label)
{
    const QVariant tone = label.property(kToneProperty);
    return tone.isValid() ? Tone(tone.toInt()) : Tone::Neutral;
}

void setUpRecordTable(QTableView* table, QAbstractItemModel* model, const QString& objectName)
{
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
    QObject::connect(model, &QAbstractItemModel::modelReset, table, &QTableView::resizeColumnsToContents);
}

void placeCentredPanel(QWidget* page, QWidget* panel)
{
    panel->setMaximumWidth(QFontMetrics(page->font()).averageCharWidth() * 60);
    panel->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    // Stretchable rows and columns around the panel.
    auto* outer = new QGridLayout(page);
    outer->addWidget(panel, 1, 1);
    outer->setRowStretch(0, 1);
    outer->setRowStretch(2, 2);
    outer->setColumnStretch(0, 1);
    outer->setColumnStretch(2, 1);
}

} // namespace hearth::ui
