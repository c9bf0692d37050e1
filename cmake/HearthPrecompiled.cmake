# Precompiled headers: the Qt, standard and Catch2 headers nearly every file includes are parsed once
# per library (and once for all test programs of a kind) instead of once per file. About a third off a
# cold build on the 2-core reference machine; see CONTRIBUTING.md "Build speed".
option(HEARTH_PRECOMPILED_HEADERS "Precompile the common Qt, standard library and Catch2 headers" ON)

set(HEARTH_PCH_QTCORE
    <QByteArray> <QCoreApplication> <QDate> <QDateTime> <QDir> <QFile> <QHash> <QJsonArray> <QJsonDocument>
    <QJsonObject> <QJsonValue> <QList> <QMap> <QObject> <QRegularExpression> <QSet> <QString> <QStringList>
    <algorithm> <functional> <memory> <optional> <vector>)
set(HEARTH_PCH_WIDGETS
    <QCheckBox> <QComboBox> <QDialog> <QDialogButtonBox> <QFormLayout> <QGroupBox> <QHBoxLayout> <QHeaderView>
    <QLabel> <QLineEdit> <QMessageBox> <QPointer> <QPushButton> <QVBoxLayout> <QWidget>)
set(HEARTH_PCH_CATCH <catch2/catch_test_macros.hpp> <catch2/generators/catch_generators.hpp>)

# hearth_precompile(<target> <QTCORE|WIDGETS|TEST|GUI_TEST>)
function(hearth_precompile target kind)
    if(NOT HEARTH_PRECOMPILED_HEADERS)
        return()
    endif()
    set(_headers ${HEARTH_PCH_QTCORE})
    if(kind STREQUAL "WIDGETS" OR kind STREQUAL "GUI_TEST")
        list(APPEND _headers ${HEARTH_PCH_WIDGETS})
    endif()
    if(kind STREQUAL "TEST" OR kind STREQUAL "GUI_TEST")
        list(APPEND _headers ${HEARTH_PCH_CATCH})
    endif()
    target_precompile_headers(${target} PRIVATE ${_headers})
endfunction()

# Test programs of one kind share the precompiled header of their main's library (same flags), so it
# is built once, not once per program.
function(hearth_reuse_precompiled target from)
    if(HEARTH_PRECOMPILED_HEADERS)
        target_precompile_headers(${target} REUSE_FROM ${from})
    endif()
endfunction()
