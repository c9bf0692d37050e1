#include "ui/widgets/HudCodeCombo.h"

#include <QAbstractItemView>

#include <algorithm>

namespace hearth::ui {

namespace {
const QString kUnanswered = QStringLiteral("—");
} // namespace

HudCodeCombo::HudCodeCombo(QWidget* parent)
    : QComboBox(parent)
{
    // Some HUD labels are a sentence long: keep the field a sensible width, the popup shows them whole.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(24);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    addItem(kUnanswered);
    connect(this, &QComboBox::currentIndexChanged, this, &HudCodeCombo::codeChanged);
}

void HudCodeCombo::setList(const QString& listId)
{
    const auto list = HudCatalog::instance().list(listId);
    setOptions(list ? list->options : QList<HudOption> {});
}

void HudCodeCombo::setColumn(const QString& file, const QString& column, const QString& listId)
{
    const HudCatalog& catalog = HudCatalog::instance();
    QList<HudOption> options
        = listId.isEmpty() ? catalog.allowedCodes(file, column) : catalog.allowedCodes(file, column, listId);
    // The missing-data answers are always offered when the list has them (agency policy).
    QString fullList = listId;
    if (fullList.isEmpty()) {
        if (const auto col = catalog.column(file, column); col && !col->listIds.isEmpty())
            fullList = col->listIds.constFirst();
    }
    if (const auto list = catalog.list(fullList)) {
        for (const HudOption& option : list->options) {
            const bool present = std::any_of(options.cbegin(), options.cend(),
                                             [&](const HudOption& o) { return o.code == option.code; });
            if (option.isMissingDataReason() && !present)
                options.append(option);
        }
    }
    setOptions(options);
}

void HudCodeCombo::setOptions(const QList<HudOption>& options)
{
    const std::optional<int> previous = code();
    const QSignalBlocker block(this);
    clear();
    m_options = options;
    addItem(kUnanswered);
    for (const HudOption& option : options)
        addItem(option.label, option.code);
    // Keep the answer when the new list has it; otherwise back to "not answered".
    setCurrentIndex(previous ? std::max(0, findData(QString::number(*previous))) : 0);
    // The popup is as wide as the longest label, even when the field is narrower.
    view()->setMinimumWidth(view()->sizeHintForColumn(0) + 24);
}

std::optional<int> HudCodeCombo::code() const
{
    const QVariant stored = currentData();
    if (!stored.isValid())
        return std::nullopt;
    bool ok = false;
    const int value = stored.toString().toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

void HudCodeCombo::setCode(std::optional<int> code)
{
    if (!code) {
        setCurrentIndex(0);
        return;
    }
    const QString key = QString::number(*code);
    int index = findData(key);
    if (index < 0) {
        addItem(tr("Code %1 (no longer offered)").arg(key), key);
        index = count() - 1;
    }
    setCurrentIndex(index);
}

QString HudCodeCombo::codeLabel() const
{
    return code() ? currentText() : QString();
}

} // namespace hearth::ui
