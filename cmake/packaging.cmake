# Installation, translations, the generated man page and completion, and the Debian package.
# Everything installed is found at run time relative to the installed program
# (<prefix>/bin/tenkai -> <prefix>/share/tenkai, <prefix>/share/locale); no path of the source
# or build tree is compiled in.
include(GNUInstallDirs)

# Translations: po/<lang>.po -> <build>/locale/<lang>/LC_MESSAGES/tenkai.mo, where the built
# program finds them too, so the build tree speaks the same languages as an installation.
find_program(TENKAI_MSGFMT msgfmt REQUIRED)
file(GLOB TENKAI_PO_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/po/*.po)
set(TENKAI_MO_FILES "")
foreach(po ${TENKAI_PO_FILES})
  get_filename_component(lang ${po} NAME_WE)
  set(mo ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES/tenkai.mo)
  add_custom_command(OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES
    COMMAND ${TENKAI_MSGFMT} --check -o ${mo} ${po}
    DEPENDS ${po} VERBATIM)
  list(APPEND TENKAI_MO_FILES ${mo})
  install(FILES ${mo} DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(tenkai_translations ALL DEPENDS ${TENKAI_MO_FILES})

# tenkai(1) and the bash completion, written by running the built program's --help.
set(TENKAI_MAN ${CMAKE_BINARY_DIR}/man/tenkai.1)
set(TENKAI_MAN_JA ${CMAKE_BINARY_DIR}/man/ja/tenkai.1)
set(TENKAI_COMPLETION ${CMAKE_BINARY_DIR}/completion/tenkai)
set(TENKAI_HELP_DOCS ${PROJECT_SOURCE_DIR}/cmake/help-docs.cmake)
add_custom_command(OUTPUT ${TENKAI_MAN} ${TENKAI_COMPLETION}
  COMMAND ${CMAKE_COMMAND} -DTENKAI=$<TARGET_FILE:tenkai> -DMAN=${TENKAI_MAN}
          -DCOMPLETION=${TENKAI_COMPLETION} -DVERSION=${PROJECT_VERSION} -P ${TENKAI_HELP_DOCS}
  DEPENDS tenkai ${TENKAI_HELP_DOCS} VERBATIM)
add_custom_command(OUTPUT ${TENKAI_MAN_JA}
  COMMAND ${CMAKE_COMMAND} -DTENKAI=$<TARGET_FILE:tenkai> -DMAN=${TENKAI_MAN_JA} -DLANGUAGE=ja
          -DVERSION=${PROJECT_VERSION} -P ${TENKAI_HELP_DOCS}
  DEPENDS tenkai ${TENKAI_HELP_DOCS} ${TENKAI_MO_FILES} VERBATIM)
add_custom_target(tenkai_help_docs ALL DEPENDS ${TENKAI_MAN} ${TENKAI_MAN_JA} ${TENKAI_COMPLETION})

install(TARGETS tenkai tenkai-gen-national RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/layouts ${PROJECT_SOURCE_DIR}/fixtures
                  ${PROJECT_SOURCE_DIR}/schemas
        DESTINATION ${CMAKE_INSTALL_DATADIR}/tenkai)
install(FILES ${TENKAI_MAN} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${TENKAI_MAN_JA} DESTINATION ${CMAKE_INSTALL_MANDIR}/ja/man1)
install(FILES ${TENKAI_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/README.ja.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})

# cpack -G DEB: library dependencies from dpkg-shlibdeps, data packages listed here.
set(CPACK_PACKAGE_NAME tenkai)
set(CPACK_PACKAGE_VENDOR "tenkai")
set(CPACK_PACKAGE_CONTACT "tenkai maintainers <tenkai@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "rollout tables, pattern diagrams and ministry workbooks from a registry")
set(CPACK_PACKAGE_DESCRIPTION
    "tenkai reads one YAML registry of training sessions and builds the forum deck (PDF, SVG,\
 PNG) and the ministry workbook (XLSX) from layout specs. Messages in Japanese or English.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not libraries, so dpkg-shlibdeps cannot see them: the fonts the default layouts name (the
# deck's Noto Sans CJK JP, the workbook's BIZ UDPゴシック); tests/deb_test.sh checks the list.
set(TENKAI_DATA_PACKAGES fonts-noto-cjk fonts-morisawa-bizud-gothic)
string(JOIN ", " CPACK_DEBIAN_PACKAGE_DEPENDS ${TENKAI_DATA_PACKAGES})
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion, man-db")
include(CPack)
