#include "ui/consent/AgencyChecklist.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace hearth::ui {

AgencyChecklist::AgencyChecklist(QWidget* parent)
    : QWidget(parent)
    , m_list(new QListWidget)
    , m_other(new QLineEdit)
    , m_add(new QPushButton(tr("A&dd")))
{
    m_list->setObjectName(QStringLiteral("partnerAgencies"));
    m_other->setObjectName(QStringLiteral("otherAgency"));
    m_add->setObjectName(QStringLiteral("addAgency"));
    m_list->setAccessibleName(tr("Agencies the client shares with"));
    m_other->setPlaceholderText(tr("Other agency"));
    m_other->setAccessibleName(tr("Other agency"));
    m_other->setToolTip(tr("An agency the client names that is not on the list; Enter or Add ticks it."));
    m_add->setEnabled(false);
    // About six rows; the list scrolls beyond.
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 6 + 2 * m_list->frameWidth() + 8);

    auto* other = new QHBoxLayout;
    other->addWidget(m_other, 1);
    other->addWidget(m_add);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(other);

    connect(m_list, &QListWidget::itemChanged, this, &AgencyChecklist::changed);
    connect(m_other, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_add->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_other, &QLineEdit::returnPressed, this, &AgencyChecklist::addOther);
    connect(m_add, &QPushButton::clicked, this, &AgencyChecklist::addOther);
}

void AgencyChecklist::setAgencies(const QStringList& agencies)
{
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const QString& agency : agencies)
            rowOf(agency);
    }
    Q_EMIT changed();
}

int AgencyChecklist::rowOf(const QString& agency)
{
    const QString name = agency.simplified();
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->text().compare(name, Qt::CaseInsensitive) == 0)
            return row;
    }
    auto* item = new QListWidgetItem(name, m_list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(Qt::Unchecked);
    return m_list->count() - 1;
}

QStringList AgencyChecklist::checkedAgencies() const
{
    QStringList checked;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            checked.append(m_list->item(row)->text());
    }
    return checked;
}

void AgencyChecklist::setCheckedAgencies(const QStringList& agencies)
{
    {
        const QSignalBlocker blocker(m_list);
        for (int row = 0; row < m_list->count(); ++row)
            m_list->item(row)->setCheckState(Qt::Unchecked);
        for (const QString& agency : agencies) {
            if (!agency.simplified().isEmpty())
                m_list->item(rowOf(agency))->setCheckState(Qt::Checked);
        }
    }
    Q_EMIT changed();
}

void AgencyChecklist::addOther()
{
    const QString name = m_other->text().simplified();
    if (name.isEmpty())
        return;
    QListWidgetItem* item = m_list->item(rowOf(name));
    m_other->clear();
    m_list->scrollToItem(item);
    item->setCheckState(Qt::Checked); // emits changed() through itemChanged
}

} // namespace hearth::ui
