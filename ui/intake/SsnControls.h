#pragma once

#include <QJsonObject>
#include <QObject>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace hearth::ui {

class DataQualityCombo;

/// @brief The 3.02 SSN entry of the client form: the edit field (digits or X only, typed as the
/// user likes), "Consent refused", the SSN Data Quality that follows the number until chosen by
/// hand, and the validity warnings shown inline. The form lays the widgets out.
///
/// A stored number is not put into the field (it would be on screen for anyone walking by): the
/// field shows it masked as a placeholder and the stored number is kept until something is typed.
class SsnControls : public QObject
{
    Q_OBJECT
public:
    explicit SsnControls(QObject* parent = nullptr);

    QLineEdit* edit() const { return m_edit; }
    QCheckBox* consent() const { return m_consent; }
    DataQualityCombo* quality() const { return m_quality; }
    QLabel* warnings() const { return m_warnings; }

    /// A stored SSN: kept masked until the user types a new one or showNumber() is called.
    void load(const QString& storedSsn, int dataQuality);
    /// Puts the whole number into the field (after an audited reveal).
    void showNumber(const QString& ssn);
    /// What would be saved: nine digits or X (padded, consent applied), or empty.
    QString ssn() const;
    int dataQuality() const;
    /// True while the loaded number stands: nothing typed, consent not refused.
    bool keepsStoredNumber() const;

    QJsonObject draft() const;
    void restoreDraft(const QJsonObject& draft);

Q_SIGNALS:
    void changed();

private:
    void edited(const QString& text);
    void consentToggled(bool refused);
    void refresh();
    QString typedNumber() const;

    QLineEdit* m_edit;
    QCheckBox* m_consent;
    DataQualityCombo* m_quality;
    QLabel* m_warnings;
    QString m_stored; ///< the saved number, used while nothing new is typed
    bool m_keepStored = false;
    bool m_converted = false; ///< a letter or sign typed became X (said under the field while an X remains)
};

} // namespace hearth::ui
