// The strings of the search view (see strings.h): X(key, English, Indonesian).
// Keys start with sea_ so that they never collide with another view's.
#pragma once

#define TELAAH_UI_STRINGS_SEARCH(X)                                                                                   \
  X(sea_title, "Search", "Pencarian")                                                                                 \
  X(sea_query_hint, "Search the corpus: words, \"phrases\", OR, NOT, type:news, year:2013..2015",                     \
    "Cari di korpus: kata, \"frasa\", OR, NOT, type:news, year:2013..2015")                                           \
  X(sea_query_tip, "Ctrl+Shift+F from anywhere. Enter searches at once; Up and Down bring back earlier searches.",    \
    "Ctrl+Shift+F dari mana saja. Enter langsung mencari; panah atas dan bawah memunculkan pencarian sebelumnya.")    \
  X(sea_search_button, "Search", "Cari")                                                                              \
  X(sea_syntax_button, "Syntax", "Sintaks")                                                                           \
  X(sea_exact_words, "Exact words", "Kata persis")                                                                    \
  X(sea_exact_words_tip, "Find the words and \"phrases\" exactly as typed, not their other forms (same as =word).",   \
    "Cari kata dan \"frasa\" persis seperti diketik, bukan bentuk lainnya (sama dengan =kata).")                      \
  X(sea_syntax_title, "How to write a query", "Cara menulis kueri")                                                   \
  X(sea_syntax_body,                                                                                                  \
    "kerjasama Seoul\tall words, in one passage (stemmed: also bekerjasama)\n"                                        \
    "\"kerja sama\"\ta phrase (stemmed: also bekerja sama)\n"                                                         \
    "=\"learned that\"  =bekerja\texact words only, not their other forms\n"                                          \
    "ekspor OR impor\teither word; also AND, NOT x or -x, ( ... )\n"                                                  \
    "pelatihan NEAR/5 Seoul\twords within 5 positions, any order (NEAR = NEAR/10)\n"                                  \
    "eksport*\twords starting with eksport\n"                                                                         \
    "type:news\tsource type (type:interview, type:official ...)\n"                                                    \
    "lang:id\tlanguage (lang:en)\n"                                                                                   \
    "year:2013..2015\tyears; also year:2014, date:2013-05..2014\n"                                                    \
    "outlet:\"warta niaga\"\toutlet or author; also speaker:, title:\n"                                               \
    "code:\"Legal infrastructure\"\tpassages coded with a code (and its sub-codes)\n"                                 \
    "Operators are upper case. Repeating a filter ORs it (type:news type:official).",                                 \
    "kerjasama Seoul\tsemua kata, dalam satu bagian (dengan kata dasar: juga bekerjasama)\n"                          \
    "\"kerja sama\"\tsebuah frasa (dengan kata dasar: juga bekerja sama)\n"                                           \
    "=\"learned that\"  =bekerja\thanya kata persis itu, bukan bentuk lainnya\n"                                      \
    "ekspor OR impor\tsalah satu kata; juga AND, NOT x atau -x, ( ... )\n"                                            \
    "pelatihan NEAR/5 Seoul\tkata berjarak paling jauh 5 posisi, urutan bebas (NEAR = NEAR/10)\n"                     \
    "eksport*\tkata yang berawalan eksport\n"                                                                         \
    "type:news\tjenis sumber (type:interview, type:official ...)\n"                                                   \
    "lang:id\tbahasa (lang:en)\n"                                                                                     \
    "year:2013..2015\trentang tahun; juga year:2014, date:2013-05..2014\n"                                            \
    "outlet:\"warta niaga\"\tmedia atau penulis; juga speaker:, title:\n"                                             \
    "code:\"Legal infrastructure\"\tbagian yang diberi kode (beserta subkodenya)\n"                                   \
    "Operator ditulis kapital. Saringan yang diulang digabung dengan OR (type:news type:official).")                  \
  X(sea_history_button, "History", "Riwayat")                                                                         \
  X(sea_history_empty, "No searches yet in this session.", "Belum ada pencarian di sesi ini.")                        \
  X(sea_sort_relevance, "Relevance", "Relevansi")                                                                     \
  X(sea_sort_newest, "Newest first", "Terbaru dulu")                                                                  \
  X(sea_sort_oldest, "Oldest first", "Terlama dulu")                                                                  \
  X(sea_total, "%lld documents", "%lld dokumen")                                                                      \
  X(sea_total_about, "about %lld documents", "sekitar %lld dokumen")                                                  \
  X(sea_elapsed, "%.0f ms", "%.0f md")                                                                                \
  X(sea_searching, "Searching\xE2\x80\xA6", "Mencari\xE2\x80\xA6")                                                    \
  X(sea_filters, "Filters", "Saringan")                                                                               \
  X(sea_filters_hint, "Click a value to filter by it; click again to remove the filter.",                             \
    "Klik sebuah nilai untuk menyaring; klik lagi untuk menghapus saringan.")                                         \
  X(sea_facet_type, "Source type", "Jenis sumber")                                                                    \
  X(sea_facet_year, "Year", "Tahun")                                                                                  \
  X(sea_facet_lang, "Language", "Bahasa")                                                                             \
  X(sea_facet_outlet, "Outlet or author", "Media atau penulis")                                                       \
  X(sea_facet_code, "Code", "Kode")                                                                                   \
  X(sea_lang_id, "Indonesian", "Indonesia")                                                                           \
  X(sea_lang_en, "English", "Inggris")                                                                                \
  X(sea_no_results, "No document matches this query.", "Tidak ada dokumen yang cocok dengan kueri ini.")              \
  X(sea_empty_hint, "Type a query above and press Enter. Click a result to open the document at that place.",         \
    "Ketik kueri di atas lalu tekan Enter. Klik sebuah hasil untuk membuka dokumen di tempat itu.")                   \
  X(sea_did_you_mean, "Did you mean:", "Maksud Anda:")                                                                \
  X(sea_passages, "%d passages", "%d bagian")                                                                         \
  X(sea_loading_row, "\xE2\x80\xA6", "\xE2\x80\xA6")                                                                  \
  X(sea_task_index, "Search index", "Indeks pencarian")                                                               \
  X(sea_index_checking, "Checking the search index\xE2\x80\xA6", "Memeriksa indeks pencarian\xE2\x80\xA6")            \
  X(sea_index_progress, "Updating the search index: %lld of %lld documents",                                          \
    "Memperbarui indeks pencarian: %lld dari %lld dokumen")                                                           \
  X(sea_index_finishing, "Finishing the search index\xE2\x80\xA6", "Menyelesaikan indeks pencarian\xE2\x80\xA6")      \
  X(sea_index_ready, "Index up to date (revision %lld)", "Indeks mutakhir (revisi %lld)")                             \
  X(sea_index_failed, "The search index could not be updated: ", "Indeks pencarian tidak dapat diperbarui: ")         \
  X(sea_index_not_ready, "The search index is being built; results appear when it is ready.",                         \
    "Indeks pencarian sedang dibangun; hasil muncul setelah siap.")                                                   \
  X(sea_index_rebuilt, "Search index rebuilt: %lld documents.", "Indeks pencarian dibangun ulang: %lld dokumen.")     \
  X(sea_query_error, "This query cannot be searched: ", "Kueri ini tidak dapat dicari: ")                             \
  X(sea_code_hits, "Code hits\xE2\x80\xA6", "Kodekan hasil\xE2\x80\xA6")                                              \
  X(sea_code_hits_tip, "Review the passages this query finds and code the ones you accept, in one undoable step.",    \
    "Tinjau bagian yang ditemukan kueri ini dan kodekan yang Anda terima, dalam satu langkah yang dapat dibatalkan.") \
  X(sea_review_title, "Code search hits", "Kodekan hasil pencarian")                                                  \
  X(sea_review_query, "Query:", "Kueri:")                                                                             \
  X(sea_scope, "Code", "Kodekan")                                                                                     \
  X(sea_scope_hit, "the matched words", "kata yang cocok")                                                            \
  X(sea_scope_sentence, "their sentences", "kalimatnya")                                                              \
  X(sea_scope_paragraph, "their paragraphs", "paragrafnya")                                                           \
  X(sea_scope_document, "whole documents", "seluruh dokumen")                                                         \
  X(sea_review_code, "with code", "dengan kode")                                                                      \
  X(sea_choose_code, "Choose a code\xE2\x80\xA6", "Pilih kode\xE2\x80\xA6")                                           \
  X(sea_review_stance, "stance", "sikap")                                                                             \
  X(sea_select_all, "Accept all", "Terima semua")                                                                     \
  X(sea_select_none, "Reject all", "Tolak semua")                                                                     \
  X(sea_review_count, "%d of %d passages accepted", "%d dari %d bagian diterima")                                     \
  X(sea_already_coded, "already coded", "sudah dikodekan")                                                            \
  X(sea_planning, "Finding the passages\xE2\x80\xA6", "Mencari bagian\xE2\x80\xA6")                                   \
  X(sea_plan_empty, "The query matches no passage.", "Kueri ini tidak cocok dengan bagian mana pun.")                 \
  X(sea_apply, "Code %d passages", "Kodekan %d bagian")                                                               \
  X(sea_need_query, "Type a query first.", "Ketik kueri dulu.")                                                       \
  X(sea_need_code, "Choose a code first.", "Pilih kode dulu.")                                                        \
  X(sea_status_coded, "Saved: coded %d passages as %s in one step.",                                                  \
    "Tersimpan: %d bagian dikodekan sebagai %s dalam satu langkah.")                                                  \
  X(sea_status_none_coded, "Nothing was coded: every accepted passage already carries this code.",                    \
    "Tidak ada yang dikodekan: setiap bagian yang diterima sudah memiliki kode ini.")                                 \
  X(sea_total_one, "%lld document", "%lld dokumen")                                                                   \
  X(sea_total_about_one, "about %lld document", "sekitar %lld dokumen")                                               \
  X(sea_passages_one, "%d passage", "%d bagian")                                                                      \
  X(sea_index_progress_one, "Updating the search index: %lld of %lld document",                                       \
    "Memperbarui indeks pencarian: %lld dari %lld dokumen")                                                           \
  X(sea_review_count_one, "%d of %d passage accepted", "%d dari %d bagian diterima")                                  \
  X(sea_apply_one, "Code %d passage", "Kodekan %d bagian")                                                            \
  X(sea_status_coded_one, "Saved: coded %d passage as %s in one step.",                                               \
    "Tersimpan: %d bagian dikodekan sebagai %s dalam satu langkah.")
