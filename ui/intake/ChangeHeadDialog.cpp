#include "ui/intake/ChangeHeadDialog.h"

#include "core/hud/HudCodes.h"
#include "ui/widgets/GuardedDialogs.h"
#include "ui/widgets/HudCodeCombo.h"
#include "ui/widgets/UiHelpers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

ChangeHeadDialog::ChangeHeadDialog(const QList<household::Member>& members, const QHash<QString, QString>& names,
                                   const QString& preferred, const QStringList& leaving, QDate today, QWidget* parent)
    : QDialog(parent)
    , m_members(members)
    , m_leaving(leaving)
    , m_today(today)
    , m_newHead(new QComboBox)
    , m_formerRelationship(new HudCodeCombo)
    , m_error(makeErrorLabel(QStringLiteral("changeHeadError")))
{
    setWindowTitle(tr("Change head of household"));
    m_newHead->setObjectName(QStringLiteral("newHeadCombo"));
    m_formerRelationship->setObjectName(QStringLiteral("formerHeadRelationship"));
    QString formerHead;
    for (const household::Member& m : members) {
        const Enrollment& e = m.enrollment;
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
    const QString newHead = m_newHead->currentData().toString();
    const int relationship = *m_formerRelationship->code();
    const auto find = [this](const auto& match) {
        return std::find_if(m_members.cbegin(), m_members.cend(), match);
    };
    const auto head = find([&](const household::Member& m) { return m.enrollment.uuid == newHead; });
    const auto former
        = find([](const household::Member& m) { return m.enrollment.isActive() && m.enrollment.isHead(); });
    if (head != m_members.cend() && former != m_members.cend()) {
        if (const Status plausible = household::plausibleHeadChange(*head, *former, relationship); !plausible) {
            showError(m_error, plausible.message());
            m_formerRelationship->setFocus();
            return;
        }
    }
    // Who stays after the exit decides whether a child would head adults.
    QList<household::Member> staying = m_members;
    for (household::Member& m : staying)
        if (m_leaving.contains(m.enrollment.uuid))
            m.enrollment.exitDate = m_today;
    const QString confirm = household::headNeedsConfirmation(staying, newHead, m_today);
    if (!confirm.isEmpty()) {
        // On the heap and guarded: an auto-lock while it waits deletes this dialog with it.
        auto* ask
            = new QMessageBox(QMessageBox::Question, windowTitle(), confirm, QMessageBox::Yes | QMessageBox::No, this);
        ask->setObjectName(QStringLiteral("childHeadConfirmation"));
        ask->setDefaultButton(QMessageBox::No);
        const std::optional<int> answer = execGuarded(ask);
        if (!answer)
            return; // locked meanwhile: this dialog is gone
        delete ask;
        if (*answer != QMessageBox::Yes)
            return;
    }
    m_choice = HeadChange {newHead, relationship};
    QDialog::accept();
}

} // namespace hearth::ui
