// The strings of the cases view (see strings.h): X(key, English, Indonesian).
// Keys start with cas_ so that they never collide with another view's.
// Strings with a printf conversion keep the same conversions in both languages.
#pragma once

#define TELAAH_UI_STRINGS_CASES(X)                                                                                    \
  X(cas_title, "Cases", "Kasus")                                                                                      \
  X(cas_list, "Cases", "Daftar kasus")                                                                                \
  X(cas_none, "No cases yet. A case groups documents (a site, a partner city, an informant).",                        \
    "Belum ada kasus. Sebuah kasus mengelompokkan dokumen (lokasi, kota mitra, informan).")                           \
  X(cas_new_hint, "New case name", "Nama kasus baru")                                                                 \
  X(cas_add, "Add", "Tambah")                                                                                         \
  X(cas_rename, "Rename", "Ganti nama")                                                                               \
  X(cas_delete, "Delete case", "Hapus kasus")                                                                         \
  X(cas_added, "Case added: ", "Kasus ditambahkan: ")                                                                 \
  X(cas_renamed, "Case renamed: ", "Nama kasus diganti: ")                                                            \
  X(cas_deleted, "Case deleted: ", "Kasus dihapus: ")                                                                 \
  X(cas_attributes, "Attributes", "Atribut")                                                                          \
  X(cas_attr_name, "Name", "Nama")                                                                                    \
  X(cas_attr_type, "Type", "Jenis")                                                                                   \
  X(cas_attr_value, "Value", "Nilai")                                                                                 \
  X(cas_attr_set, "Set", "Tetapkan")                                                                                  \
  X(cas_attr_remove, "Remove", "Hapus")                                                                               \
  X(cas_attr_saved, "Attribute set: ", "Atribut ditetapkan: ")                                                        \
  X(cas_attr_removed, "Attribute removed: ", "Atribut dihapus: ")                                                     \
  X(cas_members, "Documents in this case", "Dokumen dalam kasus ini")                                                 \
  X(cas_no_members, "No documents yet: add them from the list below.",                                                \
    "Belum ada dokumen: tambahkan dari daftar di bawah.")                                                             \
  X(cas_part_fmt, "%s, characters %lld\xE2\x80\x93%lld", "%s, karakter %lld\xE2\x80\x93%lld")                         \
  X(cas_take_out, "Take out", "Keluarkan")                                                                            \
  X(cas_taken_out, "Taken out of the case: ", "Dikeluarkan dari kasus: ")                                             \
  X(cas_add_docs, "Add documents", "Tambah dokumen")                                                                  \
  X(cas_filter_hint, "Filter documents by title", "Saring dokumen menurut judul")                                     \
  X(cas_assigned, "Added to the case: ", "Ditambahkan ke kasus: ")                                                    \
  X(cas_add_selection, "Add the selected passage of the open document",                                               \
    "Tambahkan bagian teks terpilih di dokumen terbuka")                                                              \
  X(cas_import, "Import cases from CSV or XLSX", "Impor kasus dari CSV atau XLSX")                                    \
  X(cas_import_hint, "path/to/cases.csv or .xlsx", "lokasi/kasus.csv atau .xlsx")                                     \
  X(cas_import_button, "Import", "Impor")                                                                             \
  X(cas_import_help,                                                                                                  \
    "One row per case: a header with name, optionally description, and one column per attribute (population:number, " \
    "joined:date, active:boolean). A bad row stops the import and nothing is imported.",                              \
    "Satu baris per kasus: kepala kolom name, boleh description, dan satu kolom per atribut (population:number, "     \
    "joined:date, active:boolean). Baris yang salah menghentikan impor dan tidak ada yang diimpor.")                  \
  X(cas_imported_fmt, "Imported %d case(s) from ", "Mengimpor %d kasus dari ")                                        \
  X(cas_cannot_read, "Cannot read ", "Tidak dapat membaca ")                                                          \
  X(cas_matrix, "Triangulation across cases", "Triangulasi antarkasus")                                               \
  X(cas_matrix_note,                                                                                                  \
    "cell: passages / documents among the case's codings; status by the same rules with the cases as "                \
    "columns (read only)",                                                                                            \
    "sel: bagian teks / dokumen di antara koding kasus; status menurut aturan yang sama dengan kasus sebagai kolom "  \
    "(hanya baca)")                                                                                                   \
  X(cas_status, "Status", "Status")                                                                                   \
  X(cas_indicator, "Indicator", "Indikator")                                                                          \
  X(cas_menu_new, "New case", "Kasus baru")
