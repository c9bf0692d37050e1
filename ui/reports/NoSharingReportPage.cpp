#include "ui/reports/NoSharingReportPage.h"

#include "core/common/DisplayDates.h"
#include "core/reports/NoSharingReportOutput.h"
#include "core/services/AuditedFile.h"
#include "core/services/ConsentReports.h"
#include "core/vault/Vault.h"
#include "ui/widgets/GuardedDialogs.h"
#include "ui/widgets/UiHelpers.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QPointer>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
const QString kCsv = QStringLiteral("csv");
const QString kPdf = QStringLiteral("pdf");
const QString kPrint = QStringLiteral("print");
const QString kPrintToFile = QStringLiteral("print-to-file");

QString counted(int n, const QString& one, const QString& many)
{
    return QString::number(n) + u' ' + (n == 1 ? one : many);
}

/// The same HTML as the preview, paginated by the device's page layout.
void printDocument(const NoSharingUtilizationReport& report, QPagedPaintDevice& device)
{
    QTextDocument document;
    document.setHtml(toHtml(report));
    document.print(&device);
}
} // namespace

NoSharingReportPage::NoSharingReportPage(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_from(new QDateEdit)
    , m_to(new QDateEdit)
    , m_includeNames(new QCheckBox(tr("Show full &names (internal use only)")))
    , m_preview(new QTextBrowser)
    , m_contents(new QLabel)
    , m_summary(new QLabel)
    , m_error(makeErrorLabel(QStringLiteral("reportError")))
    , m_saveCsv(new QPushButton(tr("Save &CSV…")))
    , m_savePdf(new QPushButton(tr("Save &PDF…")))
    , m_print(new QPushButton(tr("P&rint…")))
{
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to->setObjectName(QStringLiteral("reportTo"));
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    }
    m_includeNames->setObjectName(QStringLiteral("reportIncludeNames"));
    m_includeNames->setToolTip(tr("Off: clients are named by case number and initials only."));
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_preview->setOpenLinks(false);
    m_preview->setPlaceholderText(tr("Choose the dates and press Run to see the report."));
    m_contents->setObjectName(QStringLiteral("reportContents"));
    m_contents->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("reportSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_saveCsv->setObjectName(QStringLiteral("reportSaveCsv"));
    m_savePdf->setObjectName(QStringLiteral("reportSavePdf"));
    m_print->setObjectName(QStringLiteral("reportPrint"));

    auto* lastQuarter = new QPushButton(tr("&Last quarter"));
    lastQuarter->setObjectName(QStringLiteral("reportLastQuarter"));
    auto* thisQuarter = new QPushButton(tr("T&his quarter"));
    thisQuarter->setObjectName(QStringLiteral("reportThisQuarter"));
    auto* runButton = new QPushButton(tr("R&un"));
    runButton->setObjectName(QStringLiteral("reportRun"));
    runButton->setDefault(true);

    auto* fromLabel = new QLabel(tr("&From:"));
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("&To:"));
    toLabel->setBuddy(m_to);
    auto* range = new QHBoxLayout;
    range->addWidget(fromLabel);
    range->addWidget(m_from);
    range->addWidget(toLabel);
    range->addWidget(m_to);
    range->addWidget(lastQuarter);
    range->addWidget(thisQuarter);
    range->addStretch();
    auto* options = new QHBoxLayout;
    options->addWidget(m_includeNames);
    options->addStretch();
    options->addWidget(runButton);

    auto* title = new QLabel(no_sharing_report::title());
    title->setFont(scaledFont(1.3, true));
    auto* explanation = new QLabel(tr("Clients served without HMIS records (No Sharing or consent revoked), per "
                                      "project, with their stays and services: funders' utilization reports must "
                                      "include them, noting that they opted out of HMIS."));
    explanation->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveCsv);
    buttons->addWidget(m_savePdf);
    buttons->addWidget(m_print);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(explanation);
    layout->addLayout(range);
    layout->addLayout(options);
    layout->addWidget(m_error);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_contents);
    layout->addLayout(buttons);

    setRange(previousQuarter(vault.clock().today()));

    connect(lastQuarter, &QPushButton::clicked, this, [this] { setRange(previousQuarter(m_vault.clock().today())); });
    connect(thisQuarter, &QPushButton::clicked, this, [this] { setRange(quarterOf(m_vault.clock().today())); });
    connect(runButton, &QPushButton::clicked, this, &NoSharingReportPage::runClicked);
    connect(m_from, &QDateEdit::dateChanged, this, &NoSharingReportPage::forgetReport);
    connect(m_to, &QDateEdit::dateChanged, this, &NoSharingReportPage::forgetReport);
    connect(m_includeNames, &QCheckBox::toggled, this, &NoSharingReportPage::forgetReport);
    connect(m_saveCsv, &QPushButton::clicked, this, &NoSharingReportPage::saveCsv);
    connect(m_savePdf, &QPushButton::clicked, this, &NoSharingReportPage::savePdf);
    connect(m_print, &QPushButton::clicked, this, &NoSharingReportPage::print);
    updateControls();
}

