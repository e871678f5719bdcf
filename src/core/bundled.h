/* bundled.h — the data/ files, compiled in (bundled_data.c is generated at build time
 * by build-aux/embed.sh). */
#ifndef EMPIRIE_CORE_BUNDLED_H
#define EMPIRIE_CORE_BUNDLED_H

#include <stddef.h>

extern const char bundled_networks_csv[];
extern const size_t bundled_networks_csv_len;
extern const char bundled_cities_csv[];
extern const size_t bundled_cities_csv_len;
extern const char bundled_memberships_csv[];
extern const size_t bundled_memberships_csv_len;
extern const char bundled_meetings_csv[];
extern const size_t bundled_meetings_csv_len;
extern const char bundled_practices_csv[];
extern const size_t bundled_practices_csv_len;

#endif
