// The strings of the triangulation view (see strings.h): X(key, English, Indonesian).
// Keys start with tri_ so that they never collide with another view's.
#pragma once

#define TELAAH_UI_STRINGS_TRIANGULATION(X) \
  X(tri_title, "Triangulation", "Triangulasi")
