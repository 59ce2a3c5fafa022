// The strings of the summary grid (see strings.h): X(key, English, Indonesian).
// Keys start with sum_ so that they never collide with another view's.
// Strings with a printf conversion keep the same conversions in both languages.
#pragma once

#define TELAAH_UI_STRINGS_SUMMARIES(X)                                                                          \
  X(sum_title, "Summaries", "Ringkasan")                                                                        \
  X(sum_columns, "Columns", "Kolom")                                                                            \
  X(sum_by_type, "Source types", "Jenis sumber")                                                                \
  X(sum_by_case, "Cases", "Kasus")                                                                              \
  X(sum_indicator, "Indicator", "Indikator")                                                                    \
  X(sum_no_rows, "No indicators yet: give codes the kind \"indicator\" in the codebook (or load a framework).", \
    "Belum ada indikator: beri kode jenis \"indikator\" di buku kode (atau muat kerangka).")                    \
  X(sum_no_cases, "No cases yet: make them in the Cases view.", "Belum ada kasus: buat di tampilan Kasus.")     \
  X(sum_pick_cell, "Choose a cell to write its summary.", "Pilih sel untuk menulis ringkasannya.")              \
  X(sum_cell_tip, "%lld passage(s) of evidence. Click to write the summary.",                                   \
    "%lld bagian teks bukti. Klik untuk menulis ringkasan.")                                                    \
  X(sum_broken_fmt, "%d broken", "%d rusak")                                                                    \
  X(sum_broken_tip, "A cited coding is gone (removed, or its creation undone): its citation is broken.",        \
    "Koding yang dirujuk sudah tiada (dihapus, atau pembuatannya dibatalkan): rujukannya rusak.")               \
  X(sum_quotes, "Codings of this cell", "Koding sel ini")                                                       \
  X(sum_no_quotes, "No codings in this cell.", "Tidak ada koding di sel ini.")                                  \
  X(sum_cite, "Cite", "Rujuk")                                                                                  \
  X(sum_cite_tip, "Insert [#%lld] at the cursor (or choose the quote and press %s in the summary).",            \
    "Sisipkan [#%lld] di kursor (atau pilih kutipan lalu tekan %s di ringkasan).")                              \
  X(sum_summary, "Summary", "Ringkasan")                                                                        \
  X(sum_save, "Save", "Simpan")                                                                                 \
  X(sum_revert, "Revert", "Kembalikan")                                                                         \
  X(sum_saved, "Summary saved: ", "Ringkasan disimpan: ")                                                       \
  X(sum_cleared, "Summary cleared: ", "Ringkasan dikosongkan: ")                                                \
  X(sum_draft_saved, "Summary draft saved: ", "Draf ringkasan disimpan: ")                                      \
  X(sum_unsaved, "Not saved yet", "Belum disimpan")                                                             \
  X(sum_citations, "Citations", "Rujukan")                                                                      \
  X(sum_citation_ok, "[#%lld] cites a coding", "[#%lld] merujuk koding")                                        \
  X(sum_citation_broken, "[#%lld] broken: the coding is gone", "[#%lld] rusak: kodingnya sudah tiada")          \
  X(sum_editor_hint, "Alt+Up/Alt+Down choose a quote, %s cites it", "Alt+Atas/Alt+Bawah memilih kutipan, %s merujuknya")
