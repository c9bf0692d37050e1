#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QWidget>

class QLabel;
class QPushButton;

namespace hearth::ui {

/// @brief Attaches the scanned, signed paper form to a release: PNG, JPEG or PDF up to 20 MB, read
/// into memory (never copied anywhere on disk; the store keeps it encrypted).
class ScannedFormPicker : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxBytes = 20 * 1024 * 1024;

    explicit ScannedFormPicker(QWidget* parent = nullptr);

    /// Reads @p path; refused, with a message to show, when it is too large, unreadable, or not a
    /// PNG, JPEG or PDF by its content. The form attached before stays then.
    Status attach(const QString& path);
    void setForm(const QByteArray& data, const QString& type, const QString& name);
    void remove();

    bool isEmpty() const { return m_data.isEmpty(); }
    const QByteArray& data() const { return m_data; }
    const QString& type() const { return m_type; }
    const QString& name() const { return m_name; }

Q_SIGNALS:
    void changed();

private:
    void browse();
    void refresh();

    QByteArray m_data;
    QString m_type;
    QString m_name;
    QPushButton* m_attach;
    QPushButton* m_remove;
    QLabel* m_label;
    QLabel* m_error;
};

} // namespace hearth::ui
