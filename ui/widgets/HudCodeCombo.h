#pragma once

#include "core/hud/HudCatalog.h"

#include <QComboBox>

#include <optional>

namespace hearth::ui {

/// @brief A combo box of HUD responses: a leading "—" for "not answered yet", then the options in
/// catalog order, always including the list's missing-data answers (8, 9, 99).
///
/// Coded HUD fields are never typed; this is the control for every one of them. Type-ahead works as
/// in any combo box (typing "Ch" jumps to "Child").
class HudCodeCombo : public QComboBox
{
    Q_OBJECT
public:
    explicit HudCodeCombo(QWidget* parent = nullptr);

    /// Options of a catalog list ("3.15.1").
    void setList(const QString& listId);
    /// Options a column accepts (honouring HUD's per-column exclusions), from @p listId when the
    /// column's list depends on another column.
    void setColumn(const QString& file, const QString& column, const QString& listId = {});
    /// Options given directly (already in display order).
    void setOptions(const QList<HudOption>& options);

    /// The chosen code, or nothing while "—" is selected.
    std::optional<int> code() const;
    /// Selects @p code; a code the list no longer offers is kept and marked, never silently dropped.
    void setCode(std::optional<int> code);
    /// The options offered, without the leading "—".
    QList<HudOption> options() const { return m_options; }
    QString codeLabel() const;

Q_SIGNALS:
    void codeChanged();

private:
    QList<HudOption> m_options;
};

} // namespace hearth::ui
