#include "ui/consent/ScannedFormPicker.h"

#include "ui/widgets/GuardedDialogs.h"
#include "ui/widgets/UiHelpers.h"

#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeDatabase>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
const QStringList kAcceptedTypes {QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
                                  QStringLiteral("application/pdf")};
} // namespace

ScannedFormPicker::ScannedFormPicker(QWidget* parent)
    : QWidget(parent)
    , m_attach(new QPushButton(tr("Attach scanned &form…")))
    , m_remove(new QPushButton(tr("Remove form")))
    , m_label(new QLabel)
    , m_error(makeErrorLabel(QStringLiteral("scannedFormError")))
{
    setObjectName(QStringLiteral("scannedForm"));
    m_attach->setObjectName(QStringLiteral("attachForm"));
    m_remove->setObjectName(QStringLiteral("removeForm"));
    m_label->setObjectName(QStringLiteral("scannedFormName"));
    m_attach->setToolTip(tr("The signed paper form, scanned: PNG, JPEG or PDF, at most 20 MB. It is kept encrypted "
                            "on this workstation and never leaves it."));
    m_label->setTextFormat(Qt::PlainText);

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_attach);
    row->addWidget(m_label, 1);
    row->addWidget(m_remove);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_error);

    connect(m_attach, &QPushButton::clicked, this, &ScannedFormPicker::browse);
    connect(m_remove, &QPushButton::clicked, this, &ScannedFormPicker::remove);
    refresh();
}

void ScannedFormPicker::browse()
{
    QPointer<ScannedFormPicker> alive(this);
    const std::optional<QString> path
        = askOpenFileName(this, tr("Attach the scanned form"), tr("Scanned forms (*.png *.jpg *.jpeg *.pdf)"));
    if (!path || !alive || path->isEmpty())
        return; // cancelled, or locked meanwhile: this picker is gone
    const Status attached = attach(*path);
    showError(m_error, attached ? QString() : attached.message());
}

Status ScannedFormPicker::attach(const QString& path)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (info.size() > kMaxBytes) {
        return makeError(ErrorCode::InvalidInput,
                         tr("%1 is %2; a scanned form may be at most 20 MB. Scan it again at a lower resolution, "
                            "or in black and white.")
                             .arg(name, QLocale().formattedDataSize(info.size())));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput, tr("%1 could not be read: %2").arg(name, file.errorString()));
    const QByteArray data = file.read(kMaxBytes + 1);
    if (data.size() > kMaxBytes)
        return makeError(ErrorCode::InvalidInput, tr("%1 is larger than 20 MB.").arg(name));
    if (data.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("%1 is empty.").arg(name));
    // By content, not by name: a renamed file is not a scan.
    const QString type = QMimeDatabase().mimeTypeForData(data).name();
    if (!kAcceptedTypes.contains(type))
        return makeError(ErrorCode::InvalidInput, tr("%1 is not a PNG, JPEG or PDF file.").arg(name));
    setForm(data, type, name);
    return {};
}

void ScannedFormPicker::setForm(const QByteArray& data, const QString& type, const QString& name)
{
    m_data = data;
    m_type = data.isEmpty() ? QString() : type;
    m_name = data.isEmpty() ? QString() : name;
    showError(m_error, {});
    refresh();
    Q_EMIT changed();
}

void ScannedFormPicker::remove()
{
    setForm({}, {}, {});
}

void ScannedFormPicker::refresh()
{
    m_label->setText(isEmpty() ? tr("No scanned form")
                               : tr("%1 (%2)").arg(m_name, QLocale().formattedDataSize(m_data.size())));
    m_remove->setEnabled(!isEmpty());
}

} // namespace hearth::ui
