#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hearth {

/// @brief One response of a HUD code list. Codes are strings because a few lists (V6.1 VAMC
/// stations) hold values such as "589A5"; every other code is an integer.
struct HudOption
{
    QString code;
    QString label;

    std::optional<int> number() const;
    /// 8 Client doesn't know, 9 Client prefers not to answer or 99 Data not collected.
    bool isMissingDataReason() const;
};

/// @brief A HUD code list (hud-lists.json), its options in HUD display order.
struct HudList
{
    QString id; ///< "3.917.2"
    QString name; ///< "ResidencePriorLengthOfStay"
    QList<HudOption> options;
    QStringList usedBy; ///< "Enrollment.LengthOfStay"
    QString notes;
    QHash<QString, QList<int>> fieldExclusions; ///< "Exit.Destination" -> codes that column may not use
};

/// @brief One column of an HMIS CSV file (hmis-csv-columns.csv).
struct HudColumn
{
    QString file; ///< without ".csv": "Enrollment"
    int position = 0; ///< 1-based; column order is mandatory in the CSV
    QString name; ///< "LengthOfStay"
    QString type; ///< HUD type code: S<n>, I, D, T, M, M+
    int maxLength = 0; ///< n of S<n>, 0 for other types
    bool nullable = true;
    QStringList listIds; ///< several when the list depends on another column (notes say how)
    QString element; ///< Data Dictionary element, "3.917.2"; empty for system columns
    QString notes; ///< the spec's validation notes and curation remarks

    bool isCoded() const { return !listIds.isEmpty(); }
    bool isString() const { return type.startsWith(u'S'); }
};

/// @brief The HUD FY2026 code lists and HMIS CSV columns, read once from the copies compiled into
/// hearth_core (resources/hud). Read-only and safe to use from any thread after instance().
///
/// Lists are in HUD display order: numeric, with the missing-data reasons (8, 9, 99) last, except
/// where HUD groups the options by meaning (3.12.1 living situations, 3.917.2 length of stay), which
/// keep the Data Standards order. The file's own key order carries no meaning, so it is not used.
class HudCatalog
{
public:
    static const HudCatalog& instance();

    /// Empty when both files were read; otherwise what went wrong (a build defect).
    QString loadError() const { return m_error; }

    QStringList listIds() const { return m_listOrder; }
    std::optional<HudList> list(const QString& listId) const;
    /// The label of @p code in @p listId, or an empty string when the list has no such code.
    QString label(const QString& listId, int code) const;
    QString label(const QString& listId, const QString& code) const;

    /// @p file with or without ".csv".
    std::optional<HudColumn> column(const QString& file, const QString& column) const;
    QList<HudColumn> columns(const QString& file) const; ///< in CSV order
    QStringList files() const;

    /// The options a coded column accepts: its list(s) minus the codes 3.12.1's field_exclusions
    /// forbid for that column. Empty for uncoded or unknown columns.
    QList<HudOption> allowedCodes(const QString& file, const QString& column) const;
    /// Same, but from one of the column's lists (for columns whose list depends on another column).
    QList<HudOption> allowedCodes(const QString& file, const QString& column, const QString& listId) const;

    /// The raw bytes of an embedded file ("hud-lists.json", "hmis-csv-columns.csv").
    static QByteArray embeddedFile(const QString& name);

private:
    HudCatalog();
    void loadLists(const QByteArray& json);
    void loadColumns(const QByteArray& csv);

    QString m_error;
    QStringList m_listOrder;
    QHash<QString, HudList> m_lists;
    QHash<QString, QList<HudColumn>> m_columns; // by file, in position order
    QStringList m_files;
};

/// "Enrollment.csv" -> "Enrollment"; names without the suffix are returned unchanged.
QString hudFileName(const QString& file);

} // namespace hearth
