#include "ui/widgets/HudDateEdit.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QStyle>
#include <QToolButton>

namespace hearth::ui {

namespace {
const QString kDisplayFormat = QStringLiteral("MM/dd/yyyy");
} // namespace

HudDateEdit::HudDateEdit(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit)
    , m_button(new QToolButton)
{
    m_edit->setObjectName(QStringLiteral("dateText"));
    m_edit->setPlaceholderText(tr("MM/DD/YYYY"));
    // Only characters a date can be typed with; the meaning is checked as the user types.
    m_edit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9/\\-. tTodayODAY]{0,10}")), m_edit));
    m_edit->setMaxLength(10);
    m_edit->setClearButtonEnabled(true);
    const int width = m_edit->fontMetrics().horizontalAdvance(QStringLiteral("00/00/00000")) + 48;
    m_edit->setFixedWidth(width); // a date is ten characters; a wider box only moves the calendar button away
    m_edit->installEventFilter(this);

    m_button->setObjectName(QStringLiteral("dateCalendarButton"));
    m_button->setText(QStringLiteral("…"));
    m_button->setToolTip(tr("Choose from a calendar (Alt+Down)"));
    m_button->setFocusPolicy(Qt::NoFocus); // Tab moves between fields; the calendar has its own key
    m_button->setAutoRaise(true);

    setFocusProxy(m_edit);
    setFocusPolicy(Qt::StrongFocus);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_button);
    layout->addStretch();

    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        updateValidity();
        Q_EMIT dateChanged();
    });
    connect(m_edit, &QLineEdit::editingFinished, this, &HudDateEdit::normalise);
    connect(m_button, &QToolButton::clicked, this, &HudDateEdit::showCalendar);
}

QDate HudDateEdit::parse(const QString& input, const QDate& today)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    if (today.isValid()
        && (text.compare(u"t", Qt::CaseInsensitive) == 0 || text.compare(u"today", Qt::CaseInsensitive) == 0))
        return today;
    // Four-digit years only: a two-digit year is ambiguous for a date of birth.
    static const QRegularExpression us(QStringLiteral("^(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})$"));
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    static const QRegularExpression digits(QStringLiteral("^(\\d{2})(\\d{2})(\\d{4})$"));
    if (const auto m = iso.match(text); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    for (const QRegularExpression* re : {&us, &digits}) {
        if (const auto m = re->match(text); m.hasMatch())
            return QDate(m.captured(3).toInt(), m.captured(1).toInt(), m.captured(2).toInt());
    }
    return {};
}

QString HudDateEdit::format(const QDate& date)
{
    return date.isValid() ? date.toString(kDisplayFormat) : QString();
}

HudDateEdit::~HudDateEdit()
{
    // Deleting a focused field makes the line edit emit editingFinished from ~QWidget, after this
    // part of the object is gone: normalise() must not run then.
    m_edit->disconnect(this);
    m_edit->removeEventFilter(this);
}

std::optional<QDate> HudDateEdit::date() const
{
    const QDate d = parse(m_edit->text(), m_today);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

void HudDateEdit::setDate(std::optional<QDate> date)
{
    m_edit->setText(date ? format(*date) : QString());
}

bool HudDateEdit::isEmpty() const
{
    return m_edit->text().trimmed().isEmpty();
}

bool HudDateEdit::hasValidText() const
{
    return isEmpty() || date().has_value();
}

void HudDateEdit::updateValidity()
{
    // A visible cue while typing; dialogs also refuse to save with the field's label named.
    const bool valid = hasValidText() || m_edit->hasFocus();
    m_edit->setStyleSheet(valid ? QString() : QStringLiteral("QLineEdit { border: 2px solid #b00020; }"));
}

void HudDateEdit::normalise()
{
    if (const auto d = date(); d && m_edit->text() != format(*d))
        m_edit->setText(format(*d));
    updateValidity();
}

void HudDateEdit::showCalendar()
{
    if (!m_calendar) {
        m_calendar = new QCalendarWidget(this);
        m_calendar->setObjectName(QStringLiteral("dateCalendar"));
        m_calendar->setWindowFlags(Qt::Popup);
        m_calendar->setGridVisible(true);
        connect(m_calendar, &QCalendarWidget::activated, this, &HudDateEdit::pick);
        connect(m_calendar, &QCalendarWidget::clicked, this, &HudDateEdit::pick);
    }
    const QDate start = date().value_or(m_today.isValid() ? m_today : QDate::currentDate());
    m_calendar->setSelectedDate(start);
    m_calendar->adjustSize();
    m_calendar->move(m_edit->mapToGlobal(QPoint(0, m_edit->height())));
    m_calendar->show();
    m_calendar->setFocus();
}

void HudDateEdit::pick(const QDate& date)
{
    m_calendar->hide();
    setDate(date);
    m_edit->setFocus();
}

bool HudDateEdit::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_F4 || (key->key() == Qt::Key_Down && (key->modifiers() & Qt::AltModifier))) {
            showCalendar();
            return true;
        }
    }
    if (watched == m_edit && (event->type() == QEvent::FocusOut || event->type() == QEvent::FocusIn))
        updateValidity();
    return QWidget::eventFilter(watched, event);
}

} // namespace hearth::ui
