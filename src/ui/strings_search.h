// The strings of the search view (see strings.h): X(key, English, Indonesian).
// Keys start with sea_ so that they never collide with another view's.
#pragma once

#define TELAAH_UI_STRINGS_SEARCH(X) \
  X(sea_title, "Search", "Pencarian")
