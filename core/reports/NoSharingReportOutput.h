#pragma once

#include "core/reports/NoSharingUtilization.h"

#include <QByteArray>
#include <QString>

namespace hearth {

/// @brief The words every copy of the No Sharing utilization report carries.
namespace no_sharing_report {
/// "No Sharing utilization report"
QString title();
/// "These clients opted out of HMIS; their records are kept only at this agency."
QString optOutStatement();
/// "Contains confidential client information: keep it within the agency and the funder it is sent to."
QString confidentialityNotice();
/// "1 Jul 2026 – 30 Sep 2026"
QString rangeText(const DateRange& range);
} // namespace no_sharing_report

/// The report as CSV for a funder's spreadsheet: UTF-8 with a byte-order mark (so spreadsheet programs
/// read the accents), RFC 4180 quoting and CRLF line ends. A header block (title, agency, range, when and
/// by whom, the opt-out statement), one row per stay with its project, then the totals. Text that a
/// spreadsheet would run as a formula is prefixed with an apostrophe.
QByteArray toCsv(const NoSharingUtilizationReport& report);

/// The report as HTML for the preview, the PDF and the printout: title, agency, range, the opt-out
/// statement, a table per project with its totals, the grand totals and the confidentiality notice.
/// Every text from the records is HTML-escaped.
QString toHtml(const NoSharingUtilizationReport& report);

} // namespace hearth
