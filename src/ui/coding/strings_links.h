// The strings of links between codings and of impediments in the window (issue 21; see strings.h):
// X(key, English, Indonesian). Keys start with lnk_ / imp_ so that they never collide with another view's.
// Strings with a printf conversion keep the same conversions in both languages.
#pragma once

#define TELAAH_UI_STRINGS_LINKS(X)                                                                               \
  X(lnk_links_fmt, "Links (%d)", "Tautan (%d)")                                                                  \
  X(lnk_none, "No links yet: drag this chip onto another coding, or Link to\xE2\x80\xA6 (L).",                   \
    "Belum ada tautan: seret cip ini ke pengodean lain, atau Tautkan ke\xE2\x80\xA6 (L).")                       \
  X(lnk_link_to, "Link to\xE2\x80\xA6", "Tautkan ke\xE2\x80\xA6")                                                \
  X(lnk_chip_tip, "Drag onto another coding (in the document or in the Link to\xE2\x80\xA6 list) to link them.", \
    "Seret ke pengodean lain (di dokumen atau di daftar Tautkan ke\xE2\x80\xA6) untuk menautkannya.")            \
  X(lnk_row_tip, "Enter or click: go to the other coding. Delete: remove the link (Ctrl+Z undoes).",             \
    "Enter atau klik: ke pengodean lainnya. Delete: hapus tautan (Ctrl+Z membatalkan).")                         \
  X(lnk_memo, "Memo", "Memo")                                                                                    \
  X(lnk_remove, "Remove", "Hapus")                                                                               \
  X(lnk_picker_title, "Link to\xE2\x80\xA6###linkpicker", "Tautkan ke\xE2\x80\xA6###linkpicker")                 \
  X(lnk_picker_from, "From: ", "Dari: ")                                                                         \
  X(lnk_picker_hint, "type part of the quote, a code or a document; \xE2\x86\x91/\xE2\x86\x93, Enter",           \
    "ketik bagian kutipan, kode, atau dokumen; \xE2\x86\x91/\xE2\x86\x93, Enter")                                \
  X(lnk_picker_none, "No coding matches.", "Tidak ada pengodean yang cocok.")                                    \
  X(lnk_picker_loading, "Reading the project's codings\xE2\x80\xA6", "Membaca pengodean proyek\xE2\x80\xA6")     \
  X(lnk_picker_scanning_fmt, "%d found so far\xE2\x80\xA6", "%d ditemukan sejauh ini\xE2\x80\xA6")               \
  X(lnk_relation, "Relation", "Relasi")                                                                          \
  X(lnk_relation_hint, "\xE2\x86\x91/\xE2\x86\x93 choose, Enter links, Esc goes back",                           \
    "\xE2\x86\x91/\xE2\x86\x93 pilih, Enter menautkan, Esc kembali")                                             \
  X(lnk_to, "To: ", "Ke: ")                                                                                      \
  X(lnk_new_relation, "New relation\xE2\x80\xA6", "Relasi baru\xE2\x80\xA6")                                     \
  X(lnk_name, "Name", "Nama")                                                                                    \
  X(lnk_directed, "Directed (A \xE2\x86\x92 B reads differently from B \xE2\x86\x92 A)",                         \
    "Berarah (A \xE2\x86\x92 B berbeda dari B \xE2\x86\x92 A)")                                                  \
  X(lnk_colour, "Colour", "Warna")                                                                               \
  X(lnk_create, "Create relation", "Buat relasi")                                                                \
  X(lnk_make, "Link", "Tautkan")                                                                                 \
  X(lnk_cancel, "Cancel", "Batal")                                                                               \
  X(lnk_saved, "Saved: link ", "Tersimpan: tautan ")                                                             \
  X(lnk_removed, "Saved: link removed ", "Tersimpan: tautan dihapus ")                                           \
  X(lnk_relation_saved, "Saved: new relation ", "Tersimpan: relasi baru ")                                       \
  X(lnk_memo_saved, "Saved: memo of the link ", "Tersimpan: memo tautan ")                                       \
  X(lnk_rel_corroborates, "corroborates", "menguatkan")                                                          \
  X(lnk_rel_contradicts, "contradicts", "membantah")                                                             \
  X(lnk_rel_explains, "explains", "menjelaskan")                                                                 \
  X(lnk_rel_impedes, "impedes", "menghambat")                                                                    \
  X(lnk_count_fmt, "Links of this indicator's codings: %d", "Tautan pengodean indikator ini: %d")                \
  X(lnk_compare_fmt, "Links between source types (%d)", "Tautan antar-jenis sumber (%d)")                        \
  X(imp_hinders, "Hinders indicator\xE2\x80\xA6", "Menghambat indikator\xE2\x80\xA6")                            \
  X(imp_attached, "Hinders: ", "Menghambat: ")                                                                   \
  X(imp_detach, "Detach", "Lepaskan")                                                                            \
  X(imp_saved_attach, "Saved: attached to ", "Tersimpan: dilekatkan ke ")                                        \
  X(imp_saved_detach, "Saved: detached from ", "Tersimpan: dilepas dari ")                                       \
  X(imp_pick_hint, "type part of an indicator; \xE2\x86\x91/\xE2\x86\x93, Enter",                                \
    "ketik bagian nama indikator; \xE2\x86\x91/\xE2\x86\x93, Enter")                                             \
  X(imp_findings_fmt, "Impediment findings (%d)", "Temuan hambatan (%d)")                                        \
  X(imp_attached_codings_fmt, "Impediment codings attached (%d)", "Pengodean hambatan dilekatkan (%d)")          \
  X(imp_new_finding, "New impediment finding\xE2\x80\xA6", "Temuan hambatan baru\xE2\x80\xA6")                   \
  X(imp_edit, "Edit", "Sunting")                                                                                 \
  X(imp_add_ticked, "Ticked quotes as evidence", "Kutipan dicentang sebagai bukti")                              \
  X(imp_remove, "Remove", "Hapus")                                                                               \
  X(imp_title, "Title", "Judul")                                                                                 \
  X(imp_description, "Description", "Deskripsi")                                                                 \
  X(imp_save, "Save", "Simpan")                                                                                  \
  X(imp_cancel, "Cancel", "Batal")                                                                               \
  X(imp_finding_of, "Impediment finding hindering %s", "Temuan hambatan yang menghambat %s")                     \
  X(imp_saved_finding, "Saved: impediment finding ", "Tersimpan: temuan hambatan ")                              \
  X(imp_removed_finding, "Saved: removed impediment finding ", "Tersimpan: temuan hambatan dihapus ")            \
  X(imp_evidence_fmt, "%d evidence coding(s)", "%d pengodean bukti")
