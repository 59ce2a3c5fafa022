// The strings of the agreement view and of the coder features of the coding
// view (see strings.h): X(key, English, Indonesian).
// Keys start with agr_ so that they never collide with another view's.
#pragma once

#define TELAAH_UI_STRINGS_AGREEMENT(X)                                                                                 \
  X(agr_title, "Agreement", "Kesepakatan")                                                                             \
  X(agr_coders, "Coders", "Pengode")                                                                                   \
  X(agr_coder_a, "Coder A", "Pengode A")                                                                               \
  X(agr_coder_b, "Coder B", "Pengode B")                                                                               \
  X(agr_documents, "Documents", "Dokumen")                                                                             \
  X(agr_docs_all, "Every document both coded", "Dokumen yang dikodekan keduanya")                                      \
  X(agr_docs_type, "By source type", "Menurut jenis sumber")                                                           \
  X(agr_docs_picked, "Picked documents", "Dokumen pilihan")                                                            \
  X(agr_docs_picked_hint,                                                                                              \
    "Picked documents count as read by both coders: silence there means \xE2\x80\x9C"                                  \
    "absent\xE2\x80\x9D.",                                                                                             \
    "Dokumen pilihan dianggap dibaca kedua pengode: tanpa kode berarti \xE2\x80\x9Ctidak ada\xE2\x80\x9D.")            \
  X(agr_codes, "Codes", "Kode")                                                                                        \
  X(agr_codes_indicators, "Indicators (sub-codes roll up)", "Indikator (subkode digabung ke atas)")                    \
  X(agr_codes_used, "Every code the coders used", "Semua kode yang dipakai pengode")                                   \
  X(agr_codes_picked, "Picked codes", "Kode pilihan")                                                                  \
  X(agr_rollup, "Sub-codes count for their chosen parent", "Subkode dihitung untuk induk pilihannya")                  \
  X(agr_unit, "Unit", "Satuan")                                                                                        \
  X(agr_unit_char, "Characters", "Karakter")                                                                           \
  X(agr_unit_segment, "Segments", "Segmen")                                                                            \
  X(agr_threshold, "Overlap threshold", "Ambang tumpang tindih")                                                       \
  X(agr_overlap_union, "over the union", "terhadap gabungan")                                                          \
  X(agr_overlap_shorter, "over the shorter segment", "terhadap segmen terpendek")                                      \
  X(agr_exclude_uncoded, "Leave out text nobody coded", "Abaikan teks tanpa kode")                                     \
  X(agr_exclude_uncoded_tip,                                                                                           \
    "Counted, uncoded text is agreement on \xE2\x80\x9C"                                                               \
    "absent\xE2\x80\x9D and raises percent agreement.",                                                                \
    "Bila dihitung, teks tanpa kode menjadi kesepakatan \xE2\x80\x9Ctidak ada\xE2\x80\x9D dan menaikkan persentase "   \
    "kesepakatan.")                                                                                                    \
  X(agr_need_two_coders,                                                                                               \
    "Agreement compares two coders' codings of the same documents; this project has fewer than two coders.",           \
    "Kesepakatan membandingkan pengodean dua pengode pada dokumen yang sama; proyek ini memiliki kurang dari dua "     \
    "pengode.")                                                                                                        \
  X(agr_choose_two, "Choose two different coders.", "Pilih dua pengode yang berbeda.")                                 \
  X(agr_nothing_chosen, "Choose at least one document and one code.", "Pilih sedikitnya satu dokumen dan satu kode.")  \
  X(agr_computing, "Computing agreement\xE2\x80\xA6", "Menghitung kesepakatan\xE2\x80\xA6")                            \
  X(agr_no_documents, "No document in this selection was coded by both coders.",                                       \
    "Tidak ada dokumen dalam pilihan ini yang dikodekan kedua pengode.")                                               \
  X(agr_summary, "%s \xC3\x97 %s \xC2\xB7 %d documents", "%s \xC3\x97 %s \xC2\xB7 %d dokumen")                         \
  X(agr_col_code, "Code", "Kode")                                                                                      \
  X(agr_col_units, "Units", "Satuan")                                                                                  \
  X(agr_col_percent, "Agreement", "Kesepakatan")                                                                       \
  X(agr_col_kappa, "Cohen's \xCE\xBA", "\xCE\xBA Cohen")                                                               \
  X(agr_col_alpha, "Krippendorff's \xCE\xB1", "\xCE\xB1 Krippendorff")                                                 \
  X(agr_overall, "Overall (pooled)", "Keseluruhan (gabungan)")                                                         \
  X(agr_method, "Method", "Metode")                                                                                    \
  X(agr_na, "n/a", "t/a")                                                                                              \
  X(agr_review, "Disagreements", "Ketidaksepakatan")                                                                   \
  X(agr_review_count, "%d passages where the coders differ", "%d bagian tempat para pengode berbeda")                  \
  X(agr_review_none, "The two coders agree on every passage of this selection.",                                       \
    "Kedua pengode sepakat pada setiap bagian dalam pilihan ini.")                                                     \
  X(agr_include_kept, "Also passages kept as they are", "Juga bagian yang dibiarkan apa adanya")                       \
  X(agr_col_passage, "Passage", "Bagian")                                                                              \
  X(agr_only, "only %s coded it", "hanya %s yang mengodekan")                                                          \
  X(agr_kind_boundaries, "different boundaries", "batas berbeda")                                                      \
  X(agr_kind_boundaries_stance, "different boundaries and stance", "batas dan sikap berbeda")                          \
  X(agr_kind_stance, "different stance", "sikap berbeda")                                                              \
  X(agr_kept, "kept", "dibiarkan")                                                                                     \
  X(agr_not_coded, "(not coded)", "(tidak dikodekan)")                                                                 \
  X(agr_accept, "Accept %s", "Terima %s")                                                                              \
  X(agr_keep_both, "Keep both", "Biarkan keduanya")                                                                    \
  X(agr_edit, "Edit\xE2\x80\xA6", "Sunting\xE2\x80\xA6")                                                               \
  X(agr_open_hint, "Click to open the passage in the coding view",                                                     \
    "Klik untuk membuka bagian ini di tampilan pengodean")                                                             \
  X(agr_edit_title, "Agreed version", "Versi yang disepakati")                                                         \
  X(agr_edit_explain, "Both coders end with one coding of this span, code and stance.",                                \
    "Kedua pengode berakhir dengan satu pengodean untuk rentang, kode, dan sikap ini.")                                \
  X(agr_start, "Start", "Awal")                                                                                        \
  X(agr_end, "End", "Akhir")                                                                                           \
  X(agr_apply, "Apply", "Terapkan")                                                                                    \
  X(agr_bad_span, "The span must lie inside the document and not be empty.",                                           \
    "Rentang harus berada di dalam dokumen dan tidak kosong.")                                                         \
  X(agr_status_accepted, "Saved: accepted %s's coding.", "Tersimpan: pengodean %s diterima.")                          \
  X(agr_status_kept, "Saved: kept both codings.", "Tersimpan: kedua pengodean dibiarkan.")                             \
  X(agr_status_agreed, "Saved: the agreed version.", "Tersimpan: versi yang disepakati.")                              \
  X(agr_blind_mode, "Blind mode", "Mode buta")                                                                         \
  X(agr_blind_tip, "Hide other coders' codings while you code (remembered for this project).",                         \
    "Sembunyikan pengodean pengode lain selama Anda mengodekan (diingat untuk proyek ini).")                           \
  X(agr_blind_on, "BLIND", "BUTA")                                                                                     \
  X(agr_blind_on_tip, "Blind mode is on: only your own codings are shown (View menu).",                                \
    "Mode buta aktif: hanya pengodean Anda sendiri yang ditampilkan (menu Tampilan).")                                 \
  X(agr_show_codings, "Show codings of", "Tampilkan pengodean")                                                        \
  X(agr_show_all, "all coders", "semua pengode")                                                                       \
  X(agr_show_me, "only me", "hanya saya")                                                                              \
  X(agr_show_compare, "compare two coders", "bandingkan dua pengode")                                                  \
  X(agr_show_hidden, "%d codings of other coders hidden", "%d pengodean pengode lain disembunyikan")                   \
  X(agr_show_hidden_one, "%d coding of another coder hidden", "%d pengodean pengode lain disembunyikan")               \
  X(agr_menu_merge, "Merge codings from\xE2\x80\xA6", "Gabungkan pengodean dari\xE2\x80\xA6")                          \
  X(agr_merge_title, "Merge codings", "Gabungkan pengodean")                                                           \
  X(agr_merge_pick, "Merge codings from (.telaah or .qdpx)", "Gabungkan pengodean dari (.telaah atau .qdpx)")          \
  X(agr_merge_button, "Merge", "Gabungkan")                                                                            \
  X(agr_merge_reading, "Reading the other project", "Membaca proyek lain")                                             \
  X(agr_merge_plan, "%lld of %s can be merged: %s matched, %lld already here, %lld not merged.",                       \
    "%lld dari %s dapat digabungkan: %s cocok, %lld sudah ada, %lld tidak digabungkan.")                               \
  X(agr_merge_same, "A copy of this project: codes are matched by id, then by path.",                                  \
    "Salinan proyek ini: kode dicocokkan menurut id, lalu menurut jalur.")                                             \
  X(agr_merge_other, "A different project: codes are matched by path.", "Proyek lain: kode dicocokkan menurut jalur.") \
  X(agr_merge_create_codes, "Create the codes missing here", "Buat kode yang belum ada di sini")                       \
  X(agr_merge_conflicts, "Conflicts (not merged)", "Konflik (tidak digabungkan)")                                      \
  X(agr_merge_new_coders, "New coders:", "Pengode baru:")                                                              \
  X(agr_merge_new_codes, "New codes:", "Kode baru:")                                                                   \
  X(agr_merge_nothing, "Nothing to merge.", "Tidak ada yang perlu digabungkan.")                                       \
  X(agr_merge_not_project, "Choose a Telaah project (.telaah) or a REFI-QDA project (.qdpx).",                         \
    "Pilih proyek Telaah (.telaah) atau proyek REFI-QDA (.qdpx).")                                                     \
  X(agr_merge_done, "Saved: merged %lld codings.", "Tersimpan: %lld pengodean digabungkan.")                           \
  X(agr_summary_one, "%s \xC3\x97 %s \xC2\xB7 %d document", "%s \xC3\x97 %s \xC2\xB7 %d dokumen")                      \
  X(agr_review_count_one, "%d passage where the coders differ", "%d bagian tempat para pengode berbeda")               \
  X(agr_method_show, "How these numbers were computed", "Cara angka-angka ini dihitung")                               \
  X(agr_blind_notice,                                                                                                  \
    "Blind mode is on: the comparison of the two coders' codings is hidden so that it cannot "                         \
    "sway your own coding.",                                                                                           \
    "Mode buta aktif: perbandingan pengodean kedua pengode disembunyikan agar tidak memengaruhi pengodean Anda.")      \
  X(agr_blind_turn_off, "Turn blind mode off", "Matikan mode buta")                                                    \
  X(agr_n_codings, "%lld codings", "%lld pengodean")                                                                   \
  X(agr_n_codings_one, "%lld coding", "%lld pengodean")                                                                \
  X(agr_n_documents, "%lld documents", "%lld dokumen")                                                                 \
  X(agr_n_documents_one, "%lld document", "%lld dokumen")                                                              \
  X(agr_merge_done_one, "Saved: merged %lld coding.", "Tersimpan: %lld pengodean digabungkan.")
