# `format` rewrites sources with the project's .clang-format; `check-format` fails on any difference.
find_program(CLANG_FORMAT_EXE NAMES clang-format-14 clang-format)
file(GLOB_RECURSE HEARTH_FORMAT_SOURCES CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h
    ${PROJECT_SOURCE_DIR}/core/*.cpp ${PROJECT_SOURCE_DIR}/core/*.h
    ${PROJECT_SOURCE_DIR}/sync/*.cpp ${PROJECT_SOURCE_DIR}/sync/*.h
    ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h
    ${PROJECT_SOURCE_DIR}/tests/*.cpp ${PROJECT_SOURCE_DIR}/tests/*.h)
if(CLANG_FORMAT_EXE)
    add_custom_target(format COMMAND ${CLANG_FORMAT_EXE} -i ${HEARTH_FORMAT_SOURCES}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} COMMENT "Formatting sources" VERBATIM)
    add_custom_target(check-format COMMAND ${CLANG_FORMAT_EXE} --dry-run --Werror ${HEARTH_FORMAT_SOURCES}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} COMMENT "Checking source formatting" VERBATIM)
else()
    add_custom_target(check-format COMMAND ${CMAKE_COMMAND} -E echo "clang-format not found" COMMAND false)
endif()
