# One interface target carries the settings every Hearth target compiles with.
add_library(hearth_settings INTERFACE)
target_compile_features(hearth_settings INTERFACE cxx_std_20)
# One include root: every include names its layer ("core/intake/Ssn.h", "ui/intake/ClientPage.h").
target_include_directories(hearth_settings INTERFACE ${PROJECT_SOURCE_DIR})
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(hearth_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wold-style-cast -Wnon-virtual-dtor
    -Wcast-align -Wformat=2 -Wimplicit-fallthrough
    $<$<BOOL:${HEARTH_WARNINGS_AS_ERRORS}>:-Werror>)
target_compile_definitions(hearth_settings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_STRICT_ITERATORS QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING QT_NO_FOREACH QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
if(HEARTH_SANITIZE)
    target_compile_options(hearth_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(hearth_settings INTERFACE -fsanitize=address,undefined)
endif()
