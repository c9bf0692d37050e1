#pragma once

#include "core/hud/HudValues.h"
#include "core/intake/Project.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace hearth {

/// @brief "Show this field when <column> is one of <codes>".
struct FieldCondition
{
    QString column;
    QList<int> anyOf;
};

/// @brief One question of an intake form: a CSV column with a short label for staff.
struct FormField
{
    QString column;
    QString label;
    QString help; ///< may be empty
    QString listId; ///< from the catalog; empty for dates, amounts and text
    QList<FieldCondition> shownWhen; ///< shown when any holds; empty = always
    QList<int> projectTypes; ///< empty = every project that collects the element
};

/// @brief Who an element is asked about.
enum class CollectedFor
{
    Everyone,
    AdultsAndHead, ///< the head of household and every adult (18+)
    Head,
    Adults,
};

/// @brief One HUD data element as the intake screens show it (resources/hud/intake-forms.json).
struct ProgramElement
{
    QString id; ///< "4.02", "3.917", "V1"
    QString title;
    QString help;
    QString file; ///< the CSV file whose columns the fields are ("IncomeBenefits")
    QHash<QString, int> fixedValues; ///< set on the row, not asked (DisabilityType for 4.05–4.10)
    QList<int> projectTypes; ///< empty = every project type
    QList<int> fundingSources; ///< empty = any funding; otherwise the project needs one of these
    QList<int> stages; ///< 5.03.1 codes: 1 entry, 2 update, 3 exit, 5 annual
    CollectedFor collectedFor = CollectedFor::Everyone;
    QList<FormField> fields;

    bool appliesTo(const Project& project) const;
    bool collectedAt(int stage) const { return stages.contains(stage); }
    bool collectedAbout(bool isHead, bool isAdult) const;
};

/// @brief The intake form definitions, loaded once from the embedded intake-forms.json.
class ProgramElements
{
public:
    static const ProgramElements& instance();

    QString loadError() const { return m_error; }
    const QList<ProgramElement>& all() const { return m_elements; }
    std::optional<ProgramElement> find(const QString& id) const;

    /// The elements a project collects at @p stage (5.03.1) about a client, in form order.
    QList<ProgramElement> required(const Project& project, int stage, bool isHead, bool isAdult) const;

    /// Whether @p field is shown given the answers in @p row and the project type. Looks at the
    /// field's own condition only; use shownFields() for whole forms.
    static bool isShown(const FormField& field, const HudValues& row, int projectType);
    /// The fields of @p element to show, in order. A field whose condition column is itself a hidden
    /// field of the form is hidden too (an amount disappears with its income source).
    static QList<FormField> shownFields(const ProgramElement& element, const HudValues& row, int projectType);
    /// @p row without the answers of hidden fields, for saving: HUD wants them null ("Null unless").
    static HudValues withoutHiddenAnswers(const ProgramElement& element, const HudValues& row, int projectType);

private:
    ProgramElements();
    QString m_error;
    QList<ProgramElement> m_elements;
};

} // namespace hearth
