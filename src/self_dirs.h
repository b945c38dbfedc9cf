/* self_dirs.h — where this quire's own plugins, templates, data and
 * schemas are: found from its executable, never from a compiled-in
 * absolute path.
 *
 * An installed quire (BIN/quire) uses BIN/../lib/quire/plugins and
 * BIN/../share/quire (the relative paths come from the install layout, so
 * `cmake --install build --prefix ~/q` works wherever the prefix is, and
 * a moved prefix keeps working). A quire in its build tree finds a marker
 * file, quire-build-tree, that CMake writes beside it at configure time;
 * it names the build tree's plugin directory and the source tree, relative
 * to the marker. The marker is never installed, so an installed quire
 * never searches a build tree, and a deleted build tree takes its binary
 * and its marker with it. */
#ifndef QUIRE_SELF_DIRS_H
#define QUIRE_SELF_DIRS_H

/** Name of the marker file beside a build-tree binary. */
#define SELF_BUILD_MARKER "quire-build-tree"

/** The plugin directories of this quire: for an installed quire the
 * installed one (relative to the executable); for a build-tree binary
 * the build tree's only (its BIN/.. is no install). NULL-terminated;
 * owned by the module, valid until exit. */
const char *const *self_plugin_dirs(void);

/** The data roots of this quire (each may hold templates/, data/,
 * schema/): the installed share/quire for an installed quire, the source
 * tree for a build-tree binary. NULL-terminated; owned by the module. */
const char *const *self_data_dirs(void);

#endif
