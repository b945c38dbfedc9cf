# The Debian package: `cpack -G DEB` in the build tree (or `cpack -G DEB
# --config BUILD/CPackConfig.cmake`) packs what `cmake --install` installs,
# under /usr. Depends is computed by dpkg-shlibdeps from the binaries and
# plugins (Debian package dpkg-dev), plus the fonts the templates name.
set(CPACK_PACKAGE_NAME quire)
set(CPACK_PACKAGE_VENDOR "the quire project")
set(CPACK_PACKAGE_CONTACT "quire maintainers <maintainers@quire.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "turn YAML datasets into PDF briefs, XLSX workbooks and CSV")
set(CPACK_PACKAGE_DESCRIPTION
  "quire reads a YAML dataset and a layout template, checks both, and hands\n"
  "them to exporter plugins: a tagged PDF brief with charts, an Excel workbook\n"
  "of the figures with native charts, and one CSV file per table. Includes the\n"
  "plugin header, quire-plugin-test for plugin authors, a man page and bash\n"
  "completion.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The templates' NanumGothic, and the sRGB profile PDF/A output embeds
# (plugins/pdf/pdfa.c: icc-profiles-free, else colord-data's): without it
# the sample brief's -O pdf.standard=a-2b fails. shlibdeps adds the libraries.
# libxml2: opened by dlopen (src/verify.c), so shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-nanum, icc-profiles-free | colord-data, libxml2")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_GENERATOR DEB)
include(CPack)
