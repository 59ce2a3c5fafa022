// Strings of the start screen's intake of REFI-QDA projects (qdpx_intake.cpp),
// X(key, English, Indonesian), included in the shell's table (strings.h).
#pragma once

#define TELAAH_UI_STRINGS_START(X)                                                                                   \
  X(start_import_qdpx, "Import a project from another QDA tool (.qdpx)\xE2\x80\xA6",                                 \
    "Impor proyek dari perangkat QDA lain (.qdpx)\xE2\x80\xA6")                                                      \
  X(menu_import_qdpx, "Import REFI-QDA project (.qdpx)\xE2\x80\xA6", "Impor proyek REFI-QDA (.qdpx)\xE2\x80\xA6")    \
  X(fb_qdpx_title, "Choose a REFI-QDA project (.qdpx, .qde)", "Pilih proyek REFI-QDA (.qdpx, .qde)")                 \
  X(qdpx_title, "Import a REFI-QDA project", "Impor proyek REFI-QDA")                                                \
  X(qdpx_explain,                                                                                                    \
    "Telaah makes a new project from this file (NVivo, ATLAS.ti, MAXQDA, QualCoder and Telaah export it). The file " \
    "itself is not changed; a report lists everything that could not be imported.",                                  \
    "Telaah membuat proyek baru dari berkas ini (diekspor oleh NVivo, ATLAS.ti, MAXQDA, QualCoder, dan Telaah). "    \
    "Berkas itu sendiri tidak diubah; laporan mencantumkan semua yang tidak dapat diimpor.")                         \
  X(qdpx_from, "From", "Dari")                                                                                       \
  X(qdpx_to, "New project", "Proyek baru")                                                                           \
  X(qdpx_import, "Import", "Impor")                                                                                  \
  X(qdpx_cancel, "Cancel", "Batal")                                                                                  \
  X(qdpx_exists, "A file of that name exists already; choose another name.",                                         \
    "Sudah ada berkas dengan nama itu; pilih nama lain.")                                                            \
  X(qdpx_bad_name, "The new project's name must end in .telaah.", "Nama proyek baru harus berakhiran .telaah.")      \
  X(qdpx_no_folder, "That folder does not exist.", "Folder itu tidak ada.")                                          \
  X(qdpx_not_found, "there is no such file.", "berkas itu tidak ada.")                                               \
  X(qdpx_task, "Importing the REFI-QDA project", "Mengimpor proyek REFI-QDA")                                        \
  X(qdpx_failed, "The REFI-QDA project could not be imported: ", "Proyek REFI-QDA tidak dapat diimpor: ")            \
  X(qdpx_report_title, "What was imported", "Yang diimpor")                                                          \
  X(qdpx_busy, "Wait until the running task has finished, then import again.",                                       \
    "Tunggu sampai tugas yang berjalan selesai, lalu impor lagi.")
