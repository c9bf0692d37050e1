#include "ui/signin/RecoveryKeyPage.h"

#include "core/crypto/RecoveryKey.h"
#include "core/vault/Vault.h"
#include "ui/widgets/GuardedDialogs.h"
#include "ui/widgets/UiHelpers.h"

#include <QApplication>
#include <QCheckBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPrinter>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {

/// 14 groups of 4, seven to a line, so the printout and the screen read the same way.
QString layoutForReading(const QString& formatted)
{
    const QStringList groups = formatted.split(QLatin1Char('-'));
    QString text;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        if (i > 0)
            text += (i % 7 == 0) ? QStringLiteral("\n") : QStringLiteral("  ");
        text += groups.at(i);
    }
    return text;
}

} // namespace

RecoveryKeyPage::RecoveryKeyPage(Vault& vault, QWidget* parent)
    : QWizardPage(parent)
    , m_vault(vault)
    , m_keyLabel(new QLabel)
    , m_stored(new QCheckBox(tr("I have printed or written down the recovery key and will keep it &locked away")))
    , m_retype(new QLineEdit)
    , m_error(makeErrorLabel(QStringLiteral("finishError")))
{
    setTitle(tr("Agency recovery key"));
    setSubTitle(tr("If every Enterprise Manager forgets their password, this key is the only way back into the "
                   "agency's data. Hearth shows it only now."));
    setCommitPage(false);
    setButtonText(QWizard::FinishButton, tr("&Create store"));

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(QApplication::font().pointSizeF() * 1.6);
    mono.setBold(true);
    m_keyLabel->setObjectName(QStringLiteral("recoveryKey"));
    m_keyLabel->setFont(mono);
    m_keyLabel->setTextFormat(Qt::PlainText);
    m_keyLabel->setAlignment(Qt::AlignCenter);
    m_keyLabel->setFrameShape(QFrame::StyledPanel);
    m_keyLabel->setMargin(12);
    // Selecting the key is allowed (writing it down), dragging or copying to the clipboard is on the user.
    m_keyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* printButton = new QPushButton(tr("&Print…"));
    printButton->setObjectName(QStringLiteral("printButton"));
    m_stored->setObjectName(QStringLiteral("confirmStored"));
    m_retype->setObjectName(QStringLiteral("lastGroup"));
    m_retype->setMaxLength(4);
    m_retype->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_retype->setMaximumWidth(QFontMetrics(m_retype->font()).horizontalAdvance(QStringLiteral("WWWWWW")) * 2);

    auto* retypeForm = new QFormLayout;
    retypeForm->addRow(tr("&Type the key's last group of four:"), m_retype);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_keyLabel);
    layout->addWidget(printButton, 0, Qt::AlignLeft);
    layout->addSpacing(8);
    layout->addWidget(m_stored);
    layout->addLayout(retypeForm);
    layout->addWidget(m_error);
    layout->addStretch();

    connect(printButton, &QPushButton::clicked, this, &RecoveryKeyPage::print);
    connect(m_stored, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    connect(m_retype, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
}

RecoveryKeyPage::~RecoveryKeyPage() = default;

void RecoveryKeyPage::initializePage()
{
    // One key per wizard run: going Back and Next again must not silently replace a key already printed.
    if (!m_key) {
        m_key = std::make_unique<RecoveryKey>(RecoveryKey::generate());
        QString formatted = m_key->formatted();
        m_keyLabel->setText(layoutForReading(formatted));
        wipe(formatted);
    }
    showError(m_error, {});
}

QString RecoveryKeyPage::lastGroup() const
{
    if (!m_key)
        return {};
    QString formatted = m_key->formatted();
    const QString last = formatted.section(QLatin1Char('-'), -1);
    wipe(formatted);
    return last;
}

bool RecoveryKeyPage::isComplete() const
{
    return m_key && m_stored->isChecked() && m_retype->text().trimmed().toUpper() == lastGroup();
}

bool RecoveryKeyPage::validatePage()
{
    if (!m_key)
        return false;
    const auto profile = AgencyProfile::validated(field(QStringLiteral("agencyName")).toString(),
                                                  field(QStringLiteral("cocCode")).toString());
    if (!profile) {
        showError(m_error, profile.message());
        return false;
    }
    const Status created = m_vault.createStore(profile.value(), field(QStringLiteral("adminLogin")).toString(),
                                               field(QStringLiteral("adminName")).toString(),
                                               field(QStringLiteral("adminPassword")).toString(), *m_key);
    if (!created) {
        showError(m_error, created.message());
        return false;
    }
    m_keyLabel->clear();
    m_key.reset();
    return true;
}

void RecoveryKeyPage::print()
{
    if (!m_key)
        return;
    QPointer<RecoveryKeyPage> alive(this);
    const QString title = tr("Print the recovery key");
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(tr("Hearth recovery key"));
    // Paper only: a file would put the key on a computer, next to the data it opens.
    const std::optional<bool> chosen = askPrinter(this, printer, title, false);
    if (!chosen || !alive || !*chosen)
        return;
    if (printsToFile(printer)) {
        showError(m_error,
                  tr("The recovery key is printed on paper only, never to a file. Choose a printer, or "
                     "write the key down."));
        return;
    }
    const std::optional<bool> go
        = confirmCopy(this, title,
                      tr("The printout will contain the agency recovery key. Anyone holding it together with the "
                         "data folder can reset an Enterprise Manager's password and read every client record. "
                         "Collect it from the printer at once and keep it locked away."),
                      tr("&Print"));
    if (!go || !alive || !*go || !m_key)
        return;
    showError(m_error, {});

    QString formatted = m_key->formatted();
    const QString agency = field(QStringLiteral("agencyName")).toString().toHtmlEscaped();
    const QString coc = field(QStringLiteral("cocCode")).toString().trimmed().toUpper().toHtmlEscaped();
    QString keyHtml = layoutForReading(formatted).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    QString html = QStringLiteral("<h1>") % tr("Hearth agency recovery key") % QStringLiteral("</h1><p>")
        % tr("Agency: %1 (%2)").arg(agency, coc) % QStringLiteral("</p><p>")
        % tr("This sheet contains the recovery key for the agency's encrypted Hearth store. Anyone holding it "
             "together with the data folder can reset an Enterprise Manager's password and read every client "
             "record. Keep it locked away, never photograph it, and never store it on a computer.")
        % QStringLiteral("</p><p style=\"font-family: monospace; font-size: 18pt; font-weight: bold\">") % keyHtml
        % QStringLiteral("</p>");
    QTextDocument document;
    document.setHtml(html);
    document.print(&printer);
    wipe(formatted);
    wipe(keyHtml);
    wipe(html);
}

} // namespace hearth::ui
