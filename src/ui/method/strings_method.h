// The strings of the Method settings dialog (see strings.h): X(key, English, Indonesian).
// Keys start with meth_. The settings' own one-line meanings come from the
// registry (analysis/method_settings.h), never from here.
#pragma once

#define TELAAH_UI_STRINGS_METHOD(X)                                                                               \
  X(meth_menu, "Method settings\xE2\x80\xA6", "Pengaturan metode\xE2\x80\xA6")                                    \
  X(meth_title, "Method settings", "Pengaturan metode")                                                           \
  X(meth_intro,                                                                                                   \
    "The rules that decide the matrix, the verdict and agreement. Changes take effect on Apply, as one "          \
    "undoable action; the preview below shows what they do to the matrix first.",                                 \
    "Aturan yang menentukan matriks, penilaian akhir, dan kesepakatan. Perubahan berlaku saat Terapkan, sebagai " \
    "satu tindakan yang dapat dibatalkan; pratinjau di bawah menunjukkan dampaknya pada matriks lebih dulu.")     \
  X(meth_group_triangulation, "Triangulation", "Triangulasi")                                                     \
  X(meth_group_coders, "Coders: whose codings count", "Pengode: koding siapa yang dihitung")                      \
  X(meth_group_evaluation, "Evaluation and verdict", "Evaluasi dan penilaian akhir")                              \
  X(meth_group_agreement, "Intercoder agreement", "Kesepakatan antarpengode")                                     \
  X(meth_group_types, "Source types (the matrix columns)", "Jenis sumber (kolom matriks)")                        \
  X(meth_default_fmt, "default: %s", "bawaan: %s")                                                                \
  X(meth_is_default, "(default)", "(bawaan)")                                                                     \
  X(meth_reset, "Reset to default", "Kembalikan ke bawaan")                                                       \
  X(meth_changed, "changed", "diubah")                                                                            \
  X(meth_coders_all, "All coders, the same passage counted once",                                                 \
    "Semua pengode, bagian teks yang sama dihitung sekali")                                                       \
  X(meth_coders_one, "One coder:", "Satu pengode:")                                                               \
  X(meth_coders_set, "A chosen set (deduplicated):", "Beberapa pengode (dihitung sekali):")                       \
  X(meth_coders_none, "This project has no coders yet.", "Proyek ini belum memiliki pengode.")                    \
  X(meth_preview, "Effect on the matrix", "Dampak pada matriks")                                                  \
  X(meth_preview_none, "No changes yet.", "Belum ada perubahan.")                                                 \
  X(meth_preview_computing, "Computing the matrix with these settings\xE2\x80\xA6",                               \
    "Menghitung matriks dengan pengaturan ini\xE2\x80\xA6")                                                       \
  X(meth_preview_same, "No indicator changes status or pair label.",                                              \
    "Tidak ada indikator yang berubah status atau label pasangannya.")                                            \
  X(meth_preview_not_matrix, "These settings do not change the matrix (they decide the verdict or agreement).",   \
    "Pengaturan ini tidak mengubah matriks (menentukan penilaian akhir atau kesepakatan).")                       \
  X(meth_preview_invalid, "Fix the values marked in red first.", "Perbaiki dulu nilai yang ditandai merah.")      \
  X(meth_preview_one, "1 indicator changes: ", "1 indikator berubah: ")                                           \
  X(meth_preview_many, "%d indicators change: ", "%d indikator berubah: ")                                        \
  X(meth_preview_units_fmt, "Evidence units counted: %lld \xE2\x86\x92 %lld",                                     \
    "Unit bukti dihitung: %lld \xE2\x86\x92 %lld")                                                                \
  X(meth_preview_stale_fmt, "Stale overrides: %d \xE2\x86\x92 %d", "Penimpaan kedaluwarsa: %d \xE2\x86\x92 %d")   \
  X(meth_preview_overridden, " (overridden: only the automatic value moves)",                                     \
    " (ditimpa peneliti: hanya nilai otomatis yang bergeser)")                                                    \
  X(meth_preview_failed, "The preview failed: ", "Pratinjau gagal: ")                                             \
  X(meth_apply, "Apply", "Terapkan")                                                                              \
  X(meth_close, "Close", "Tutup")                                                                                 \
  X(meth_applied, "Method settings changed: ", "Pengaturan metode diubah: ")                                      \
  X(meth_types_note, "Changes to source types are saved at once, each one undoable action.",                      \
    "Perubahan jenis sumber langsung disimpan, masing-masing satu tindakan yang dapat dibatalkan.")               \
  X(meth_type_documents_fmt, "%lld documents", "%lld dokumen")                                                    \
  X(meth_type_rename, "Rename", "Ganti nama")                                                                     \
  X(meth_type_up, "Up", "Naik")                                                                                   \
  X(meth_type_down, "Down", "Turun")                                                                              \
  X(meth_type_merge, "Merge into\xE2\x80\xA6", "Gabungkan ke\xE2\x80\xA6")                                        \
  X(meth_type_merge_confirm_fmt, "Every document of %s becomes %s, and %s is removed (overrides naming it too).", \
    "Setiap dokumen %s menjadi %s, dan %s dihapus (juga penimpaan yang menyebutnya).")                            \
  X(meth_type_merge_do, "Merge", "Gabungkan")                                                                     \
  X(meth_type_cancel, "Cancel", "Batal")                                                                          \
  X(meth_type_add, "Add", "Tambah")                                                                               \
  X(meth_type_new_hint, "new source type", "jenis sumber baru")                                                   \
  X(meth_type_saved, "Source types: ", "Jenis sumber: ")
