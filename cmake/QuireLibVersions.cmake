# The libharu and libxlsxwriter versions quire was written against (issue
# 20 §10). Both plugins reach past their library's public calls:
# plugins/pdf/pdf_objects.c writes a few fields of libharu's objects, and
# plugins/xlsx/chart_combo.c replaces libxlsxwriter's chart plot-area
# writer and splices the XML that writer produces. Another version may
# build and still write wrong files, so an older one is refused here and a
# newer one is built with a warning; the test xlsx.lxw_guard then says
# whether the chart writer's patch still holds.
set(QUIRE_HPDF_WRITTEN_AGAINST 2.3.0)
set(QUIRE_LXW_WRITTEN_AGAINST 1.1.4)

find_path(QUIRE_HPDF_INCLUDE_DIR hpdf_version.h)
if(NOT QUIRE_HPDF_INCLUDE_DIR)
  message(FATAL_ERROR "libharu's headers (hpdf.h, hpdf_version.h) were not found: install "
    "libhpdf-dev. quire's PDF plugin was written against libharu ${QUIRE_HPDF_WRITTEN_AGAINST}.")
endif()
file(STRINGS ${QUIRE_HPDF_INCLUDE_DIR}/hpdf_version.h hpdf_version_line
  REGEX "^#define[ \t]+HPDF_VERSION_TEXT")
string(REGEX REPLACE ".*\"([0-9.]+)\".*" "\\1" QUIRE_HPDF_VERSION "${hpdf_version_line}")
if(NOT QUIRE_HPDF_VERSION MATCHES "^[0-9]+\\.[0-9]+")
  message(FATAL_ERROR "cannot read libharu's version from "
    "${QUIRE_HPDF_INCLUDE_DIR}/hpdf_version.h (HPDF_VERSION_TEXT)")
elseif(QUIRE_HPDF_VERSION VERSION_LESS QUIRE_HPDF_WRITTEN_AGAINST)
  message(FATAL_ERROR "libharu ${QUIRE_HPDF_VERSION} is older than "
    "${QUIRE_HPDF_WRITTEN_AGAINST}, the version quire's PDF plugin was written against.")
elseif(NOT QUIRE_HPDF_VERSION VERSION_EQUAL QUIRE_HPDF_WRITTEN_AGAINST)
  message(WARNING "libharu ${QUIRE_HPDF_VERSION}: quire's PDF plugin was written against "
    "${QUIRE_HPDF_WRITTEN_AGAINST} and writes fields of its objects "
    "(plugins/pdf/pdf_objects.c); run the tests before trusting its PDFs.")
endif()

# Debian's xlsxwriter.pc gives the soname's number ("4"), not the
# release: the header's LXW_VERSION says which it is.
find_path(QUIRE_LXW_INCLUDE_DIR xlsxwriter.h)
if(QUIRE_LXW_INCLUDE_DIR)
  file(STRINGS ${QUIRE_LXW_INCLUDE_DIR}/xlsxwriter.h lxw_version_line
    REGEX "^#define[ \t]+LXW_VERSION[ \t]")
  string(REGEX REPLACE ".*\"([0-9.]+)\".*" "\\1" QUIRE_LXW_VERSION "${lxw_version_line}")
endif()
if(NOT QUIRE_LXW_VERSION MATCHES "^[0-9]+\\.[0-9]+")
  message(FATAL_ERROR "libxlsxwriter's header (xlsxwriter.h, with LXW_VERSION) was not found: "
    "install libxlsxwriter-dev. quire's XLSX plugin was written against libxlsxwriter "
    "${QUIRE_LXW_WRITTEN_AGAINST}.")
elseif(QUIRE_LXW_VERSION VERSION_LESS QUIRE_LXW_WRITTEN_AGAINST)
  message(FATAL_ERROR "libxlsxwriter ${QUIRE_LXW_VERSION} is older than "
    "${QUIRE_LXW_WRITTEN_AGAINST}, the version quire's XLSX plugin was written against.")
elseif(NOT QUIRE_LXW_VERSION VERSION_EQUAL QUIRE_LXW_WRITTEN_AGAINST)
  message(WARNING "libxlsxwriter ${QUIRE_LXW_VERSION}: quire's XLSX plugin was written "
    "against ${QUIRE_LXW_WRITTEN_AGAINST} and rewrites the XML of its chart plot areas "
    "(plugins/xlsx/chart_combo.c); the test xlsx.lxw_guard says whether that still holds.")
endif()
message(STATUS "libharu ${QUIRE_HPDF_VERSION}, libxlsxwriter ${QUIRE_LXW_VERSION} "
  "(written against ${QUIRE_HPDF_WRITTEN_AGAINST} and ${QUIRE_LXW_WRITTEN_AGAINST})")
