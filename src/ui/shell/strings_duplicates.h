// Strings of Project › Find near-duplicates… (duplicates_dialog.cpp),
// X(key, English, Indonesian), included in the shell's table (strings.h).
#pragma once

#define TELAAH_UI_STRINGS_DUPLICATES(X)                                                                                \
  X(menu_duplicates, "Find near-duplicates\xE2\x80\xA6", "Cari dokumen hampir sama\xE2\x80\xA6")                       \
  X(dup_title, "Near-duplicate documents", "Dokumen yang hampir sama")                                                 \
  X(dup_rule,                                                                                                          \
    "Texts are cut into runs of 5 words. Two documents are near-duplicates when the shorter shares at least the "      \
    "threshold of its runs with the other and is at least 30% of its size. A group marked as duplicates counts as "    \
    "one document in triangulation (setting triangulation.duplicates). Keys: Up/Down choose, M mark, K keep apart, "   \
    "Enter open.",                                                                                                     \
    "Teks dipotong menjadi rangkaian 5 kata. Dua dokumen hampir sama bila yang lebih pendek berbagi sekurangnya "      \
    "ambang rangkaiannya dengan yang lain dan berukuran sekurangnya 30 persen dari yang lain. Kelompok yang ditandai " \
    "sama dihitung sebagai satu dokumen dalam triangulasi (pengaturan triangulation.duplicates). Tombol: Atas/Bawah "  \
    "memilih, M menandai, K memisahkan, Enter membuka.")                                                               \
  X(dup_threshold, "Threshold", "Ambang")                                                                              \
  X(dup_all_types, "All source types", "Semua jenis sumber")                                                           \
  X(dup_find, "Find", "Cari")                                                                                          \
  X(dup_cancel, "Cancel", "Batal")                                                                                     \
  X(dup_task, "Finding near-duplicate documents", "Mencari dokumen yang hampir sama")                                  \
  X(dup_summary, "%d groups among %d documents", "%d kelompok di antara %d dokumen")                                   \
  X(dup_none, "No near-duplicates found.", "Tidak ada dokumen yang hampir sama.")                                      \
  X(dup_start_hint, "Choose the threshold and press Find.", "Pilih ambang lalu tekan Cari.")                           \
  X(dup_group_head, "%d documents, %d%% shared - %s", "%d dokumen, %d%% sama - %s")                                    \
  X(dup_state_new, "new", "baru")                                                                                      \
  X(dup_state_recorded, "recorded as duplicates", "tercatat sebagai duplikat")                                         \
  X(dup_state_marked, "marked as duplicates", "ditandai sebagai duplikat")                                             \
  X(dup_state_apart, "kept apart", "dipisahkan")                                                                       \
  X(dup_mark, "Mark as duplicates", "Tandai sebagai duplikat")                                                         \
  X(dup_apart, "Keep apart", "Pisahkan")                                                                               \
  X(dup_mark_all, "Mark all new groups", "Tandai semua kelompok baru")                                                 \
  X(dup_close, "Close", "Tutup")                                                                                       \
  X(dup_marked_status, "Marked as duplicates: counted as one document",                                                \
    "Ditandai sebagai duplikat: dihitung satu dokumen")                                                                \
  X(dup_apart_status, "Kept apart: not proposed again", "Dipisahkan: tidak diusulkan lagi")
