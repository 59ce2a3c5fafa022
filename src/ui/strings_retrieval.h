// The strings of the retrieval view (see strings.h): X(key, English, Indonesian).
// Keys start with ret_ so that they never collide with another view's.
#pragma once

#define TELAAH_UI_STRINGS_RETRIEVAL(X) \
  X(ret_title, "Retrieval", "Temu kembali")
