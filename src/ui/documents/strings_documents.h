// The strings of the documents view and the Report / Export dialog (see
// strings.h): X(key, English, Indonesian). Keys start with docs_, rep_.
#pragma once

#define TELAAH_UI_STRINGS_DOCUMENTS(X)                                                                                \
  X(view_documents, "Documents", "Dokumen")                                                                           \
  X(docs_filter_hint, "filter: title, author, date, language, type, attribute",                                       \
    "saring: judul, penulis, tanggal, bahasa, jenis, atribut")                                                        \
  X(docs_all, "All documents", "Semua dokumen")                                                                       \
  X(docs_set_label, "Set", "Himpunan")                                                                                \
  X(docs_sets_menu, "Sets\xE2\x80\xA6", "Himpunan\xE2\x80\xA6")                                                       \
  X(docs_shown_fmt, "%lld shown", "%lld ditampilkan")                                                                 \
  X(docs_selected_fmt, "%lld selected", "%lld dipilih")                                                               \
  X(docs_col_title, "Title", "Judul")                                                                                 \
  X(docs_col_type, "Type", "Jenis")                                                                                   \
  X(docs_col_date, "Date", "Tanggal")                                                                                 \
  X(docs_col_author, "Author / outlet", "Penulis / media")                                                            \
  X(docs_col_language, "Language", "Bahasa")                                                                          \
  X(docs_col_size, "Size", "Ukuran")                                                                                  \
  X(docs_col_codings, "Codings", "Pengodean")                                                                         \
  X(docs_none, "No document matches.", "Tidak ada dokumen yang cocok.")                                               \
  X(docs_empty, "This project has no documents yet: Project \xE2\x80\xBA Import files\xE2\x80\xA6",                   \
    "Proyek ini belum memiliki dokumen: Proyek \xE2\x80\xBA Impor berkas\xE2\x80\xA6")                                \
  X(docs_properties, "Properties", "Properti")                                                                        \
  X(docs_nothing_selected, "Select a document to see and edit its properties; Shift or Ctrl selects several.",        \
    "Pilih dokumen untuk melihat dan menyunting propertinya; Shift atau Ctrl memilih beberapa.")                      \
  X(docs_file, "Original file", "Berkas asli")                                                                        \
  X(docs_attributes, "Attributes", "Atribut")                                                                         \
  X(docs_attr_name, "name", "nama")                                                                                   \
  X(docs_attr_value, "value", "nilai")                                                                                \
  X(docs_attr_add, "Add attribute", "Tambah atribut")                                                                 \
  X(docs_attr_remove, "Remove", "Hapus")                                                                              \
  X(docs_type_text, "text", "teks")                                                                                   \
  X(docs_type_number, "number", "angka")                                                                              \
  X(docs_type_date, "date", "tanggal")                                                                                \
  X(docs_type_boolean, "yes/no", "ya/tidak")                                                                          \
  X(docs_save, "Save", "Simpan")                                                                                      \
  X(docs_revert, "Revert", "Kembalikan")                                                                              \
  X(docs_open, "Open for coding", "Buka untuk pengodean")                                                             \
  X(docs_delete, "Delete\xE2\x80\xA6", "Hapus\xE2\x80\xA6")                                                           \
  X(docs_bad_date, "Not a date: use 2011-05-18, 2011-05, 2011, 18 May 2011 or 18 Mei 2011.",                          \
    "Bukan tanggal: gunakan 2011-05-18, 2011-05, 2011, 18 May 2011 atau 18 Mei 2011.")                                \
  X(docs_saved_fmt, "Saved the properties of %s", "Properti %s disimpan")                                             \
  X(docs_bulk_title_fmt, "%lld documents selected", "%lld dokumen dipilih")                                           \
  X(docs_bulk_note, "Each change below applies to every selected document as one undoable action.",                   \
    "Setiap perubahan di bawah berlaku untuk semua dokumen terpilih sebagai satu tindakan yang dapat dibatalkan.")    \
  X(docs_bulk_type, "Set source type", "Atur jenis sumber")                                                           \
  X(docs_bulk_language, "Set language", "Atur bahasa")                                                                \
  X(docs_bulk_attribute, "Set attribute", "Atur atribut")                                                             \
  X(docs_bulk_remove_attribute, "Remove attribute", "Hapus atribut")                                                  \
  X(docs_apply, "Apply", "Terapkan")                                                                                  \
  X(docs_bulk_done_fmt, "%s set on %lld documents", "%s diatur pada %lld dokumen")                                    \
  X(docs_delete_title, "Delete documents", "Hapus dokumen")                                                           \
  X(docs_delete_one_fmt, "Delete \xE2\x80\x9C%s\xE2\x80\x9D? Its %lld codings go with it. Undo brings it back.",      \
    "Hapus \xE2\x80\x9C%s\xE2\x80\x9D? %lld pengodeannya ikut terhapus. Batalkan mengembalikannya.")                  \
  X(docs_delete_many_fmt, "Delete %lld documents? Their %lld codings go with them. Undo brings them back.",           \
    "Hapus %lld dokumen? %lld pengodeannya ikut terhapus. Batalkan mengembalikannya.")                                \
  X(docs_deleted_fmt, "Deleted %lld documents", "%lld dokumen dihapus")                                               \
  X(docs_set_new, "New set from the selection\xE2\x80\xA6", "Himpunan baru dari pilihan\xE2\x80\xA6")                 \
  X(docs_set_new_title, "New document set", "Himpunan dokumen baru")                                                  \
  X(docs_set_name, "Name of the set", "Nama himpunan")                                                                \
  X(docs_set_add_to, "Add the selection to", "Tambahkan pilihan ke")                                                  \
  X(docs_set_remove_sel, "Remove the selection from this set", "Keluarkan pilihan dari himpunan ini")                 \
  X(docs_set_rename, "Rename this set\xE2\x80\xA6", "Ganti nama himpunan ini\xE2\x80\xA6")                            \
  X(docs_set_delete, "Delete this set (its documents stay)", "Hapus himpunan ini (dokumennya tetap)")                 \
  X(docs_set_created_fmt, "Created set %s", "Himpunan %s dibuat")                                                     \
  X(docs_set_added_fmt, "Added %lld documents to %s", "%lld dokumen ditambahkan ke %s")                               \
  X(docs_set_removed_fmt, "Removed %lld documents from %s", "%lld dokumen dikeluarkan dari %s")                       \
  X(docs_set_deleted_fmt, "Deleted set %s", "Himpunan %s dihapus")                                                    \
  X(docs_set_renamed_fmt, "Renamed the set to %s", "Himpunan diganti nama menjadi %s")                                \
  X(docs_no_sets, "No sets yet", "Belum ada himpunan")                                                                \
  X(docs_edited_bulk_fmt, "%s of %lld documents", "%s dari %lld dokumen")                                             \
  X(rep_menu_report, "Report\xE2\x80\xA6", "Laporan\xE2\x80\xA6")                                                     \
  X(rep_menu_export, "Export\xE2\x80\xA6", "Ekspor\xE2\x80\xA6")                                                      \
  X(rep_title_report, "Evaluation report", "Laporan evaluasi")                                                        \
  X(rep_title_export, "Export", "Ekspor")                                                                             \
  X(rep_format, "Format", "Format")                                                                                   \
  X(rep_html, "HTML (one self-contained file)", "HTML (satu berkas mandiri)")                                         \
  X(rep_md, "Markdown", "Markdown")                                                                                   \
  X(rep_docx, "Word document (DOCX)", "Dokumen Word (DOCX)")                                                          \
  X(rep_qdpx, "REFI-QDA project (.qdpx)", "Proyek REFI-QDA (.qdpx)")                                                  \
  X(rep_qdc, "REFI-QDA codebook (.qdc)", "Buku kode REFI-QDA (.qdc)")                                                 \
  X(rep_csv_codings, "CSV: the codings", "CSV: pengodean")                                                            \
  X(rep_csv_matrix, "CSV: the triangulation matrix", "CSV: matriks triangulasi")                                      \
  X(rep_xlsx, "XLSX: codings, codebook and matrix", "XLSX: pengodean, buku kode, dan matriks")                        \
  X(rep_language, "Language of the report", "Bahasa laporan")                                                         \
  X(rep_destination, "Save as", "Simpan sebagai")                                                                     \
  X(rep_browse, "Folder\xE2\x80\xA6", "Folder\xE2\x80\xA6")                                                           \
  X(rep_browse_title, "Choose the folder (or a file to replace)", "Pilih folder (atau berkas yang akan diganti)")     \
  X(rep_browse_ok, "Choose", "Pilih")                                                                                 \
  X(rep_replace_note, "A file of that name is replaced.", "Berkas dengan nama itu akan diganti.")                     \
  X(rep_run, "Write", "Tulis")                                                                                        \
  X(rep_running, "Writing in the background; you can go on working.",                                                 \
    "Sedang ditulis di latar belakang; Anda dapat terus bekerja.")                                                    \
  X(rep_task_report, "Writing the report", "Menulis laporan")                                                         \
  X(rep_task_export, "Exporting", "Mengekspor")                                                                       \
  X(rep_done_title, "Written", "Selesai ditulis")                                                                     \
  X(rep_failed_title, "Not written", "Tidak tertulis")                                                                \
  X(rep_failed, "Nothing was written: ", "Tidak ada yang ditulis: ")                                                  \
  X(rep_open_folder, "Open folder", "Buka folder")                                                                    \
  X(rep_no_path, "Give a file name.", "Berikan nama berkas.")                                                         \
  X(cb_add_sub, "Add sub-code", "Tambah subkode")                                                                     \
  X(cb_rename, "Rename", "Ganti nama")                                                                                \
  X(cb_delete, "Delete\xE2\x80\xA6", "Hapus\xE2\x80\xA6")                                                             \
  X(cb_merge, "Merge into\xE2\x80\xA6", "Gabungkan ke\xE2\x80\xA6")                                                   \
  X(cb_merge_title, "Merge into another code", "Gabungkan ke kode lain")                                              \
  X(cb_merge_hint, "type part of the target's name", "ketik bagian nama kode tujuan")                                 \
  X(cb_merge_note_fmt,                                                                                                \
    "The %lld codings, memos and sub-codes of %s move to the code chosen; %s is removed. Undo brings it back.",       \
    "%lld pengodean, memo, dan subkode %s pindah ke kode yang dipilih; %s dihapus. Batalkan mengembalikannya.")       \
  X(cb_merged_fmt, "Merged %s into %s", "%s digabungkan ke %s")                                                       \
  X(cb_colour, "Colour", "Warna")                                                                                     \
  X(cb_memo, "Code memo\xE2\x80\xA6", "Memo kode\xE2\x80\xA6")                                                        \
  X(cb_memo_title, "Code memo", "Memo kode")                                                                          \
  X(cb_memo_saved, "Code memo saved", "Memo kode disimpan")                                                           \
  X(cb_move_up, "Move up", "Naikkan")                                                                                 \
  X(cb_move_down, "Move down", "Turunkan")                                                                            \
  X(cb_load, "Load framework\xE2\x80\xA6", "Muat kerangka\xE2\x80\xA6")                                               \
  X(cb_load_title, "Load a framework or codebook (JSON)", "Muat kerangka atau buku kode (JSON)")                      \
  X(cb_load_ok, "Load", "Muat")                                                                                       \
  X(cb_loaded_fmt, "Loaded %lld codes from %s (merged by path)", "%lld kode dimuat dari %s (digabung menurut jalur)") \
  X(cb_export, "Export codebook\xE2\x80\xA6", "Ekspor buku kode\xE2\x80\xA6")
