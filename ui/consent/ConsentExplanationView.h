#pragma once

#include "ui/consent/ConsentExplanations.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QTextBrowser;

namespace hearth::ui {

/// @brief The plain-language explanation of the selected choice and the client's rights, in large
/// text for turning the screen towards the client, with an English/Español switch.
class ConsentExplanationView : public QWidget
{
    Q_OBJECT
public:
    explicit ConsentExplanationView(QWidget* parent = nullptr);

    /// The choice to explain; nothing shows the prompt to choose.
    void setTopic(std::optional<ExplanationTopic> topic);
    /// "en" or "es": the language the explanation is shown in.
    QString language() const;
    void setLanguage(const QString& language);
    /// The text as shown, without formatting.
    QString plainText() const;

Q_SIGNALS:
    void languageChanged(const QString& language);

private:
    void render();

    QComboBox* m_language;
    QTextBrowser* m_text;
    std::optional<ExplanationTopic> m_topic;
};

} // namespace hearth::ui
