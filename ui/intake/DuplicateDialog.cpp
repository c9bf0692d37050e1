#include "ui/intake/DuplicateDialog.h"

#include "core/intake/DateOfBirth.h"
#include "core/intake/Ssn.h"
#include "ui/intake/ClientPickerDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

DuplicateDialog::DuplicateDialog(const std::vector<ClientMatch>& matches, QDate today, QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget)
{
    setWindowTitle(tr("Possible duplicate"));
    setObjectName(QStringLiteral("duplicateDialog"));
    auto* intro = new QLabel(tr("This client may already be recorded. Open the existing record if it is the same "
                                "person; a second record splits their history."));
    intro->setObjectName(QStringLiteral("duplicateIntro"));
    intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("duplicateList"));
    for (const ClientMatch& m : matches) {
        const ClientProfile& c = m.client;
        QStringList facts {clientName(c), dob::display(c.dob, c.dobDataQuality, today)};
        if (!c.ssn.isEmpty())
            facts << tr("SSN %1").arg(ssn::mask(c.ssn));
        facts << tr("case %1").arg(c.caseNumber);
        auto* item = new QListWidgetItem(facts.join(QStringLiteral(" — ")) + u'\n'
                                         + tr("Why: %1").arg(m.match.explanation().join(QStringLiteral("; "))));
        item->setData(Qt::UserRole, c.uuid);
        m_list->addItem(item);
    }
    m_list->setCurrentRow(0);

    auto* buttons = new QDialogButtonBox;
    auto* open = buttons->addButton(tr("&Open existing"), QDialogButtonBox::AcceptRole);
    open->setObjectName(QStringLiteral("openExistingButton"));
    auto* create = buttons->addButton(tr("&Create anyway"), QDialogButtonBox::ActionRole);
    create->setObjectName(QStringLiteral("createAnywayButton"));
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setText(tr("&Back to the form"));
    cancel->setObjectName(QStringLiteral("duplicateCancelButton"));
    open->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    connect(open, &QPushButton::clicked, this, [this] { done(OpenExisting); });
    connect(create, &QPushButton::clicked, this, [this] { done(CreateAnyway); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, [this] { done(OpenExisting); });
    resize(560, 320);
}

QString DuplicateDialog::chosenUuid() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

} // namespace hearth::ui
