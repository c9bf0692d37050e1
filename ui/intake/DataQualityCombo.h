#pragma once

#include "ui/widgets/HudCodeCombo.h"

namespace hearth::ui {

/// @brief A HUD data-quality combo (3.01.5, 3.02.2, 3.03.2) that follows what was typed until the
/// user picks an answer by hand; from then on their choice stands.
class DataQualityCombo : public HudCodeCombo
{
    Q_OBJECT
public:
    explicit DataQualityCombo(QWidget* parent = nullptr);

    /// Shows @p code unless the user chose an answer by hand.
    void suggest(int code);
    /// Sets @p code without counting it as the user's choice, then says whether it is one.
    void load(std::optional<int> code, bool chosenByHand);
    bool chosenByHand() const { return m_byHand; }

private:
    bool m_setting = false;
    bool m_byHand = false;
};

} // namespace hearth::ui
