// The strings of the triangulation view (see strings.h): X(key, English, Indonesian).
// Keys start with tri_ so that they never collide with another view's.
// Strings with a printf conversion keep the same conversions in both languages.
#pragma once

#define TELAAH_UI_STRINGS_TRIANGULATION(X)                                                                             \
  X(tri_title, "Triangulation", "Triangulasi")                                                                         \
  X(tri_columns, "Columns", "Kolom")                                                                                   \
  X(tri_by_type, "source type", "jenis sumber")                                                                        \
  X(tri_by_year, "year", "tahun")                                                                                      \
  X(tri_by_language, "language", "bahasa")                                                                             \
  X(tri_by_author, "author", "penulis")                                                                                \
  X(tri_coders, "Coders", "Pengode")                                                                                   \
  X(tri_coders_default, "Default: ", "Bawaan: ")                                                                       \
  X(tri_coders_all, "All coders", "Semua pengode")                                                                     \
  X(tri_dated, "Dated from", "Bertanggal dari")                                                                        \
  X(tri_dated_to, "to", "sampai")                                                                                      \
  X(tri_date_hint, "YYYY[-MM[-DD]]", "TTTT[-BB[-HH]]")                                                                 \
  X(tri_date_invalid, "Not a date: use YYYY, YYYY-MM or YYYY-MM-DD. The last valid filter stays.",                     \
    "Bukan tanggal: gunakan TTTT, TTTT-BB, atau TTTT-BB-HH. Saringan terakhir yang sah tetap dipakai.")                \
  X(tri_settings_fmt, "k = %s, m = %s each, comparable prominence up to %.1f\xC3\x97",                                 \
    "k = %s, m = %s masing-masing, bobot bukti sebanding hingga %.1f\xC3\x97")                                         \
  X(tri_indicator, "Indicator", "Indikator")                                                                           \
  X(tri_status, "Status", "Status")                                                                                    \
  X(tri_rating, "Rating", "Penilaian")                                                                                 \
  X(tri_no_rows, "No indicators yet: give codes the kind \"indicator\" in the codebook (or load a framework).",        \
    "Belum ada indikator: beri kode jenis \"indikator\" di buku kode (atau muat kerangka).")                           \
  X(tri_status_triangulated, "triangulated", "tertriangulasi")                                                         \
  X(tri_status_divergent, "divergent", "divergen")                                                                     \
  X(tri_status_single, "single-source", "satu sumber")                                                                 \
  X(tri_status_insufficient, "insufficient", "belum memadai")                                                          \
  X(tri_status_gap, "gap", "kosong")                                                                                   \
  X(tri_conv_agreement, "agreement", "sepakat")                                                                        \
  X(tri_conv_partial, "partial agreement", "sepakat sebagian")                                                         \
  X(tri_conv_silence, "silence", "diam")                                                                               \
  X(tri_conv_dissonance, "dissonance", "bertentangan")                                                                 \
  X(tri_conv_none, "no evidence", "tanpa bukti")                                                                       \
  X(tri_rating_achieved, "achieved", "tercapai")                                                                       \
  X(tri_rating_partial, "partially achieved", "tercapai sebagian")                                                     \
  X(tri_rating_not, "not achieved", "tidak tercapai")                                                                  \
  X(tri_rating_insufficient, "insufficient evidence", "bukti tidak memadai")                                           \
  X(tri_suggested, "suggested", "saran")                                                                               \
  X(tri_overridden_fmt, "override; computed: %s", "ditimpa; hasil hitung: %s")                                         \
  X(tri_cell_counts_fmt, "%s in %s", "%s dalam %s")                                                                    \
  X(tri_cell_stances_fmt, "supports %lld \xC2\xB7 contradicts %lld \xC2\xB7 neutral %lld",                             \
    "mendukung %lld \xC2\xB7 bertentangan %lld \xC2\xB7 netral %lld")                                                  \
  X(tri_cell_click, "Click: the evidence of this cell", "Klik: bukti sel ini")                                         \
  X(tri_row_click, "Click: compare the sources of this indicator", "Klik: bandingkan sumber indikator ini")            \
  X(tri_legend_cell, "Cell: codings / documents, then supports + contradicts \xE2\x88\x92 neutral 0.",                 \
    "Sel: pengodean / dokumen, lalu mendukung + bertentangan \xE2\x88\x92 netral 0.")                                  \
  X(tri_legend_colour,                                                                                                 \
    "Hue: the stance mix. Strength: documents with evidence (full = %lld). Strip: exact shares. "                      \
    "Hatched: no evidence.",                                                                                           \
    "Warna: campuran sikap. Kepekatan: dokumen berbukti (penuh = %lld). Pita: proporsi tepat. Arsir: tanpa bukti.")    \
  X(tri_legend_coverage, "coverage", "cakupan")                                                                        \
  X(tri_legend_none, "no evidence", "tanpa bukti")                                                                     \
  X(tri_verdict_fmt, "Overall verdict: %s (score %.2f over %d indicators)",                                            \
    "Kesimpulan umum: %s (skor %.2f atas %d indikator)")                                                               \
  X(tri_tab_evidence, "Evidence", "Bukti")                                                                             \
  X(tri_tab_compare, "Compare sources", "Bandingkan sumber")                                                           \
  X(tri_pick_cell, "Click a cell of the matrix to list its evidence.", "Klik sel matriks untuk melihat buktinya.")     \
  X(tri_pick_row, "Click an indicator (or a cell) to compare its sources side by side.",                               \
    "Klik indikator (atau sel) untuk membandingkan sumbernya berdampingan.")                                           \
  X(tri_evidence_fmt, "%s \xC3\x97 %s: %d codings", "%s \xC3\x97 %s: %d pengodean")                                    \
  X(tri_open_hint, "Click a quote to open it in the coding view.",                                                     \
    "Klik kutipan untuk membukanya di tampilan pengodean.")                                                            \
  X(tri_compare_button, "Compare the sources", "Bandingkan sumber")                                                    \
  X(tri_no_quotes, "(no evidence)", "(tanpa bukti)")                                                                   \
  X(tri_pairs, "Convergence", "Konvergensi")                                                                           \
  X(tri_override, "Override\xE2\x80\xA6", "Timpa\xE2\x80\xA6")                                                         \
  X(tri_override_remove, "Remove override", "Hapus penimpaan")                                                         \
  X(tri_override_title, "Override", "Penimpaan")                                                                       \
  X(tri_override_status_of, "The status of %s", "Status %s")                                                           \
  X(tri_override_pair_of, "%s: %s \xE2\x80\x93 %s", "%s: %s \xE2\x80\x93 %s")                                          \
  X(tri_computed, "Computed by the rules: ", "Hasil hitung aturan: ")                                                  \
  X(tri_new_label, "Your label", "Label Anda")                                                                         \
  X(tri_memo, "Memo (why; required)", "Memo (alasan; wajib)")                                                          \
  X(tri_memo_required, "An override needs a memo that says why.",                                                      \
    "Penimpaan memerlukan memo yang menjelaskan alasannya.")                                                           \
  X(tri_save, "Save", "Simpan")                                                                                        \
  X(tri_cancel, "Cancel", "Batal")                                                                                     \
  X(tri_saved_override, "Override saved (Ctrl+Z undoes it): ", "Penimpaan disimpan (Ctrl+Z membatalkan): ")            \
  X(tri_removed_override, "Override removed (Ctrl+Z undoes it): ", "Penimpaan dihapus (Ctrl+Z membatalkan): ")         \
  X(tri_memo_label, "Memo: ", "Memo: ")                                                                                \
  X(tri_rating_set, "Set rating\xE2\x80\xA6", "Tetapkan penilaian\xE2\x80\xA6")                                        \
  X(tri_rating_remove, "Remove rating", "Hapus penilaian")                                                             \
  X(tri_rating_recorded, "recorded", "tercatat")                                                                       \
  X(tri_justification, "Justification (required)", "Justifikasi (wajib)")                                              \
  X(tri_cited_fmt, "Cites %d ticked quotes (tick quotes in the columns below).",                                       \
    "Mengutip %d kutipan yang dicentang (centang kutipan di kolom bawah).")                                            \
  X(tri_cite, "cite", "kutip")                                                                                         \
  X(tri_cite_summary, "Cite a summary cell of this indicator\xE2\x80\xA6",                                             \
    "Rujuk sel ringkasan indikator ini\xE2\x80\xA6")                                                                   \
  X(tri_no_summary, "(no summary cell written for this indicator)", "(belum ada sel ringkasan untuk indikator ini)")   \
  X(tri_broken_summary, "broken citation: the summary cell is gone", "rujukan rusak: sel ringkasan sudah tidak ada")   \
  X(tri_case, "case", "kasus")                                                                                         \
  X(tri_saved_rating, "Rating saved (Ctrl+Z undoes it): ", "Penilaian disimpan (Ctrl+Z membatalkan): ")                \
  X(tri_removed_rating, "Rating removed (Ctrl+Z undoes it): ", "Penilaian dihapus (Ctrl+Z membatalkan): ")             \
  X(tri_impediments_fmt, "Impediments linked to this indicator: %d", "Hambatan yang terkait indikator ini: %d")        \
  X(tri_column_fmt, "%lld / %lld, net %s", "%lld / %lld, neto %s")                                                     \
  X(tri_shader_failed,                                                                                                 \
    "Heatmap shader unavailable, drawing without it: ", "Shader peta panas tidak tersedia, digambar tanpanya: ")       \
  X(tri_error_prefix, "Triangulation: ", "Triangulasi: ")                                                              \
  X(tri_unassigned_fmt, "%lld codings are in documents without a value for %s and are not counted.",                   \
    "%lld pengodean ada di dokumen tanpa nilai %s dan tidak dihitung.")                                                \
  X(tri_n_source_types, "%lld source types", "%lld jenis sumber")                                                      \
  X(tri_n_source_types_one, "%lld source type", "%lld jenis sumber")                                                   \
  X(tri_n_codings, "%lld codings", "%lld pengodean")                                                                   \
  X(tri_n_codings_one, "%lld coding", "%lld pengodean")                                                                \
  X(tri_n_documents, "%lld documents", "%lld dokumen")                                                                 \
  X(tri_n_documents_one, "%lld document", "%lld dokumen")                                                              \
  X(tri_verdict_fmt_one, "Overall verdict: %s (score %.2f over %d indicator)",                                         \
    "Kesimpulan umum: %s (skor %.2f atas %d indikator)")                                                               \
  X(tri_evidence_fmt_one, "%s \xC3\x97 %s: %d coding", "%s \xC3\x97 %s: %d pengodean")                                 \
  X(tri_rule_fmt, "Counted: %s", "Dihitung: %s")                                                                       \
  X(tri_rule_all, "all coders, the same passage once", "semua pengode, bagian teks yang sama sekali")                  \
  X(tri_rule_one_fmt, "one coder: %s", "satu pengode: %s")                                                             \
  X(tri_rule_set_fmt, "chosen coders: %s, the same passage once",                                                      \
    "pengode terpilih: %s, bagian teks yang sama sekali")                                                              \
  X(tri_rule_view_fmt, " (this view; the project's rule: %s)", " (tampilan ini; aturan proyek: %s)")                   \
  X(tri_method_button, "Method settings\xE2\x80\xA6", "Pengaturan metode\xE2\x80\xA6")                                 \
  X(tri_stale, "STALE", "KEDALUWARSA")                                                                                 \
  X(tri_stale_tip,                                                                                                     \
    "Later evidence or a changed setting moved the automatic value under this override: was %s, now %s. "              \
    "Confirm it or remove it.",                                                                                        \
    "Bukti baru atau pengaturan yang berubah menggeser nilai otomatis di bawah penimpaan ini: dulu %s, kini %s. "      \
    "Konfirmasi atau hapus.")                                                                                          \
  X(tri_stale_list_fmt, "Stale overrides (%d)###stale", "Penimpaan kedaluwarsa (%d)###stale")                          \
  X(tri_stale_item_fmt, "%s%s: override %s; automatic was %s, now %s",                                                 \
    "%s%s: penimpaan %s; otomatis dulu %s, kini %s")                                                                   \
  X(tri_stale_filtered, "Judged against the current columns, coders and dates.",                                       \
    "Dinilai terhadap kolom, pengode, dan tanggal saat ini.")                                                          \
  X(tri_confirm, "Confirm", "Konfirmasi")                                                                              \
  X(tri_confirmed_rating, "Rating confirmed (Ctrl+Z undoes it): ", "Penilaian dikonfirmasi (Ctrl+Z membatalkan): ")    \
  X(tri_confirmed_override,                                                                                            \
    "Override confirmed (Ctrl+Z undoes it): ", "Penimpaan dikonfirmasi (Ctrl+Z membatalkan): ")                        \
  X(tri_expand_tip, "Show the sub-codes' rows", "Tampilkan baris subkode")                                             \
  X(tri_subcode_tip, "Sub-code of %s: its own evidence, counted once per passage; the indicator's row counts it too.", \
    "Subkode dari %s: buktinya sendiri, dihitung sekali per bagian teks; baris indikator juga menghitungnya.")         \
  X(tri_draft_saved, "The open editor was saved: ", "Editor yang terbuka disimpan: ")                                  \
  X(tri_cited_fmt_one, "Cites %d ticked quote (tick quotes in the columns below).",                                    \
    "Mengutip %d kutipan yang dicentang (centang kutipan di kolom bawah).")
