#include "ui/intake/ChangeHeadDialog.h"

#include "core/hud/HudCodes.h"
#include "core/services/EnrollmentRecords.h"
#include "ui/widgets/HudCodeCombo.h"
#include "ui/widgets/UiHelpers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

ChangeHeadDialog::ChangeHeadDialog(Vault& vault, const QList<Enrollment>& members, const QHash<QString, QString>& names,
                                   const QString& preferred, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_newHead(new QComboBox)
    , m_formerRelationship(new HudCodeCombo)
    , m_error(makeErrorLabel(QStringLiteral("changeHeadError")))
{
    setWindowTitle(tr("Change head of household"));
    m_newHead->setObjectName(QStringLiteral("newHeadCombo"));
    m_formerRelationship->setObjectName(QStringLiteral("formerHeadRelationship"));
    QString formerHead;
    for (const Enrollment& e : members) {
        m_householdId = e.householdId;
        if (e.isActive() && e.isHead())
            formerHead = names.value(e.uuid);
        else if (e.isActive())
            m_newHead->addItem(names.value(e.uuid), e.uuid);
    }
    m_newHead->setCurrentIndex(std::max(0, m_newHead->findData(preferred)));
    // A former head cannot stay "Self": every other 3.15.1 answer is offered.
    QList<HudOption> relationships;
    if (const auto list = HudCatalog::instance().list(hud::list::RelationshipToHoH)) {
        for (const HudOption& o : list->options) {
            if (o.number() != hud::Relationship::Self)
                relationships << o;
        }
    }
    m_formerRelationship->setOptions(relationships);
    m_formerRelationship->setToolTip(tr("3.15 How the former head is related to the new head."));

    auto* form = new QFormLayout;
    form->addRow(tr("&New head of household:"), m_newHead);
    form->addRow(tr("%1 is the new head's:").arg(formerHead.isEmpty() ? tr("Former head") : formerHead),
                 m_formerRelationship);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Change head"));
    ok->setObjectName(QStringLiteral("changeHeadOk"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangeHeadDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_newHead->setFocus();
}

void ChangeHeadDialog::accept()
{
    if (m_newHead->currentIndex() < 0) {
        showError(m_error, tr("Nobody else in this household is still enrolled."));
        return;
    }
    if (!m_formerRelationship->code()) {
        showError(m_error, tr("Choose the former head's relationship to the new head."));
        m_formerRelationship->setFocus();
        return;
    }
    const Status changed = EnrollmentRecords(m_vault).changeHead(m_householdId, m_newHead->currentData().toString(),
                                                                 *m_formerRelationship->code());
    if (!changed) {
        showError(m_error, changed.message());
        return;
    }
    QDialog::accept();
}

} // namespace hearth::ui
