// The strings of the agreement view (see strings.h): X(key, English, Indonesian).
// Keys start with agr_ so that they never collide with another view's.
#pragma once

#define TELAAH_UI_STRINGS_AGREEMENT(X) \
  X(agr_title, "Agreement", "Kesepakatan")
