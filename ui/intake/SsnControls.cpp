#include "ui/intake/SsnControls.h"

#include "core/hud/HudCodes.h"
#include "core/intake/Ssn.h"
#include "ui/intake/DataQualityCombo.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>

namespace hearth::ui {

namespace {
const QString kSsnText = QStringLiteral("text");
const QString kConsent = QStringLiteral("consentRefused");
const QString kSsnQuality = QStringLiteral("quality");
const QString kSsnQualityByHand = QStringLiteral("qualityByHand");
const QString kKeepsStored = QStringLiteral("keepsStored");
} // namespace

SsnControls::SsnControls(QObject* parent)
    : QObject(parent)
    , m_edit(new QLineEdit)
    , m_consent(new QCheckBox(tr("&Consent refused")))
    , m_quality(new DataQualityCombo)
    , m_warnings(new QLabel)
{
    m_edit->setObjectName(QStringLiteral("ssn"));
    m_consent->setObjectName(QStringLiteral("ssnConsentRefused"));
    m_quality->setObjectName(QStringLiteral("ssnDataQuality"));
    m_warnings->setObjectName(QStringLiteral("ssnWarnings"));

    m_edit->setPlaceholderText(tr("9 digits; X for a digit the client doesn't know"));
    const QString help = tr("3.02 Social Security Number. Type digits; X (or any letter) stands for a digit the "
                            "client does not know. Dashes and spaces are only formatting. Only the last four? Type "
                            "them: the rest is filled with X.");
    m_edit->setToolTip(help);
    m_edit->setWhatsThis(help);
    const QString consentHelp = tr("The client does not consent to giving the SSN: on save every digit becomes X and "
                                   "the data quality is \"Client prefers not to answer\".");
    m_consent->setToolTip(consentHelp);
    m_consent->setWhatsThis(consentHelp);
    m_quality->setList(hud::list::SsnDataQuality);
    const QString qualityHelp = tr("3.02.2 SSN Data Quality. Follows the number typed (nine digits: full; some X: "
                                   "partial; all X: doesn't know) until you choose an answer yourself.");
    m_quality->setToolTip(qualityHelp);
    m_quality->setWhatsThis(qualityHelp);
    m_quality->load(hud::DataNotCollected, false);
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setVisible(false);

    connect(m_edit, &QLineEdit::textEdited, this, &SsnControls::edited);
    connect(m_consent, &QCheckBox::toggled, this, &SsnControls::consentToggled);
    connect(m_quality, &HudCodeCombo::codeChanged, this, &SsnControls::changed);
}

void SsnControls::edited(const QString& text)
{
    // Normalise in place, shown as ###-##-####: the cursor stays after the character just typed.
    const QString normalized = ssn::normalizeInput(text);
    m_converted = (m_converted || ssn::convertsCharacters(text)) && normalized.contains(u'X');
    const QString shown = ssn::formatForEntry(normalized);
    if (shown != text) {
        const int cursor = int(ssn::formatForEntry(ssn::normalizeInput(text.left(m_edit->cursorPosition()))).size());
        m_edit->setText(shown);
        m_edit->setCursorPosition(cursor);
    }
    m_keepStored = false;
    refresh();
}

void SsnControls::consentToggled(bool refused)
{
    if (refused)
        m_quality->suggest(hud::ClientPrefersNotToAnswer);
    refresh();
}

QString SsnControls::typedNumber() const
{
    return m_keepStored ? m_stored : ssn::padToNine(ssn::normalizeInput(m_edit->text()));
}

void SsnControls::refresh()
{
    const QString number = typedNumber();
    if (!m_consent->isChecked())
        m_quality->suggest(ssn::dataQualityFor(m_keepStored ? m_stored : ssn::normalizeInput(m_edit->text())));
    QStringList lines;
    // Nothing changes silently: what was turned into X, and how a short number is saved (Orange County).
    if (m_converted)
        lines << tr("Letters and signs became X: an X stands for a digit the client doesn't know.");
    const QString typed = ssn::normalizeInput(m_edit->text());
    if (!m_keepStored && !typed.isEmpty() && typed.size() < 9)
        lines << tr("Saved as %1: a short number is taken as its last digits.")
                     .arg(ssn::formatForEntry(ssn::padToNine(typed)));
    for (const ssn::Warning& warning : ssn::validityWarnings(number))
        lines << warning.message;
    if (!ssn::validityWarnings(number).isEmpty())
        lines << tr("You may keep the number if it is what the client gave.");
    if (m_consent->isChecked() && !number.isEmpty())
        lines << tr("Consent refused: every digit becomes X when you save.");
    m_warnings->setText(lines.join(u'\n'));
    m_warnings->setVisible(!lines.isEmpty());
    Q_EMIT changed();
}

void SsnControls::load(const QString& storedSsn, int dataQuality)
{
    m_stored = storedSsn;
    m_keepStored = !storedSsn.isEmpty();
    m_converted = false;
    m_edit->clear();
    m_edit->setPlaceholderText(storedSsn.isEmpty() ? tr("9 digits; X for a digit the client doesn't know")
                                                   : tr("%1 — type to replace").arg(ssn::mask(storedSsn)));
    m_consent->setChecked(false);
    // A stored answer that differs from what the number implies was chosen by hand.
    m_quality->load(dataQuality, dataQuality != ssn::dataQualityFor(storedSsn));
    refresh();
}

void SsnControls::showNumber(const QString& number)
{
    m_edit->setText(ssn::formatForEntry(number));
    m_keepStored = false;
    refresh();
}

QString SsnControls::ssn() const
{
    const QString number = typedNumber();
    return m_consent->isChecked() ? ssn::applyConsentRefused(number).ssn : number;
}

bool SsnControls::keepsStoredNumber() const
{
    return m_keepStored && !m_consent->isChecked();
}

int SsnControls::dataQuality() const
{
    if (m_consent->isChecked())
        return ssn::applyConsentRefused(typedNumber()).dataQuality;
    return m_quality->code().value_or(hud::DataNotCollected);
}

QJsonObject SsnControls::draft() const
{
    // Drafts are encrypted by the vault; the typed number is kept as typed.
    QJsonObject json {{kSsnText, m_edit->text()},
                      {kConsent, m_consent->isChecked()},
                      {kSsnQualityByHand, m_quality->chosenByHand()},
                      {kKeepsStored, m_keepStored}};
    if (const auto code = m_quality->code())
        json.insert(kSsnQuality, *code);
    return json;
}

void SsnControls::restoreDraft(const QJsonObject& draft)
{
    // Over a stored number (an open client's form), an untouched field keeps it; the draft holds no number.
    m_keepStored = draft.value(kKeepsStored).toBool() && !m_stored.isEmpty();
    if (!m_keepStored)
        m_stored.clear();
    m_converted = false;
    m_edit->setText(ssn::formatForEntry(ssn::normalizeInput(draft.value(kSsnText).toString())));
    m_consent->setChecked(draft.value(kConsent).toBool());
    const QJsonValue quality = draft.value(kSsnQuality);
    m_quality->load(quality.isDouble() ? std::optional<int>(quality.toInt()) : std::nullopt,
                    draft.value(kSsnQualityByHand).toBool());
    refresh();
}

} // namespace hearth::ui
