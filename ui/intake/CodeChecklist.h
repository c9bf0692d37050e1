#pragma once

#include "core/hud/HudCatalog.h"

#include <QWidget>

class QLineEdit;
class QListWidget;
class QLabel;

namespace hearth::ui {

/// @brief Several answers from one HUD list (2.06.1 funding sources): a filter box over a list of
/// check boxes. Keyboard: type to filter, Down to the list, Space to check, Up from the top back.
class CodeChecklist : public QWidget
{
    Q_OBJECT
public:
    explicit CodeChecklist(QWidget* parent = nullptr);

    void setList(const QString& listId);
    QList<int> checkedCodes() const; ///< in list order
    void setCheckedCodes(const QList<int>& codes);
    QLineEdit* filterEdit() const { return m_filter; }
    QListWidget* listWidget() const { return m_list; }

Q_SIGNALS:
    void checkedCodesChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFilter(const QString& text);
    void updateSummary();

    QLineEdit* m_filter;
    QListWidget* m_list;
    QLabel* m_summary;
};

} // namespace hearth::ui
