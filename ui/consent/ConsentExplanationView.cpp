#include "ui/consent/ConsentExplanationView.h"

#include "ui/widgets/UiHelpers.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {

QString paragraph(const QString& text)
{
    return QStringLiteral("<p>") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

QString heading(const QString& text, int level)
{
    const QString tag = QStringLiteral("h") + QString::number(level);
    return u'<' + tag + u'>' + text.toHtmlEscaped() + QStringLiteral("</") + tag + u'>';
}

QString bullets(const QStringList& items)
{
    QString html = QStringLiteral("<ul>");
    for (const QString& item : items)
        html += QStringLiteral("<li>") + item.toHtmlEscaped() + QStringLiteral("</li>");
    return html + QStringLiteral("</ul>");
}

} // namespace

ConsentExplanationView::ConsentExplanationView(QWidget* parent)
    : QWidget(parent)
    , m_language(new QComboBox)
    , m_text(new QTextBrowser)
{
    setObjectName(QStringLiteral("explanationView"));
    m_language->setObjectName(QStringLiteral("explanationLanguage"));
    m_text->setObjectName(QStringLiteral("explanationText"));
    for (const QString& code : ConsentExplanations::languages())
        m_language->addItem(ConsentExplanations::in(code).languageName, code);
    m_language->setToolTip(tr("The language of the explanation shown to the client."));
    m_language->setAccessibleName(tr("Explanation language"));
    // Large enough to read from across a desk when the screen is turned towards the client.
    m_text->setFont(scaledFont(1.3));
    m_text->setOpenLinks(false);
    m_text->setAccessibleName(tr("Explanation for the client"));

    auto* caption = new QLabel(tr("E&xplain to the client in:"));
    caption->setBuddy(m_language);
    auto* top = new QHBoxLayout;
    top->addWidget(caption);
    top->addWidget(m_language);
    top->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);

    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        render();
        Q_EMIT languageChanged(language());
    });
    render();
}

void ConsentExplanationView::setTopic(std::optional<ExplanationTopic> topic)
{
    if (topic == m_topic)
        return;
    m_topic = topic;
    render();
}

QString ConsentExplanationView::language() const
{
    return m_language->currentData().toString();
}

void ConsentExplanationView::setLanguage(const QString& language)
{
    const int index = m_language->findData(language);
    if (index >= 0)
        m_language->setCurrentIndex(index);
}

QString ConsentExplanationView::plainText() const
{
    return m_text->toPlainText();
}

void ConsentExplanationView::render()
{
    const ConsentExplanations& e = ConsentExplanations::in(language());
    QString html;
    if (m_topic) {
        const TopicExplanation& t = e.topics.value(*m_topic);
        html += heading(t.title, 2);
        html += heading(e.sharedHeading, 3) + paragraph(t.shared);
        html += heading(e.withWhomHeading, 3) + paragraph(t.withWhom);
        html += heading(e.consequencesHeading, 3) + bullets(t.consequences);
    } else {
        html += paragraph(e.about) + paragraph(e.prompt);
    }
    html += heading(e.rightsTitle, 3) + bullets(e.rights);
    m_text->setHtml(html);
}

} // namespace hearth::ui
