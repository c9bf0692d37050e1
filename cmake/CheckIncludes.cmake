# Script mode. For each file of SOURCE_LIST, looks at the path every #include names:
#  - fails when it matches PATTERN (anchored at its start), e.g. "core/store/" or "QtWidgets";
#  - with ROOTS set, also fails when a quoted include does not start with one of those folders (one
#    include root, layer first: "core/intake/Ssn.h"), moc output excepted.
file(READ "${SOURCE_LIST}" SOURCES)
set(_bad "")
foreach(_file IN LISTS SOURCES)
    file(STRINGS "${_file}" _includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
    foreach(_line IN LISTS _includes)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]*)[>\"].*$" "\\1" _path "${_line}")
        if(PATTERN AND _path MATCHES "^(${PATTERN})")
            string(APPEND _bad "\n  ${_file}: ${_line}")
        elseif(ROOTS AND _line MATCHES "\"" AND NOT _path MATCHES "^(${ROOTS})/" AND NOT _path MATCHES "(^moc_|\\.moc$)")
            string(APPEND _bad "\n  ${_file}: ${_line} (name the layer: \"core/...\", \"ui/...\")")
        endif()
    endforeach()
endforeach()
if(_bad)
    message(FATAL_ERROR "Include rule broken in ${TARGET}:${_bad}")
endif()
file(TOUCH "${STAMP}")
