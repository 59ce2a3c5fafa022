// Every string the window shows, in English and Bahasa Indonesia, in one
// table; the language switches at run time (View menu). Strings with a
// printf conversion say so in their key's neighbourhood and keep the same
// conversions in both languages (checked by test_gui_strings).
#pragma once
#include <string>

#include "store/types.h"
#include "ui/agreement/strings_agreement.h"
#include "ui/cases/strings_cases.h"
#include "ui/coding/strings_links.h"
#include "ui/documents/strings_documents.h"
#include "ui/method/strings_method.h"
#include "ui/retrieval/strings_retrieval.h"
#include "ui/search/strings_search.h"
#include "ui/shell/strings_duplicates.h"
#include "ui/shell/strings_files.h"
#include "ui/shell/strings_start.h"
#include "ui/suggest/strings_suggest.h"
#include "ui/summaries/strings_summaries.h"
#include "ui/triangulation/strings_triangulation.h"

namespace telaah::ui {

// X(key, English, Indonesian)
#define TELAAH_UI_STRINGS(X)                                                                                          \
  X(tagline,                                                                                                          \
    "Evaluation research with qualitative evidence: code interviews, news and official documents against "            \
    "an evaluation framework, and see where the sources agree.",                                                      \
    "Riset evaluasi dengan bukti kualitatif: kodekan wawancara, berita, dan dokumen resmi terhadap kerangka "         \
    "evaluasi, lalu lihat di mana sumber-sumber sepakat.")                                                            \
  X(start_new, "New project\xE2\x80\xA6", "Proyek baru\xE2\x80\xA6")                                                  \
  X(start_open, "Open project\xE2\x80\xA6", "Buka proyek\xE2\x80\xA6")                                                \
  X(start_sample, "Open the sample project (Jakarta \xE2\x80\x93 Seoul sister city)",                                 \
    "Buka proyek contoh (kota kembar Jakarta \xE2\x80\x93 Seoul)")                                                    \
  X(start_drop_hint, "Tip: drop files onto the window to import them into the open project.",                         \
    "Tip: jatuhkan berkas ke jendela untuk mengimpornya ke proyek yang terbuka.")                                     \
  X(menu_project, "Project", "Proyek")                                                                                \
  X(menu_new, "New\xE2\x80\xA6", "Baru\xE2\x80\xA6")                                                                  \
  X(menu_open, "Open\xE2\x80\xA6", "Buka\xE2\x80\xA6")                                                                \
  X(menu_recent, "Recent projects", "Proyek terakhir")                                                                \
  X(menu_import, "Import files\xE2\x80\xA6", "Impor berkas\xE2\x80\xA6")                                              \
  X(menu_close, "Close project", "Tutup proyek")                                                                      \
  X(menu_quit, "Quit", "Keluar")                                                                                      \
  X(menu_edit, "Edit", "Sunting")                                                                                     \
  X(menu_undo, "Undo", "Batalkan")                                                                                    \
  X(menu_redo, "Redo", "Ulangi")                                                                                      \
  X(menu_find, "Find in document", "Cari di dokumen")                                                                 \
  X(menu_open_document, "Open document by name\xE2\x80\xA6", "Buka dokumen menurut nama\xE2\x80\xA6")                 \
  X(menu_search_corpus, "Search the corpus", "Cari di korpus")                                                        \
  X(picker_title, "Open document by name", "Buka dokumen menurut nama")                                               \
  X(picker_hint, "type part of a title, author or date; Enter opens",                                                 \
    "ketik bagian judul, penulis, atau tanggal; Enter membuka")                                                       \
  X(picker_none, "No document matches.", "Tidak ada dokumen yang cocok.")                                             \
  X(status_notice, "Note: ", "Catatan: ")                                                                             \
  X(status_draft_not_saved, "A draft could not be saved, so the window stays open: ",                                 \
    "Sebuah draf tidak dapat disimpan, jadi jendela tetap terbuka: ")                                                 \
  X(menu_view, "View", "Tampilan")                                                                                    \
  X(menu_help, "Help", "Bantuan")                                                                                     \
  X(help_shortcuts_title, "Keyboard", "Papan ketik")                                                                  \
  X(help_shortcuts,                                                                                                   \
    "Drag, double-click (word), triple-click (paragraph), Shift+click or Shift+arrows: select\n"                      \
    "1-9: code the selection with a pinned code    Q: quick code    I: in-vivo code\n"                                \
    "+ / - / 0: stance of the selected coding    M: memo    Delete: remove the coding\n"                              \
    "Ctrl+Z: undo    Ctrl+Shift+Z or Ctrl+Y: redo    Ctrl+F: find    Ctrl+C: copy\n"                                  \
    "Ctrl+P: open a document by name    Tab / Shift+Tab: next / previous pane    F10 or Alt: menus    Ctrl+1-9: "     \
    "views",                                                                                                          \
    "Seret, klik ganda (kata), klik tiga kali (paragraf), Shift+klik atau Shift+panah: pilih\n"                       \
    "1-9: kodekan pilihan dengan kode yang disematkan    Q: kode cepat    I: kode in-vivo\n"                          \
    "+ / - / 0: sikap pengodean terpilih    M: memo    Delete: hapus pengodean\n"                                     \
    "Ctrl+Z: batalkan    Ctrl+Shift+Z atau Ctrl+Y: ulangi    Ctrl+F: cari    Ctrl+C: salin\n"                         \
    "Ctrl+P: buka dokumen menurut nama    Tab / Shift+Tab: panel berikut / sebelumnya    F10 atau Alt: menu    "      \
    "Ctrl+1-9: tampilan")                                                                                             \
  X(view_coding, "Coding", "Pengodean")                                                                               \
  X(view_search, "Search", "Pencarian")                                                                               \
  X(view_retrieval, "Retrieval", "Temu kembali")                                                                      \
  X(view_triangulation, "Triangulation", "Triangulasi")                                                               \
  X(view_agreement, "Agreement", "Kesepakatan")                                                                       \
  X(view_search_about, "Search: full-text search of the whole corpus with stemming, phrases and filters.",            \
    "Pencarian: pencarian teks penuh di seluruh korpus dengan pemotongan imbuhan, frasa, dan saringan.")              \
  X(view_retrieval_about, "Retrieval: every quote of a code, side by side across source types.",                      \
    "Temu kembali: semua kutipan sebuah kode, berdampingan menurut jenis sumber.")                                    \
  X(view_triangulation_about,                                                                                         \
    "Triangulation: per indicator, which source types carry evidence and whether they agree.",                        \
    "Triangulasi: per indikator, jenis sumber mana yang memuat bukti dan apakah mereka sepakat.")                     \
  X(view_agreement_about, "Agreement: intercoder agreement (percent, Cohen's kappa, Krippendorff's alpha) per code.", \
    "Kesepakatan: kesepakatan antarpengode (persen, kappa Cohen, alfa Krippendorff) per kode.")                       \
  X(not_available_yet, "Not available in this build yet.", "Belum tersedia di versi ini.")                            \
  X(theme_light, "Light theme", "Tema terang")                                                                        \
  X(theme_dark, "Dark theme", "Tema gelap")                                                                           \
  X(text_size, "Text size", "Ukuran teks")                                                                            \
  X(button_undo, "Undo", "Batalkan")                                                                                  \
  X(button_redo, "Redo", "Ulangi")                                                                                    \
  X(label_coder, "Coder", "Pengode")                                                                                  \
  X(new_coder, "New coder\xE2\x80\xA6", "Pengode baru\xE2\x80\xA6")                                                   \
  X(new_coder_prompt, "Name of the coder for this session:", "Nama pengode untuk sesi ini:")                          \
  X(status_coder, "Coding as ", "Mengodekan sebagai ")                                                                \
  X(filter_documents, "Filter documents", "Saring dokumen")                                                           \
  X(filter_codes, "Filter codes", "Saring kode")                                                                      \
  X(codebook, "Codebook", "Buku kode")                                                                                \
  X(button_new_code, "+ Code", "+ Kode")                                                                              \
  X(new_code_name, "New code", "Kode baru")                                                                           \
  X(document, "Document", "Dokumen")                                                                                  \
  X(hint_no_documents, "No documents yet. Import files from the Project menu or drop them onto the window.",          \
    "Belum ada dokumen. Impor berkas dari menu Proyek atau jatuhkan ke jendela.")                                     \
  X(hint_choose_document, "Choose a document on the left to read and code it.",                                       \
    "Pilih dokumen di sebelah kiri untuk dibaca dan dikodekan.")                                                      \
  X(hint_no_codes, "No codes yet. Add one with + Code.", "Belum ada kode. Tambahkan dengan + Kode.")                  \
  X(hint_inspector, "Select a passage and a code to code it; click a highlight or a stripe to see its coding here.",  \
    "Pilih bagian teks lalu sebuah kode untuk mengodekannya; klik sorotan atau garis untuk melihat pengodeannya.")    \
  X(hint_select_first, "Select a passage in the document first.", "Pilih dulu bagian teks di dokumen.")               \
  X(hint_click_to_code, "Click to code the selection with this code.",                                                \
    "Klik untuk mengodekan pilihan dengan kode ini.")                                                                 \
  X(hint_busy, "Wait until the running task has finished.", "Tunggu sampai tugas yang berjalan selesai.")             \
  X(hint_open_project_first, "Open or create a project first, then drop files to import them.",                       \
    "Buka atau buat proyek dulu, lalu jatuhkan berkas untuk mengimpornya.")                                           \
  X(drop_on_code, "Drop on a code to code this passage", "Jatuhkan pada kode untuk mengodekan bagian ini")            \
  X(menu_code_with, "Code with\xE2\x80\xA6", "Kodekan dengan\xE2\x80\xA6")                                            \
  X(menu_in_vivo, "In-vivo code", "Kode in-vivo")                                                                     \
  X(menu_copy, "Copy", "Salin")                                                                                       \
  X(menu_memo, "Memo\xE2\x80\xA6", "Memo\xE2\x80\xA6")                                                                \
  X(menu_remove_coding, "Remove coding", "Hapus pengodean")                                                           \
  X(menu_pin, "Pin to key", "Sematkan ke tombol")                                                                     \
  X(menu_unpin, "Unpin", "Lepas sematan")                                                                             \
  X(menu_edit_code, "Edit code", "Sunting kode")                                                                      \
  X(menu_move_top, "Move to top level", "Pindah ke tingkat teratas")                                                  \
  X(stance_supports, "supports", "mendukung")                                                                         \
  X(stance_contradicts, "contradicts", "bertentangan")                                                                \
  X(stance_neutral, "neutral", "netral")                                                                              \
  X(label_stance, "Stance", "Sikap")                                                                                  \
  X(label_memo, "Memo", "Memo")                                                                                       \
  X(label_created, "Created", "Dibuat")                                                                               \
  X(label_modified, "Changed", "Diubah")                                                                              \
  X(label_origin, "Origin", "Asal")                                                                                   \
  X(label_span, "Characters", "Karakter")                                                                             \
  X(label_name, "Name", "Nama")                                                                                       \
  X(label_colour, "Colour", "Warna")                                                                                  \
  X(label_kind, "Kind", "Jenis")                                                                                      \
  X(label_definition, "Definition", "Definisi")                                                                       \
  X(label_inclusion, "Inclusion criteria", "Kriteria inklusi")                                                        \
  X(label_exclusion, "Exclusion criteria", "Kriteria eksklusi")                                                       \
  X(label_example, "Example", "Contoh")                                                                               \
  X(label_title, "Title", "Judul")                                                                                    \
  X(label_type, "Source type", "Jenis sumber")                                                                        \
  X(label_language, "Language", "Bahasa")                                                                             \
  X(label_date, "Date", "Tanggal")                                                                                    \
  X(label_author, "Author", "Penulis")                                                                                \
  X(label_file, "File", "Berkas")                                                                                     \
  X(kind_variable, "variable", "variabel")                                                                            \
  X(kind_indicator, "indicator", "indikator")                                                                         \
  X(kind_code, "code", "kode")                                                                                        \
  X(coding_number, "Coding #%lld", "Pengodean #%lld")                                                                 \
  X(code_counts, "%lld codings, %lld with sub-codes", "%lld pengodean, %lld dengan subkode")                          \
  X(doc_counts, "%d codings \xC2\xB7 %lld characters", "%d pengodean \xC2\xB7 %lld karakter")                         \
  X(key, "key", "tombol")                                                                                             \
  X(button_go_to, "Go to", "Ke sana")                                                                                 \
  X(button_save, "Save", "Simpan")                                                                                    \
  X(button_save_code, "Save code", "Simpan kode")                                                                     \
  X(button_revert, "Revert", "Kembalikan")                                                                            \
  X(button_delete_code, "Delete code\xE2\x80\xA6", "Hapus kode\xE2\x80\xA6")                                          \
  X(button_delete, "Delete", "Hapus")                                                                                 \
  X(confirm_delete_code,                                                                                              \
    "Delete \xE2\x80\x9C%s\xE2\x80\x9D with its sub-codes and %lld codings? Undo brings them back.",                  \
    "Hapus \xE2\x80\x9C%s\xE2\x80\x9D beserta subkode dan %lld pengodeannya? Batalkan akan mengembalikannya.")        \
  X(ok, "OK", "OK")                                                                                                   \
  X(cancel, "Cancel", "Batal")                                                                                        \
  X(quick_code_title, "Code the selection with\xE2\x80\xA6", "Kodekan pilihan dengan\xE2\x80\xA6")                    \
  X(quick_code_hint, "type to find a code, Enter to code", "ketik untuk mencari kode, Enter untuk mengodekan")        \
  X(quick_code_none, "No code matches.", "Tidak ada kode yang cocok.")                                                \
  X(find_hint, "Find in document (Enter: next, Shift+Enter: previous)",                                               \
    "Cari di dokumen (Enter: berikutnya, Shift+Enter: sebelumnya)")                                                   \
  X(find_next, "Next match", "Temuan berikutnya")                                                                     \
  X(find_previous, "Previous match", "Temuan sebelumnya")                                                             \
  X(find_none, "no match", "tidak ditemukan")                                                                         \
  X(find_count, "%d of %d", "%d dari %d")                                                                             \
  X(page_marker, "p. %d", "hlm. %d")                                                                                  \
  X(import_title, "Import", "Impor")                                                                                  \
  X(import_files_count, "Import %d files or folders:", "Impor %d berkas atau folder:")                                \
  X(import_language_hint, "empty: detect", "kosong: deteksi")                                                         \
  X(import_family_factiva, "Factiva export: one document per article", "Ekspor Factiva: satu dokumen per artikel")    \
  X(import_family_nexis, "Nexis / LexisNexis export: one document per article",                                       \
    "Ekspor Nexis / LexisNexis: satu dokumen per artikel")                                                            \
  X(import_family_feed, "RSS / Atom feed: one document per item", "Umpan RSS / Atom: satu dokumen per item")          \
  X(import_family_table, "Table: one document per row; choose the columns",                                           \
    "Tabel: satu dokumen per baris; pilih kolomnya")                                                                  \
  X(import_first_articles, "First articles:", "Artikel pertama:")                                                     \
  X(import_col_none, "(none)", "(tidak ada)")                                                                         \
  X(import_meta_title, "Title", "Judul")                                                                              \
  X(import_meta_date, "Date", "Tanggal")                                                                              \
  X(import_meta_lang, "Language", "Bahasa")                                                                           \
  X(import_meta_type, "Type", "Jenis")                                                                                \
  X(import_no_date, "no date", "tanpa tanggal")                                                                       \
  X(import_report, "Files not imported", "Berkas yang tidak diimpor")                                                 \
  X(task_import, "Importing", "Mengimpor")                                                                            \
  X(task_sample, "Building the sample project", "Membangun proyek contoh")                                            \
  X(task_backup, "Backing up", "Mencadangkan")                                                                        \
  X(task_loading, "Reading the project", "Membaca proyek")                                                            \
  X(computing_table, "Computing the table\xE2\x80\xA6", "Menghitung tabel\xE2\x80\xA6")                               \
  X(fb_open_title, "Open project", "Buka proyek")                                                                     \
  X(fb_new_title, "New project", "Proyek baru")                                                                       \
  X(fb_import_title, "Import files", "Impor berkas")                                                                  \
  X(fb_up, "Parent folder", "Folder induk")                                                                           \
  X(fb_home, "Home", "Beranda")                                                                                       \
  X(fb_name, "File name", "Nama berkas")                                                                              \
  X(fb_open, "Open", "Buka")                                                                                          \
  X(fb_create, "Create", "Buat")                                                                                      \
  X(fb_import, "Import", "Impor")                                                                                     \
  X(fb_show_hidden, "Hidden files", "Berkas tersembunyi")                                                             \
  X(fb_cannot_list, "Cannot list the folder", "Tidak dapat membaca folder")                                           \
  X(status_opened, "Opened ", "Dibuka: ")                                                                             \
  X(status_closed, "Closed ", "Ditutup: ")                                                                            \
  X(status_saved, "Saved.", "Tersimpan.")                                                                             \
  X(status_saved_rev, "All changes saved \xC2\xB7 revision %lld", "Semua perubahan tersimpan \xC2\xB7 revisi %lld")   \
  X(status_draft_unsaved, "Memo not saved yet (saved when you leave the box) \xC2\xB7 revision %lld",                 \
    "Memo belum tersimpan (tersimpan saat kotak ditinggalkan) \xC2\xB7 revisi %lld")                                  \
  X(panes_documents, "Documents", "Dokumen")                                                                          \
  X(panes_codes, "Codes", "Kode")                                                                                     \
  X(status_coded, "Saved: coded ", "Tersimpan: dikodekan ")                                                           \
  X(status_in_vivo, "Saved: new in-vivo code ", "Tersimpan: kode in-vivo baru ")                                      \
  X(status_removed, "Saved: coding removed.", "Tersimpan: pengodean dihapus.")                                        \
  X(status_stance, "Saved: stance ", "Tersimpan: sikap ")                                                             \
  X(status_memo, "Saved: memo.", "Tersimpan: memo.")                                                                  \
  X(status_moved, "Saved: code moved.", "Tersimpan: kode dipindahkan.")                                               \
  X(status_code_added, "Saved: new code ", "Tersimpan: kode baru ")                                                   \
  X(status_code_saved, "Saved: code ", "Tersimpan: kode ")                                                            \
  X(status_code_deleted, "Saved: deleted code ", "Tersimpan: kode dihapus ")                                          \
  X(status_undo_hint, "  (Ctrl+Z undoes)", "  (Ctrl+Z membatalkan)")                                                  \
  X(status_undone, "Undone: ", "Dibatalkan: ")                                                                        \
  X(status_redone, "Redone: ", "Diulangi: ")                                                                          \
  X(status_importing, "Importing in the background\xE2\x80\xA6", "Mengimpor di latar belakang\xE2\x80\xA6")           \
  X(status_imported, "Saved: imported %d documents, skipped %d.", "Tersimpan: %d dokumen diimpor, %d dilewati.")      \
  X(status_backup_failed, "Backup failed (your work is saved; retrying in a minute): ",                               \
    "Cadangan gagal (pekerjaan Anda tersimpan; dicoba lagi dalam semenit): ")                                         \
  X(status_busy_wait, "Wait until the task in the status line has finished, then try again.",                         \
    "Tunggu sampai tugas di baris status selesai, lalu coba lagi.")                                                   \
  X(status_building_sample, "Building the sample project\xE2\x80\xA6", "Membangun proyek contoh\xE2\x80\xA6")         \
  X(nothing_changed, " Nothing was changed.", " Tidak ada yang diubah.")                                              \
  X(error_title, "Telaah", "Telaah")                                                                                  \
  X(error_nothing_lost, "Nothing was lost: the last saved state is intact.",                                          \
    "Tidak ada yang hilang: keadaan tersimpan terakhir tetap utuh.")                                                  \
  X(error_open, "Cannot open ", "Tidak dapat membuka ")                                                               \
  X(error_exists, "A file with this name exists already: ", "Berkas dengan nama ini sudah ada: ")                     \
  X(error_database, "Database error: ", "Galat basis data: ")                                                         \
  X(error_internal, "Internal error (please report it): ", "Galat internal (mohon laporkan): ")                       \
  X(error_no_corpus, "The sample corpus (corpus/) was not found next to this program.",                               \
    "Korpus contoh (corpus/) tidak ditemukan di samping program ini.")                                                \
  X(type_interview, "Interviews", "Wawancara")                                                                        \
  X(type_news, "News", "Berita")                                                                                      \
  X(type_official, "Official documents", "Dokumen resmi")                                                             \
  TELAAH_UI_STRINGS_SEARCH(X)                                                                                         \
  TELAAH_UI_STRINGS_RETRIEVAL(X)                                                                                      \
  TELAAH_UI_STRINGS_TRIANGULATION(X)                                                                                  \
  TELAAH_UI_STRINGS_AGREEMENT(X)                                                                                      \
  TELAAH_UI_STRINGS_START(X)                                                                                          \
  TELAAH_UI_STRINGS_METHOD(X)                                                                                         \
  TELAAH_UI_STRINGS_DUPLICATES(X)                                                                                     \
  TELAAH_UI_STRINGS_SUMMARIES(X)                                                                                      \
  TELAAH_UI_STRINGS_CASES(X)                                                                                          \
  TELAAH_UI_STRINGS_LINKS(X)                                                                                          \
  TELAAH_UI_STRINGS_DOCUMENTS(X)                                                                                      \
  TELAAH_UI_STRINGS_SUGGEST(X)                                                                                        \
  TELAAH_UI_STRINGS_FILES(X)

enum class S : int {
#define TELAAH_UI_STRING_KEY(key, en, id) key,
  TELAAH_UI_STRINGS(TELAAH_UI_STRING_KEY)
#undef TELAAH_UI_STRING_KEY
      COUNT
};

enum class Lang { en, id };

const char* tr(S s);
const char* tr(S s, Lang l);
void set_language(Lang l);
Lang language();
const char* stance_label(store::Stance s);
std::string source_type_label(const std::string& name);  // the default types translated, others as they are
std::string lower_ascii(std::string s);  // for the filter boxes: ASCII case folded, other characters kept
// "1 document", "3 documents": the count put into `one` (n == 1) or `many`,
// each a string with one %lld conversion.
std::string count_text(long long n, S one, S many);

}  // namespace telaah::ui
