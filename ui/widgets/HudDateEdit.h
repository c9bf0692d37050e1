#pragma once

#include <QDate>
#include <QWidget>

#include <optional>

class QCalendarWidget;
class QLineEdit;
class QToolButton;

namespace hearth::ui {

/// @brief A date field that may be left empty, for HUD dates that are not known yet.
///
/// QDateEdit always holds a date, so an unanswered date would be saved as a real one. This is a line
/// edit that takes "03/12/1980", "3/12/1980", "03121980" or "1980-03-12" (and "t" for today when a
/// reference date is set), with a calendar on Alt+Down, F4 or the button.
class HudDateEdit : public QWidget
{
    Q_OBJECT
public:
    explicit HudDateEdit(QWidget* parent = nullptr);
    ~HudDateEdit() override;

    /// The date typed, or nothing when the field is empty or the text is not a date.
    std::optional<QDate> date() const;
    void setDate(std::optional<QDate> date);
    /// False when something is typed that is not a date (the dialog should say so rather than drop it).
    bool hasValidText() const;
    bool isEmpty() const;
    /// The day "t" stands for and where the calendar opens when the field is empty.
    void setReferenceDate(const QDate& today) { m_today = today; }
    QLineEdit* lineEdit() const { return m_edit; }

    /// Parses the accepted spellings; an invalid QDate when @p text is none of them.
    static QDate parse(const QString& text, const QDate& today = {});
    /// How the field writes a date: MM/dd/yyyy, as on HUD paper forms. Only for entry: screens show dates
    /// with displayDate() (core/common/DisplayDates.h).
    static QString format(const QDate& date);

Q_SIGNALS:
    /// The date (or emptiness, or validity) changed.
    void dateChanged();

public Q_SLOTS:
    void showCalendar();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateValidity();
    void normalise();
    void pick(const QDate& date);

    QLineEdit* m_edit;
    QToolButton* m_button;
    QCalendarWidget* m_calendar = nullptr; // created on first use, as a popup
    QDate m_today;
};

} // namespace hearth::ui
