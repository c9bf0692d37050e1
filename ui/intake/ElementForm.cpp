#include "ui/intake/ElementForm.h"

#include "core/hud/HudCatalog.h"
#include "ui/widgets/HudCodeCombo.h"
#include "ui/widgets/HudDateEdit.h"
#include "ui/widgets/UiHelpers.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {

/// "$1,250.50" -> 1250.5; nothing for empty text. *ok is false for text that is not an amount.
std::optional<double> parseAmount(const QString& text, bool* ok)
{
    QString plain = text.trimmed();
    plain.remove(u'$');
    plain.remove(u',');
    *ok = true;
    if (plain.isEmpty())
        return std::nullopt;
    const double value = plain.toDouble(ok);
    return *ok ? std::optional<double>(value) : std::nullopt;
}

QString amountText(double amount)
{
    return QString::number(amount, 'f', 2);
}

} // namespace

ElementForm::ElementForm(const ProgramElement& element, int projectType, QWidget* parent)
    : QWidget(parent)
    , m_element(element)
    , m_projectType(projectType)
    , m_form(new QFormLayout)
{
    setObjectName(QStringLiteral("element_") + element.id);
    auto* title = new QLabel(tr("%1 %2").arg(element.id, element.title));
    title->setObjectName(QStringLiteral("elementTitle"));
    title->setFont(scaledFont(1.1, true));
    auto* help = new QLabel(element.help);
    help->setObjectName(QStringLiteral("elementHelp"));
    help->setWordWrap(true);
    help->setTextFormat(Qt::PlainText);
    help->setVisible(!element.help.isEmpty());

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // A long HUD question moves its control to the next line instead of being clipped.
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    for (const FormField& field : element.fields) {
        QWidget* control = makeControl(field);
        auto* label = new QLabel(field.label + u':');
        label->setBuddy(control);
        // Fields without their own help point at the element's.
        const QString helpText = field.help.isEmpty() ? element.help : field.help;
        for (QWidget* w : {static_cast<QWidget*>(label), control}) {
            w->setToolTip(helpText);
            w->setWhatsThis(helpText);
        }
        m_form->addRow(label, control);
        m_controls.insert(field.column, control);
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(help);
    layout->addLayout(m_form);
    updateVisibility();
}

QWidget* ElementForm::makeControl(const FormField& field)
{
    const auto column = HudCatalog::instance().column(m_element.file, field.column);
    QWidget* control = nullptr;
    if (column && column->isCoded()) {
        auto* combo = new HudCodeCombo;
        combo->setColumn(m_element.file, field.column, field.listId);
        connect(combo, &HudCodeCombo::codeChanged, this, &ElementForm::onEdited);
        m_kinds.insert(field.column, Kind::Code);
        control = combo;
    } else if (column && column->type == u"D") {
        auto* date = new HudDateEdit;
        connect(date, &HudDateEdit::dateChanged, this, &ElementForm::onEdited);
        m_kinds.insert(field.column, Kind::Date);
        control = date;
    } else if (column && column->type.startsWith(u'M')) {
        auto* amount = new QLineEdit;
        amount->setPlaceholderText(tr("0.00"));
        amount->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("\\$?[0-9,]{0,9}(\\.[0-9]{0,2})?")), amount));
        amount->setMaximumWidth(amount->fontMetrics().horizontalAdvance(QStringLiteral("$000,000,000.00")) + 24);
        connect(amount, &QLineEdit::textChanged, this, &ElementForm::onEdited);
        m_kinds.insert(field.column, Kind::Money);
        control = amount;
    } else if (column && column->type == u"I") {
        auto* number = new QLineEdit;
        number->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,9}")), number));
        number->setMaximumWidth(number->fontMetrics().horizontalAdvance(QStringLiteral("000000000")) + 24);
        connect(number, &QLineEdit::textChanged, this, &ElementForm::onEdited);
        m_kinds.insert(field.column, Kind::Integer);
        control = number;
    } else {
        auto* text = new QLineEdit;
        if (column && column->maxLength > 0)
            text->setMaxLength(column->maxLength);
        connect(text, &QLineEdit::textChanged, this, &ElementForm::onEdited);
        m_kinds.insert(field.column, Kind::Text);
        control = text;
    }
    control->setObjectName(field.column);
    return control;
}