void NoSharingReportPage::setRange(const DateRange& range)
{
    m_from->setDate(range.from);
    m_to->setDate(range.to);
}

void NoSharingReportPage::forgetReport()
{
    // What is saved or printed must be what the dates and the name choice on screen ask for.
    if (m_report) {
        m_report.reset();
        m_preview->clear();
        m_summary->clear();
    }
    updateControls();
}

void NoSharingReportPage::updateControls()
{
    const bool ran = m_report.has_value();
    const bool mayExport = m_vault.can(Permission::ExportData);
    m_saveCsv->setEnabled(ran && mayExport);
    m_savePdf->setEnabled(ran && mayExport);
    m_print->setEnabled(ran);
    const QString who = m_includeNames->isChecked() ? tr("case number and full name") : tr("case number and initials");
    m_contents->setText(tr("Saved and printed copies contain each client's %1, entry and exit dates and the "
                           "services in the period. Every copy is recorded in the audit log.")
                            .arg(who));
}

Status NoSharingReportPage::run()
{
    auto report
        = ConsentReports(m_vault).noSharingUtilization(m_from->date(), m_to->date(), m_includeNames->isChecked());
    if (!report) {
        forgetReport();
        showError(m_error, report.message());
        return report.error();
    }
    showError(m_error, {});
    m_report = std::move(report).value();
    m_preview->setHtml(toHtml(*m_report));
    m_summary->setText(m_report->isEmpty()
                           ? tr("No clients who opted out of HMIS were served in this period.")
                           : tr("%1 in %2 (%3).")
                                 .arg(counted(m_report->clients, tr("client"), tr("clients")),
                                      counted(int(m_report->projects.size()), tr("project"), tr("projects")),
                                      counted(m_report->stays, tr("stay"), tr("stays"))));
    updateControls();
    return {};
}

void NoSharingReportPage::runClicked()
{
    (void)run();
}

Status NoSharingReportPage::saveCsvTo(const QString& path)
{
    if (!m_report)
        return makeError(ErrorCode::InvalidInput, tr("Run the report first."));
    return writeAuditedFile(
        path,
        [this](QIODevice& device) {
            device.write(toCsv(*m_report));
            return Status();
        },
        [this] { return ConsentReports(m_vault).recordOutput(*m_report, kCsv); }, tr("The report could not be saved"));
}

