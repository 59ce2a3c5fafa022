// The strings of the retrieval view (see strings.h): X(key, English, Indonesian).
// Keys start with ret_ so that they never collide with another view's.
#pragma once

#define TELAAH_UI_STRINGS_RETRIEVAL(X)                                                                                \
  X(ret_title, "Retrieval", "Temu kembali")                                                                           \
  X(ret_codes, "Codes (A)", "Kode (A)")                                                                               \
  X(ret_codes_hint, "Tick the codes to retrieve. None ticked: every coding.",                                         \
    "Centang kode yang ingin ditemukan kembali. Tanpa centang: semua pengodean.")                                     \
  X(ret_subcodes, "Include sub-codes", "Sertakan subkode")                                                            \
  X(ret_clear_codes, "Clear", "Kosongkan")                                                                            \
  X(ret_query, "Code query", "Kueri kode")                                                                            \
  X(ret_op_only_a, "A only", "Hanya A")                                                                               \
  X(ret_op_and_overlap, "A AND B (overlapping)", "A DAN B (bertumpang)")                                              \
  X(ret_op_and_paragraph, "A AND B (same paragraph)", "A DAN B (paragraf sama)")                                      \
  X(ret_op_or, "A OR B", "A ATAU B")                                                                                  \
  X(ret_op_not, "A NOT B (no overlapping B)", "A TANPA B (tanpa B yang bertumpang)")                                  \
  X(ret_code_b, "Code B", "Kode B")                                                                                   \
  X(ret_pick_b, "(choose code B)", "(pilih kode B)")                                                                  \
  X(ret_filters, "Filters", "Saringan")                                                                               \
  X(ret_source_type, "Source type", "Jenis sumber")                                                                   \
  X(ret_stance, "Stance", "Sikap")                                                                                    \
  X(ret_coder, "Coder", "Pengode")                                                                                    \
  X(ret_attribute, "Document attribute", "Atribut dokumen")                                                           \
  X(ret_attr_name, "attribute", "atribut")                                                                            \
  X(ret_attr_value, "value", "nilai")                                                                                 \
  X(ret_add, "Add", "Tambah")                                                                                         \
  X(ret_remove, "Remove", "Hapus")                                                                                    \
  X(ret_date, "Document date", "Tanggal dokumen")                                                                     \
  X(ret_date_from, "from", "dari")                                                                                    \
  X(ret_date_to, "to", "sampai")                                                                                      \
  X(ret_date_hint, "YYYY, YYYY-MM or YYYY-MM-DD", "TTTT, TTTT-BB, atau TTTT-BB-HH")                                   \
  X(ret_reset_filters, "Reset filters", "Atur ulang saringan")                                                        \
  X(ret_tab_list, "Codings", "Pengodean")                                                                             \
  X(ret_tab_matrices, "Matrices", "Matriks")                                                                          \
  X(ret_count, "%s in %s", "%s dalam %s")                                                                             \
  X(ret_none, "No coding matches the codes and filters.", "Tidak ada pengodean yang cocok dengan kode dan saringan.") \
  X(ret_col_quote, "Quote in context", "Kutipan dalam konteks")                                                       \
  X(ret_col_document, "Document", "Dokumen")                                                                          \
  X(ret_col_where, "Where", "Letak")                                                                                  \
  X(ret_col_stance, "Stance", "Sikap")                                                                                \
  X(ret_col_code, "Code", "Kode")                                                                                     \
  X(ret_col_memo, "Memo", "Memo")                                                                                     \
  X(ret_page, "p. %d", "hlm. %d")                                                                                     \
  X(ret_paragraph, "\xC2\xB6 %d", "\xC2\xB6 %d")                                                                      \
  X(ret_open_hint, "Click a row to open the document at the coding.",                                                 \
    "Klik sebuah baris untuk membuka dokumen pada pengodean itu.")                                                    \
  X(ret_cell_source, "Codings of the matrix cell %s \xC3\x97 %s", "Pengodean sel matriks %s \xC3\x97 %s")             \
  X(ret_back_to_query, "Back to the query", "Kembali ke kueri")                                                       \
  X(ret_export, "Export", "Ekspor")                                                                                   \
  X(ret_export_path, "file", "berkas")                                                                                \
  X(ret_export_done, "Exported %lld codings to %s", "%lld pengodean diekspor ke %s")                                  \
  X(ret_export_empty, "Nothing to export: the list is empty.", "Tidak ada yang diekspor: daftar kosong.")             \
  X(ret_export_no_path, "Give the file to export to.", "Isikan berkas tujuan ekspor.")                                \
  X(ret_export_failed, "Export failed: ", "Ekspor gagal: ")                                                           \
  X(ret_matrix_cooc, "Code \xC3\x97 code (overlapping codings)", "Kode \xC3\x97 kode (pengodean bertumpang)")         \
  X(ret_matrix_attr, "Code \xC3\x97 document attribute", "Kode \xC3\x97 atribut dokumen")                             \
  X(ret_matrix_by, "Columns", "Kolom")                                                                                \
  X(ret_matrix_rows_hint,                                                                                             \
    "Rows: the ticked codes (none ticked: every indicator). The filters apply. Click a cell for its codings.",        \
    "Baris: kode yang dicentang (tanpa centang: semua indikator). Saringan berlaku. Klik sel untuk melihat "          \
    "pengodeannya.")                                                                                                  \
  X(ret_matrix_no_codes, "The codebook has no indicator: tick codes on the left.",                                    \
    "Buku kode tidak memiliki indikator: centang kode di sebelah kiri.")                                              \
  X(ret_matrix_cell_tip, "%s, %s in %s", "%s, %s dalam %s")                                                           \
  X(ret_matrix_attr_tip, "%s in %s", "%s dalam %s")                                                                   \
  X(ret_no_value, "(no value)", "(tanpa nilai)")                                                                      \
  X(ret_case, "Case", "Kasus")                                                                                        \
  X(ret_case_hint,                                                                                                    \
    "Only the codings of the ticked cases: their document is in the case, or half the coding lies in a part of it "   \
    "assigned to the case. For source type within a case, tick the case and choose Columns: Source type.",            \
    "Hanya pengodean dari kasus yang dicentang: dokumennya ada dalam kasus, atau separuh pengodean berada di bagian " \
    "dokumen yang ditetapkan ke kasus. Untuk jenis sumber dalam satu kasus, centang kasusnya dan pilih Kolom: Jenis " \
    "sumber.")                                                                                                        \
  X(ret_no_case, "(no case)", "(tanpa kasus)")                                                                        \
  X(ret_error, "Cannot retrieve: ", "Tidak dapat menemukan kembali: ")                                                \
  X(ret_n_codings, "%lld codings", "%lld pengodean")                                                                  \
  X(ret_n_codings_one, "%lld coding", "%lld pengodean")                                                               \
  X(ret_n_documents, "%lld documents", "%lld dokumen")                                                                \
  X(ret_n_documents_one, "%lld document", "%lld dokumen")                                                             \
  X(ret_n_pairs, "%lld overlapping pairs", "%lld pasangan bertumpang")                                                \
  X(ret_n_pairs_one, "%lld overlapping pair", "%lld pasangan bertumpang")                                             \
  X(ret_export_done_one, "Exported %lld coding to %s", "%lld pengodean diekspor ke %s")
