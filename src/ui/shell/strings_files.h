// The strings of the file chooser (see strings.h): X(key, English, Indonesian).
// Keys start with fb2_ so that they never collide with another view's.
#pragma once

#define TELAAH_UI_STRINGS_FILES(X)                                                                                \
  X(fb2_places, "Places", "Tempat")                                                                               \
  X(fb2_desktop, "Desktop", "Desktop")                                                                            \
  X(fb2_documents, "Documents", "Dokumen")                                                                        \
  X(fb2_project_folder, "Project folder", "Folder proyek")                                                        \
  X(fb2_recent, "Recent", "Terakhir")                                                                             \
  X(fb2_type, "Type", "Jenis")                                                                                    \
  X(fb2_all_files, "All files", "Semua berkas")                                                                   \
  X(fb2_projects, "Telaah projects", "Proyek Telaah")                                                             \
  X(fb2_projects_and_qdpx, "Telaah and REFI-QDA projects", "Proyek Telaah dan REFI-QDA")                          \
  X(fb2_qdpx, "REFI-QDA projects", "Proyek REFI-QDA")                                                             \
  X(fb2_importable, "Documents Telaah can import", "Dokumen yang dapat diimpor Telaah")                           \
  X(fb2_reports, "Reports", "Laporan")                                                                            \
  X(fb2_files, "Files", "Berkas")                                                                                 \
  X(fb2_save_title, "Save as", "Simpan sebagai")                                                                  \
  X(fb2_save, "Save", "Simpan")                                                                                   \
  X(fb2_keys_tip,                                                                                                 \
    "Type a name's first letters to jump to it; Enter opens, Backspace goes up, Ctrl+H shows hidden files.",      \
    "Ketik huruf awal nama untuk melompat; Enter membuka, Backspace naik satu folder, Ctrl+H menampilkan berkas " \
    "tersembunyi.")                                                                                               \
  X(fb2_native_waiting, "Choosing in the desktop's file dialog\xE2\x80\xA6",                                      \
    "Memilih di dialog berkas desktop\xE2\x80\xA6")
