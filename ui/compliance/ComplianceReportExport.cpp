#include "ui/compliance/ComplianceReportExport.h"

#include "core/auth/Roles.h"
#include "core/common/DisplayDates.h"
#include "core/services/AuditedFile.h"
#include "core/services/ComplianceRecords.h"
#include "core/types/AuditEntry.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"
#include "ui/widgets/GuardedDialogs.h"
#include "ui/widgets/UiHelpers.h"

#include <QDir>
#include <QHBoxLayout>
#include <QImage>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QPointer>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
const QString kRecordType = QStringLiteral("compliance-run"); // as ComplianceRecords records runs
const QString kPdf = QStringLiteral("pdf");
const QString kJson = QStringLiteral("json");
const QString kPrint = QStringLiteral("print");
const QString kPrintToFile = QStringLiteral("print-to-file");

/// Only a completed, signed run is certified: a draft is never sent to the HMIS Lead.
Status ready(const std::optional<compliance::ComplianceReport>& report)
{
    if (!report || !report->run.completedAt.isValid() || report->run.signaturePng.isEmpty())
        return makeError(ErrorCode::InvalidInput, QObject::tr("Choose a completed, signed run to report first."));
    return {};
}

void printDocument(const compliance::ComplianceReport& report, QPagedPaintDevice& device)
{
    QTextDocument document;
    loadComplianceReport(document, report);
    document.print(&device);
}

/// A file-name-safe form of the host name ("front-desk-1").
QString safeName(const QString& text)
{
    QString out;
    for (QChar c : text)
        out += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'-' ? c : u'-';
    return out.isEmpty() ? QStringLiteral("workstation") : out;
}
} // namespace

Result<compliance::ComplianceReport> complianceReportOf(Vault& vault, const compliance::ComplianceRun& run)
{
    const ComplianceRecords records(vault);
    auto runs = records.runs();
    if (!runs)
        return runs.error();
    auto findings = records.findings();
    if (!findings)
        return findings.error();
    return compliance::complianceReportFor(run, runs.value(), findings.value(), vault.clock().now(),
                                           vault.clock().today());
}

void loadComplianceReport(QTextDocument& document, const compliance::ComplianceReport& report)
{
    document.setHtml(compliance::complianceReportHtml(report));
    const QImage signature = QImage::fromData(report.run.signaturePng, "PNG");
    if (!signature.isNull())
        document.addResource(QTextDocument::ImageResource, QUrl(QString::fromLatin1(compliance::kSignatureResource)),
                             signature);
}

ComplianceReportExport::ComplianceReportExport(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_savePdf(new QPushButton(tr("Save &PDF…")))
    , m_saveJson(new QPushButton(tr("Save &JSON…")))
    , m_print(new QPushButton(tr("P&rint…")))
    , m_outcome(new QLabel)
    , m_error(makeErrorLabel(QStringLiteral("complianceReportError")))
{
    m_savePdf->setObjectName(QStringLiteral("complianceReportSavePdf"));
    m_saveJson->setObjectName(QStringLiteral("complianceReportSaveJson"));
    m_print->setObjectName(QStringLiteral("complianceReportPrint"));
    m_savePdf->setToolTip(tr("The report for the HMIS Lead, to print or send. It contains no client data."));
    m_saveJson->setToolTip(tr("The same report in a machine-readable form. It contains no client data."));
    m_outcome->setObjectName(QStringLiteral("complianceReportOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::PlainText);

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_savePdf);
    buttons->addWidget(m_saveJson);
    buttons->addWidget(m_print);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_outcome);
    layout->addWidget(m_error);

    connect(m_savePdf, &QPushButton::clicked, this, &ComplianceReportExport::savePdf);
    connect(m_saveJson, &QPushButton::clicked, this, &ComplianceReportExport::saveJson);
    connect(m_print, &QPushButton::clicked, this, &ComplianceReportExport::print);
    setReport(std::nullopt);
}

void ComplianceReportExport::setReport(std::optional<compliance::ComplianceReport> report)
{
    m_report = std::move(report);
    for (QPushButton* button : {m_savePdf, m_saveJson, m_print})
        button->setEnabled(m_report.has_value());
    m_outcome->clear();
    showError(m_error, {});
}

Status ComplianceReportExport::audit(const QString& format)
{
    if (auto st = m_vault.require(Permission::AuditWorkstation); !st)
        return st;
    // The detail names the format only: evidence and notes stay out of the audit log.
    return m_vault.openStore().recordAudit(QString::fromLatin1(audit::ComplianceReportExport), kRecordType,
                                           m_report->run.uuid, format);
}

Status ComplianceReportExport::writeAtomically(const QString& path, const QString& format,
                                               const std::function<void(QIODevice&)>& write)
{
    if (auto st = ready(m_report); !st)
        return st;
    if (auto st = m_vault.require(Permission::AuditWorkstation); !st)
        return st;
    const Status saved = writeAuditedFile(
        path,
        [&write](QIODevice& device) {
            write(device);
            return Status();
        },
        [this, &format] { return audit(format); }, tr("The report could not be saved"));
    if (saved)
        Q_EMIT exported(format);
    return saved;
}

Status ComplianceReportExport::savePdfTo(const QString& path)
{
    return writeAtomically(path, kPdf, [this](QIODevice& device) {
        QPdfWriter writer(&device);
        writer.setTitle(compliance::complianceReportTitle());
        writer.setCreator(QStringLiteral("Hearth"));
        // QTextDocument::print() adds its own 2 cm margin inside these.
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait, QMarginsF(5, 5, 5, 5),
                                         QPageLayout::Millimeter));
        printDocument(*m_report, writer);
    }); // the writer finishes the PDF when it goes, before the file is committed
}