Status NoSharingReportPage::savePdfTo(const QString& path)
{
    if (!m_report)
        return makeError(ErrorCode::InvalidInput, tr("Run the report first."));
    return writeAuditedFile(
        path,
        [this](QIODevice& device) {
            QPdfWriter writer(&device);
            writer.setTitle(no_sharing_report::title());
            writer.setCreator(QStringLiteral("Hearth"));
            writer.setPageLayout(QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Landscape,
                                             QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
            printDocument(*m_report, writer);
            return Status();
        }, // the writer finishes the PDF when it goes, before the file takes its name
        [this] { return ConsentReports(m_vault).recordOutput(*m_report, kPdf); }, tr("The report could not be saved"));
}

Status NoSharingReportPage::printTo(QPrinter& printer)
{
    if (!m_report)
        return makeError(ErrorCode::InvalidInput, tr("Run the report first."));
    if (auto st = ConsentReports(m_vault).recordOutput(*m_report, printsToFile(printer) ? kPrintToFile : kPrint); !st)
        return st;
    printDocument(*m_report, printer);
    return {};
}

QString NoSharingReportPage::suggestedPath(const QString& suffix) const
{
    const QString name
        = QStringLiteral("no-sharing-utilization-%1-to-%2.%3")
              .arg(m_report->range.from.toString(Qt::ISODate), m_report->range.to.toString(Qt::ISODate), suffix);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name);
}

void NoSharingReportPage::showOutcome(const Status& status, const QString& done)
{
    showError(m_error, status ? QString() : status.message());
    if (status)
        m_summary->setText(done);
}

QString NoSharingReportPage::copyContents(const QString& copy, bool file) const
{
    const NoSharingUtilizationReport& report = *m_report;
    const QString who = report.includeNames ? tr("case numbers and full names") : tr("case numbers and initials");
    QString text = tr("%1 will contain the %2 of %3 served without HMIS records (they chose No Sharing or revoked "
                      "their consent) from %4 to %5, with their projects, entry and exit dates and services.")
                       .arg(copy, who, counted(report.clients, tr("client"), tr("clients")),
                            displayDate(report.range.from), displayDate(report.range.to));
    text += QStringLiteral("\n\n");
    text += file ? tr("The file is not encrypted: keep it only where staff who may see these clients can open it, and "
                      "delete it when it is no longer needed. It is recorded in the audit log as an export.")
                 : tr("Collect the pages from the printer at once. The printout is recorded in the audit log.");
    return text;
}

bool NoSharingReportPage::saveThrough(const QString& suffix, const QString& caption, const QString& filter,
                                      Status (NoSharingReportPage::*save)(const QString&))
{
    QPointer<NoSharingReportPage> alive(this);
    const std::optional<QString> path = askSaveFileName(this, caption, suggestedPath(suffix), filter);
    if (!path || !alive || path->isEmpty())
        return false; // cancelled, or locked meanwhile: this page is gone
    const QString shown = QDir::toNativeSeparators(*path);
    const std::optional<bool> go
        = confirmCopy(this, caption, copyContents(tr("The file %1").arg(shown), true), tr("&Save the file"));
    if (!go || !alive || !*go)
        return false;
    showOutcome((this->*save)(*path), tr("Saved %1.").arg(shown));
    return true;
}

void NoSharingReportPage::saveCsv()
{
    if (m_report)
        saveThrough(u"csv"_qs, tr("Save the report as CSV"), tr("CSV files (*.csv)"), &NoSharingReportPage::saveCsvTo);
}

void NoSharingReportPage::savePdf()
{
    if (m_report)
        saveThrough(kPdf, tr("Save the report as PDF"), tr("PDF files (*.pdf)"), &NoSharingReportPage::savePdfTo);
}

void NoSharingReportPage::print()
{
    if (!m_report)
        return;
    QPointer<NoSharingReportPage> alive(this);
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setDocName(no_sharing_report::title());
    const std::optional<bool> chosen = askPrinter(this, printer, tr("Print the No Sharing report"));
    if (!chosen || !alive || !*chosen)
        return; // cancelled, or locked meanwhile: this page is gone, and the printer is not used
    const bool file = printsToFile(printer);
    const QString copy
        = file ? tr("The file %1").arg(QDir::toNativeSeparators(printer.outputFileName())) : tr("The printout");
    const std::optional<bool> go = confirmCopy(this, tr("Print the No Sharing report"), copyContents(copy, file),
                                               file ? tr("&Save the file") : tr("&Print"));
    if (!go || !alive || !*go)
        return;
    showOutcome(printTo(printer),
                file ? tr("Saved %1.").arg(QDir::toNativeSeparators(printer.outputFileName()))
                     : tr("Sent to the printer."));
}

} // namespace hearth::ui
