// The triangulation and coders groups of the method settings (see
// method_settings.h); the rules they configure are in triangulation.h.
#include "analysis/method_settings.h"

namespace telaah::analysis {

std::vector<SettingSpec> triangulation_setting_specs() {
  using K = SettingKind;
  return {
      {"triangulation.k",
       "triangulation",
       K::integer,
       "2",
       {},
       2,
       50,
       "Source types (columns) that must carry evidence for an indicator to count as triangulated.",
       "Jumlah jenis sumber (kolom) yang harus memuat bukti agar indikator dianggap tertriangulasi."},
      {"triangulation.m",
       "triangulation",
       K::integer,
       "1",
       {},
       1,
       1000,
       "Documents a source type needs on an indicator before it counts towards k.",
       "Jumlah dokumen yang diperlukan satu jenis sumber pada sebuah indikator agar dihitung untuk k."},
      {"triangulation.prominence",
       "triangulation",
       K::real,
       "3",
       {},
       1,
       100,
       "Comparable prominence: two source types agree when the larger count is at most this many times the smaller.",
       "Bobot sebanding: dua jenis sumber sepakat bila hitungan yang lebih besar paling banyak sekian kali yang lebih "
       "kecil."},
      {"triangulation.prominence_unit",
       "triangulation",
       K::choice,
       "codings",
       {"codings", "documents"},
       0,
       0,
       "What prominence compares: coded passages (each counted once; how much a source type says, the default, since "
       "k and m already count documents) or documents (how many sources speak).",
       "Yang dibandingkan oleh bobot: bagian teks yang dikode (masing-masing dihitung sekali; seberapa banyak jenis "
       "sumber berbicara, bawaan, karena k dan m sudah menghitung dokumen) atau dokumen (berapa sumber yang "
       "berbicara)."},
      {"triangulation.duplicates",
       "triangulation",
       K::choice,
       "once",
       {"once", "each"},
       0,
       0,
       "Documents the researcher marked as near-duplicates (the same article published again): 'once' counts a "
       "group as one document in the matrix (the copy with the most evidence for the indicator stands for it), "
       "'each' counts every copy.",
       "Dokumen yang ditandai peneliti sebagai hampir sama (artikel yang sama diterbitkan ulang): 'once' menghitung "
       "satu kelompok sebagai satu dokumen dalam matriks (salinan dengan bukti terbanyak untuk indikator itu "
       "mewakilinya), 'each' menghitung setiap salinan."},
      {"triangulation.coders",
       "coders",
       K::list,
       "all",
       {},
       0,
       0,
       "Whose codings count: 'all' (every coder, the same passage counted once), one coder's name, or a "
       "comma-separated set of coders (deduplicated the same way).",
       "Kode siapa yang dihitung: 'all' (semua pengode, bagian teks yang sama dihitung sekali), nama satu pengode, "
       "atau beberapa pengode dipisah koma (juga dihitung sekali)."},
      {"triangulation.same_passage",
       "coders",
       K::real,
       "0.5",
       {},
       0.01,
       1,
       "Two codings of one indicator (any coder, indicator or sub-code) in one document are the same passage when "
       "they overlap by at least this share of the shorter one; a passage counts once.",
       "Dua pengodean satu indikator (pengode mana pun, indikator atau subkode) dalam satu dokumen adalah bagian teks "
       "yang sama bila tumpang tindih sekurang-kurangnya sebesar bagian ini dari yang lebih pendek; dihitung sekali."},
  };
}

}  // namespace telaah::analysis