void ElementForm::readControl(const FormField& field, HudValues& out) const
{
    QWidget* control = m_controls.value(field.column);
    switch (m_kinds.value(field.column)) {
    case Kind::Code:
        out.setCode(field.column, static_cast<HudCodeCombo*>(control)->code());
        break;
    case Kind::Date:
        out.setDate(field.column, static_cast<HudDateEdit*>(control)->date());
        break;
    case Kind::Money: {
        bool ok = false;
        out.setMoney(field.column, parseAmount(static_cast<QLineEdit*>(control)->text(), &ok));
        break;
    }
    case Kind::Integer: {
        bool ok = false;
        const int value = static_cast<QLineEdit*>(control)->text().toInt(&ok);
        out.setCode(field.column, ok ? std::optional<int>(value) : std::nullopt);
        break;
    }
    case Kind::Text:
        out.setText(field.column, static_cast<QLineEdit*>(control)->text().trimmed());
        break;
    }
}

void ElementForm::writeControl(const FormField& field, const HudValues& values)
{
    QWidget* control = m_controls.value(field.column);
    switch (m_kinds.value(field.column)) {
    case Kind::Code:
        static_cast<HudCodeCombo*>(control)->setCode(values.code(field.column));
        break;
    case Kind::Date:
        static_cast<HudDateEdit*>(control)->setDate(values.date(field.column));
        break;
    case Kind::Money: {
        const auto amount = values.money(field.column);
        static_cast<QLineEdit*>(control)->setText(amount ? amountText(*amount) : QString());
        break;
    }
    case Kind::Integer: {
        const auto number = values.code(field.column);
        static_cast<QLineEdit*>(control)->setText(number ? QString::number(*number) : QString());
        break;
    }
    case Kind::Text:
        static_cast<QLineEdit*>(control)->setText(values.text(field.column));
        break;
    }
}

HudValues ElementForm::rawValues() const
{
    HudValues out;
    for (const FormField& field : m_element.fields)
        readControl(field, out);
    for (auto it = m_element.fixedValues.cbegin(); it != m_element.fixedValues.cend(); ++it)
        out.setCode(it.key(), it.value());
    return out;
}

HudValues ElementForm::values() const
{
    return ProgramElements::withoutHiddenAnswers(m_element, rawValues(), m_projectType);
}

void ElementForm::setValues(const HudValues& values)
{
    m_loading = true;
    for (const FormField& field : m_element.fields)
        writeControl(field, values);
    m_loading = false;
    updateVisibility();
    Q_EMIT changed();
}

QStringList ElementForm::unreadableFields() const
{
    QStringList out;
    for (const FormField& field : m_element.fields) {
        if (!isShown(field.column))
            continue;
        QWidget* control = m_controls.value(field.column);
        bool readable = true;
        if (m_kinds.value(field.column) == Kind::Date)
            readable = static_cast<HudDateEdit*>(control)->hasValidText();
        else if (m_kinds.value(field.column) == Kind::Money)
            parseAmount(static_cast<QLineEdit*>(control)->text(), &readable);
        if (!readable)
            out << field.label;
    }
    return out;
}

bool ElementForm::isShown(const QString& column) const
{
    return m_shown.value(column, false);
}

void ElementForm::updateVisibility()
{
    const QList<FormField> shown = ProgramElements::shownFields(m_element, rawValues(), m_projectType);
    for (const FormField& field : m_element.fields) {
        const bool visible
            = std::any_of(shown.cbegin(), shown.cend(), [&](const FormField& s) { return s.column == field.column; });
        m_shown.insert(field.column, visible);
        m_form->setRowVisible(m_controls.value(field.column), visible);
    }
}

void ElementForm::onEdited()
{
    if (m_loading)
        return;
    updateVisibility();
    Q_EMIT changed();
}

} // namespace hearth::ui
