#include "ui/intake/DataQualityCombo.h"

namespace hearth::ui {

DataQualityCombo::DataQualityCombo(QWidget* parent)
    : HudCodeCombo(parent)
{
    connect(this, &HudCodeCombo::codeChanged, this, [this] {
        if (!m_setting)
            m_byHand = true;
    });
}

void DataQualityCombo::suggest(int code)
{
    if (m_byHand)
        return;
    m_setting = true;
    setCode(code);
    m_setting = false;
}

void DataQualityCombo::load(std::optional<int> code, bool chosenByHand)
{
    m_setting = true;
    setCode(code);
    m_setting = false;
    m_byHand = chosenByHand;
}

} // namespace hearth::ui