Status ComplianceReportExport::saveJsonTo(const QString& path)
{
    if (auto st = ready(m_report); !st)
        return st;
    const QByteArray json = QJsonDocument(compliance::complianceReportJson(*m_report)).toJson(QJsonDocument::Indented);
    return writeAtomically(path, kJson, [&json](QIODevice& device) { device.write(json); });
}

Status ComplianceReportExport::printTo(QPrinter& printer)
{
    if (auto st = ready(m_report); !st)
        return st;
    // A printout that goes to a file is recorded as such: it is a copy on disk, not on paper.
    const QString format = printsToFile(printer) ? kPrintToFile : kPrint;
    if (auto st = audit(format); !st)
        return st;
    printDocument(*m_report, printer);
    Q_EMIT exported(format);
    return {};
}

QString ComplianceReportExport::suggestedPath(const QString& suffix) const
{
    const QDate done = m_report->run.completedAt.toLocalTime().date();
    const QString name = QStringLiteral("compliance-report-%1-%2.%3")
                             .arg(safeName(m_report->run.workstation.hostName), done.toString(Qt::ISODate), suffix);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name);
}

void ComplianceReportExport::showOutcome(const Status& status, const QString& done)
{
    showError(m_error, status ? QString() : status.message());
    showStatus(m_outcome, status ? done : QString(), Tone::Good);
}

QString ComplianceReportExport::copyContents(const QString& copy) const
{
    const compliance::ComplianceRun& run = m_report->run;
    return tr("%1 will contain the workstation compliance report for %2, completed %3 and signed by %4: the "
              "checklist's answers with their evidence and notes, the findings, and the officer's signature. It "
              "contains no client data. It is recorded in the audit log.")
        .arg(copy, run.workstation.hostName, displayDate(run.completedAt.toLocalTime().date()),
             run.officerName.isEmpty() ? run.officerLogin : run.officerName);
}

void ComplianceReportExport::saveThrough(const QString& suffix, const QString& caption, const QString& filter,
                                         Status (ComplianceReportExport::*save)(const QString&))
{
    QPointer<ComplianceReportExport> alive(this);
    const std::optional<QString> path = askSaveFileName(this, caption, suggestedPath(suffix), filter);
    if (!path || !alive || path->isEmpty())
        return; // cancelled, or locked meanwhile: this widget is gone
    const QString shown = QDir::toNativeSeparators(*path);
    const std::optional<bool> go
        = confirmCopy(this, caption, copyContents(tr("The file %1").arg(shown)), tr("&Save the file"));
    if (!go || !alive || !*go)
        return;
    showOutcome((this->*save)(*path), tr("Saved %1.").arg(shown));
}

void ComplianceReportExport::savePdf()
{
    if (m_report)
        saveThrough(kPdf, tr("Compliance report — no client data (PDF)"), tr("PDF files (*.pdf)"),
                    &ComplianceReportExport::savePdfTo);
}

void ComplianceReportExport::saveJson()
{
    if (m_report)
        saveThrough(kJson, tr("Compliance report — no client data (JSON)"), tr("JSON files (*.json)"),
                    &ComplianceReportExport::saveJsonTo);
}

void ComplianceReportExport::print()
{
    if (!m_report)
        return;
    QPointer<ComplianceReportExport> alive(this);
    const QString title = tr("Print the compliance report — no client data");
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(compliance::complianceReportTitle());
    const std::optional<bool> chosen = askPrinter(this, printer, title);
    if (!chosen || !alive || !*chosen)
        return; // cancelled, or locked meanwhile: this widget is gone, and the printer is not used
    const bool file = printsToFile(printer);
    const QString where = QDir::toNativeSeparators(printer.outputFileName());
    const std::optional<bool> go
        = confirmCopy(this, title, copyContents(file ? tr("The file %1").arg(where) : tr("The printout")),
                      file ? tr("&Save the file") : tr("&Print"));
    if (!go || !alive || !*go)
        return;
    showOutcome(printTo(printer), file ? tr("Saved %1.").arg(where) : tr("Sent to the printer."));
}

} // namespace hearth::ui
