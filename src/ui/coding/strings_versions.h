// The strings of issue 24 in the window (Replace document with a new
// version…, area codings in lists), English and Indonesian. Kept out of the
// S enum of strings.h for now so that adding them did not rebuild every view
// on the shared machine; to be folded into strings.h as
// TELAAH_UI_STRINGS_VERSIONS (keys ver_…) at the next merge.
#pragma once
#include "ui/shell/strings.h"

namespace telaah::ui {

enum class V : int {
  menu,
  choose_title,
  choose_ok,
  task,
  done_fmt,
  review_note,
  changed,
  vanished,
  nothing,
  close,
  area_page_fmt,
};

inline const char* vtr(V k) {
  static const char* const t[][2] = {
      {"Replace document with a new version\xE2\x80\xA6", "Ganti dokumen dengan versi baru\xE2\x80\xA6"},
      {"The new version of the open document", "Versi baru dari dokumen yang terbuka"},
      {"Replace", "Ganti"},
      {"Reading the new version", "Membaca versi baru"},
      {"'%s' replaced by %s (the old text is version %d): %d codings kept, %d moved, %d changed, %d gone",
       "'%s' diganti dengan %s (teks lama menjadi versi %d): %d pengodean tetap, %d pindah, %d berubah, %d hilang"},
      {"These codings' text changed or vanished. Click one to see it in the document.",
       "Teks pengodean berikut berubah atau hilang. Klik salah satunya untuk melihatnya di dokumen."},
      {"changed", "berubah"},
      {"vanished", "hilang"},
      {"Every coding kept its text.", "Semua pengodean tetap pada teksnya."},
      {"Close", "Tutup"},
      {"area on p. %d", "area di hlm. %d"},
  };
  return t[static_cast<int>(k)][language() == Lang::id ? 1 : 0];
}

}  // namespace telaah::ui
