// Every word the evaluation report prints, in English and in Bahasa
// Indonesia: one table (TELAAH_REPORT_LABELS) for headings, column heads,
// statuses, convergence labels, stances, ratings, verdicts, months and the
// sentences around them, so that a report in one language carries no label
// of the other (tests/test_report_lang.cpp walks the whole table). The
// researcher's own words (code names, quotes, memos, justifications, source
// type names) are printed as entered.
#pragma once
#include <string>
#include <vector>

#include "analysis/evaluation.h"
#include "analysis/triangulation.h"

namespace telaah::exchange {

enum class Lang { en, id };
// "en" / "id" (also "english", "indonesian", "bahasa"); throws ValidationError.
Lang lang_from_string(const std::string& s);
const char* to_string(Lang l);  // "en" / "id"

// X(key, English, Indonesian). Sentences with a number take it through fmt()
// ("{}" is replaced in order).
#define TELAAH_REPORT_LABELS(X)                                                                                      \
  X(report, "Evaluation report", "Laporan evaluasi")                                                                 \
  X(untitled, "Untitled study (set a title: telaah project FILE title \"...\")",                                     \
    "Kajian tanpa judul (beri judul: telaah project BERKAS title \"...\")")                                          \
  X(question, "Research question", "Pertanyaan penelitian")                                                          \
  X(period, "Period studied", "Periode kajian")                                                                      \
  X(framework, "Evaluation framework", "Kerangka evaluasi")                                                          \
  X(generated, "Report date", "Tanggal laporan")                                                                     \
  X(source, "Project file", "Berkas proyek")                                                                         \
  X(revision, "revision", "revisi")                                                                                  \
  X(not_set, "not set", "belum diisi")                                                                               \
  X(overall_verdict, "Overall verdict", "Kesimpulan akhir")                                                          \
  X(researchers_verdict, "Researcher's verdict", "Kesimpulan peneliti")                                              \
  X(by_the_rule, "By the rule", "Menurut aturan")                                                                    \
  X(sec_method, "1. Method", "1. Metode")                                                                            \
  X(sec_documents, "2. Document inventory", "2. Daftar dokumen")                                                     \
  X(sec_agreement, "3. Intercoder agreement", "3. Kesepakatan antarpengode")                                         \
  X(sec_overview, "4. Indicators at a glance", "4. Ringkasan indikator")                                             \
  X(sec_matrix, "5. Triangulation matrix", "5. Matriks triangulasi")                                                 \
  X(sec_findings, "6. Findings per indicator", "6. Temuan per indikator")                                            \
  X(sec_impediments, "7. Impediments", "7. Hambatan")                                                                \
  X(sec_verdict, "10. Overall verdict", "10. Kesimpulan akhir")                                                      \
  X(sec_audit, "11. Audit trail", "11. Jejak audit")                                                                 \
  X(settings_in_force, "Method settings in force", "Pengaturan metode yang berlaku")                                 \
  X(setting, "setting", "pengaturan")                                                                                \
  X(value, "value", "nilai")                                                                                         \
  X(default_value, "default", "bawaan")                                                                              \
  X(meaning, "meaning", "arti")                                                                                      \
  X(rules, "Rules", "Aturan")                                                                                        \
  X(title, "title", "judul")                                                                                         \
  X(type, "source type", "jenis sumber")                                                                             \
  X(date, "date", "tanggal")                                                                                         \
  X(author, "author or outlet", "penulis atau media")                                                                \
  X(informant, "informant", "informan")                                                                              \
  X(role, "role", "peran")                                                                                           \
  X(pseudonymised, "pseudonymised", "dipseudonimkan")                                                                \
  X(yes, "yes", "ya")                                                                                                \
  X(codings, "codings", "koding")                                                                                    \
  X(documents, "documents", "dokumen")                                                                               \
  X(no_documents, "The project holds no documents.", "Proyek ini belum berisi dokumen.")                             \
  X(coders, "coders", "pengode")                                                                                     \
  X(subset, "subset", "subset")                                                                                      \
  X(unit, "unit", "satuan")                                                                                          \
  X(unit_segment, "segments matched by overlap", "segmen yang dicocokkan menurut tumpang tindih")                    \
  X(code, "code", "kode")                                                                                            \
  X(pair, "pair", "pasangan")                                                                                        \
  X(percent, "percent agreement", "persentase kesepakatan")                                                          \
  X(kappa, "Cohen's kappa", "kappa Cohen")                                                                           \
  X(alpha, "Krippendorff's alpha", "alpha Krippendorff")                                                             \
  X(stance_alpha, "stance: alpha (passages)", "sikap: alpha (bagian teks)")                                          \
  X(all_coders_row, "all coders", "semua pengode")                                                                   \
  X(overall_row, "all codes pooled", "semua kode digabung")                                                          \
  X(na, "n/a", "t/a")                                                                                                \
  X(na_note, "n/a: not meaningful (too few units or no variation), never 0.",                                        \
    "t/a: tidak bermakna (satuan terlalu sedikit atau tanpa variasi), bukan 0.")                                     \
  X(one_coder, "Only one coder has coded this project: there is no intercoder agreement to report.",                 \
    "Hanya satu pengode yang mengode proyek ini: tidak ada kesepakatan antarpengode untuk dilaporkan.")              \
  X(agreement_subset, "documents coded by two or more of these coders: {}",                                          \
    "dokumen yang dikode oleh dua pengode atau lebih: {}")                                                           \
  X(variable, "variable", "variabel")                                                                                \
  X(indicator, "indicator", "indikator")                                                                             \
  X(definition, "definition", "definisi")                                                                            \
  X(triangulation, "triangulation", "triangulasi")                                                                   \
  X(rating, "rating", "penilaian")                                                                                   \
  X(verdict, "verdict", "kesimpulan")                                                                                \
  X(suggested, "suggested", "disarankan")                                                                            \
  X(researcher, "researcher", "peneliti")                                                                            \
  X(status, "status", "status")                                                                                      \
  X(labels_between, "Convergence between source types", "Konvergensi antarjenis sumber")                             \
  X(subcodes, "Sub-codes", "Sub-kode")                                                                               \
  X(justification, "Justification", "Alasan")                                                                        \
  X(cited, "Cited evidence", "Bukti yang dirujuk")                                                                   \
  X(evidence_suggests, "The evidence suggests", "Bukti menyarankan")                                                 \
  X(evidence, "Evidence", "Bukti")                                                                                   \
  X(negative_first, "Contradicting passages (negative cases) are always listed, and first.",                         \
    "Bagian teks yang membantah (kasus negatif) selalu dicantumkan, dan paling awal.")                               \
  X(no_evidence, "No evidence.", "Tidak ada bukti.")                                                                 \
  X(more_codings, "… and {} more coding(s) not shown.", "… dan {} koding lain tidak ditampilkan.")                   \
  X(gone, "(this coding is no longer in the project)", "(koding ini sudah tidak ada dalam proyek)")                  \
  X(linked_impediments, "Impediments linked to this indicator", "Hambatan yang terkait dengan indikator ini")        \
  X(no_impediments, "No impediments were coded.", "Tidak ada hambatan yang dikode.")                                 \
  X(cross_cutting, "cross-cutting (linked to no indicator)", "lintas indikator (tidak terkait indikator tertentu)")  \
  X(bears_on, "bears on", "berkaitan dengan")                                                                        \
  X(memo, "memo", "memo")                                                                                            \
  X(coder, "coder", "pengode")                                                                                       \
  X(override, "override", "koreksi peneliti")                                                                        \
  X(automatic, "automatic", "otomatis")                                                                              \
  X(stale, "STALE", "USANG")                                                                                         \
  X(current, "current", "kini")                                                                                      \
  X(confirmed, "confirmed", "dikonfirmasi")                                                                          \
  X(from_overridden, "from overridden labels", "dari label yang dikoreksi")                                          \
  X(per_variable, "Per variable", "Per variabel")                                                                    \
  X(no_variable, "(no variable)", "(tanpa variabel)")                                                                \
  X(coverage, "coverage", "cakupan")                                                                                 \
  X(score, "score", "skor")                                                                                          \
  X(sensitivity, "Sensitivity", "Sensitivitas")                                                                      \
  X(sensitivity_note, "The overall verdict with one setting moved to a neighbouring value; ◀ marks a change.",       \
    "Kesimpulan akhir bila satu pengaturan digeser ke nilai di dekatnya; ◀ menandai perubahan.")                     \
  X(as_set, "as set", "sesuai pengaturan")                                                                           \
  X(what, "judgement", "keputusan")                                                                                  \
  X(who, "by", "oleh")                                                                                               \
  X(when, "when", "waktu")                                                                                           \
  X(audit_status, "status override", "koreksi status")                                                               \
  X(audit_pair, "label override", "koreksi label")                                                                   \
  X(audit_rating, "rating", "penilaian")                                                                             \
  X(audit_verdict, "verdict override", "koreksi kesimpulan")                                                         \
  X(no_audit, "No judgement of the researcher replaces an automatic value yet.",                                     \
    "Belum ada keputusan peneliti yang menggantikan nilai otomatis.")                                                \
  X(audit_note,                                                                                                      \
    "STALE: the automatic value has changed since the judgement was made or confirmed; confirm it "                  \
    "(telaah override --confirm, telaah evaluate --confirm / --confirm-verdict) or remove it.",                      \
    "USANG: nilai otomatis berubah sejak keputusan dibuat atau dikonfirmasi; konfirmasi "                            \
    "(telaah override --confirm, telaah evaluate --confirm / --confirm-verdict) atau hapus keputusan itu.")          \
  X(st_gap, "gap", "kosong")                                                                                         \
  X(st_single_source, "single-source", "satu sumber")                                                                \
  X(st_insufficient, "insufficient", "belum memadai")                                                                \
  X(st_triangulated, "triangulated", "tertriangulasi")                                                               \
  X(st_divergent, "divergent", "divergen")                                                                           \
  X(cv_none, "none", "tiada")                                                                                        \
  X(cv_agreement, "agreement", "sejalan")                                                                            \
  X(cv_partial, "partial agreement", "sejalan sebagian")                                                             \
  X(cv_silence, "silence", "senyap")                                                                                 \
  X(cv_dissonance, "dissonance", "disonansi")                                                                        \
  X(sc_supports, "supports", "mendukung")                                                                            \
  X(sc_contradicts, "contradicts", "membantah")                                                                      \
  X(sc_neutral, "neutral", "netral")                                                                                 \
  X(matrix_caption, "cell: passages / documents (supports-contradicts-neutral); * = researcher override",            \
    "sel: bagian teks / dokumen (mendukung-membantah-netral); * = koreksi peneliti")                                 \
  X(svg_supports, "net supports", "cenderung mendukung")                                                             \
  X(svg_contradicts, "net contradicts", "cenderung membantah")                                                       \
  X(svg_neutral, "neutral or tied", "netral atau seimbang")                                                          \
  X(svg_note, "stronger shade = more documents; * = researcher override",                                            \
    "warna lebih pekat = lebih banyak dokumen; * = koreksi peneliti")                                                \
  X(page, "p.", "hlm.")                                                                                              \
  X(area_on_page, "area on p.", "area di hlm.")                                                                      \
  X(para, "para.", "par.")                                                                                           \
  X(r_gap, "no evidence (gap)", "tidak ada bukti (kosong)")                                                          \
  X(r_neutral_only, "{}; only neutral evidence ({})", "{}; hanya bukti netral ({})")                                 \
  X(r_divergent, "divergent: the sources disagree ({})", "divergen: sumber-sumber tidak sejalan ({})")               \
  X(r_supported, "triangulated, mostly supporting ({})", "tertriangulasi, sebagian besar mendukung ({})")            \
  X(r_uncorroborated, "{}: supporting but not corroborated across sources ({})",                                     \
    "{}: mendukung tetapi tidak dikuatkan oleh jenis sumber lain ({})")                                              \
  X(r_contradicting, "{}, mostly contradicting ({})", "{}, sebagian besar membantah ({})")                           \
  X(r_mixed, "{}, mixed evidence ({})", "{}, bukti beragam ({})")                                                    \
  X(r_counts, "{} supporting, {} contradicting, {} neutral passages",                                                \
    "{} bagian teks mendukung, {} membantah, {} netral")                                                             \
  X(v_no_weight, "no indicator carries weight", "tidak ada indikator yang berbobot")                                 \
  X(v_coverage, "{} of {} indicators rated ({} of the weight)", "{} dari {} indikator dinilai ({} dari bobot)")      \
  X(v_below, "{}, below the minimum coverage of {}: too few indicators have evidence to judge",                      \
    "{}, di bawah cakupan minimum {}: terlalu sedikit indikator yang berbukti untuk disimpulkan")                    \
  X(v_none_rated, "{}: no indicator is rated", "{}: tidak ada indikator yang dinilai")                               \
  X(v_score, "score {} over {}", "skor {} atas {}")                                                                  \
  X(v_impeded, ", {} with an impediment (-{} each, not below 0)",                                                    \
    ", {} dengan hambatan (masing-masing -{}, tidak di bawah 0)")                                                    \
  X(v_at_least, "; at least {}", "; sekurang-kurangnya {}")                                                          \
  X(v_between, "; at least {} and below {}", "; sekurang-kurangnya {} dan di bawah {}")                              \
  X(v_below_t, "; below {}", "; di bawah {}")                                                                        \
  X(cr_all, "all coders, deduplicated", "semua pengode, tanpa duplikasi")                                            \
  X(cr_one, "one coder: {}", "satu pengode: {}")                                                                     \
  X(cr_set, "chosen coders: {}, deduplicated", "pengode terpilih: {}, tanpa duplikasi")                              \
  X(pu_passages, "passages", "bagian teks")                                                                          \
  X(ms_convergence,                                                                                                  \
    "Convergence coding after Farmer et al. (2006) for every indicator and every pair of columns "                   \
    "({}).",                                                                                                         \
    "Pengodean konvergensi menurut Farmer dkk. (2006) untuk setiap indikator dan setiap pasangan kolom "             \
    "({}).")                                                                                                         \
  X(ms_units,                                                                                                        \
    "Evidence units: codings of one indicator (the indicator or its sub-codes; coders counted: {}) in "              \
    "one document that overlap by at least {} of the shorter span are one passage and count once.",                  \
    "Satuan bukti: koding satu indikator (indikator itu atau sub-kodenya; pengode yang dihitung: {}) dalam satu "    \
    "dokumen yang bertumpang tindih sekurang-kurangnya {} dari rentang yang lebih pendek adalah satu bagian teks "   \
    "dan dihitung sekali.")                                                                                          \
  X(ms_net,                                                                                                          \
    "Net stance of a column = sign(supports − contradicts) over its passages; prominence = its number of "         \
    "{}.",                                                                                                           \
    "Sikap bersih sebuah kolom = tanda(mendukung − membantah) atas bagian teksnya; penonjolan = banyaknya "        \
    "{}.")                                                                                                           \
  X(ms_labels,                                                                                                       \
    "Silence: one column has evidence, the other none. Dissonance: opposite net stances. Agreement: "                \
    "the same net stance and comparable prominence (the larger count at most {} × the smaller). Partial "           \
    "agreement: the rest.",                                                                                          \
    "Senyap: satu kolom berbukti, yang lain tidak. Disonansi: sikap bersih berlawanan. "                             \
    "Sejalan: sikap bersih sama dan penonjolan sebanding (hitungan yang lebih besar paling banyak {} × yang lebih " \
    "kecil). Sejalan sebagian: selebihnya.")                                                                         \
  X(ms_status,                                                                                                       \
    "Triangulated: at least k = {} columns carry evidence from at least m = {} document(s) each, with "              \
    "no dissonance. Divergent: some pair is dissonant. Single-source: one column only. Gap: no evidence. "           \
    "Insufficient: evidence in several columns, but fewer than k reach m documents.",                                \
    "Tertriangulasi: sekurang-kurangnya k = {} kolom berbukti dari sekurang-kurangnya m = {} dokumen masing-"        \
    "masing, tanpa disonansi. Divergen: ada pasangan yang berdisonansi. Satu sumber: hanya satu kolom. Kosong: "     \
    "tanpa bukti. Belum memadai: bukti di beberapa kolom, tetapi kurang dari k kolom mencapai m dokumen.")           \
  X(ms_rating,                                                                                                       \
    "Suggested rating: a gap or neutral-only evidence gives insufficient evidence; divergent gives "                 \
    "partially achieved; otherwise the share p of supporting among supporting and contradicting passages decides: "  \
    "p ≥ {} achieved when triangulated (partially achieved when not corroborated), p ≤ {} not achieved, else "   \
    "partially achieved. A rating the researcher recorded replaces the suggestion.",                                 \
    "Penilaian yang disarankan: kosong atau bukti netral saja memberi bukti tidak cukup; divergen memberi "          \
    "sebagian tercapai; selain itu porsi p bagian teks yang mendukung di antara yang mendukung dan membantah "       \
    "menentukan: p ≥ {} tercapai bila tertriangulasi (sebagian tercapai bila tidak dikuatkan), p ≤ {} tidak "    \
    "tercapai, selain itu sebagian tercapai. Penilaian yang dicatat peneliti menggantikan saran.")                   \
  X(ms_impediments,                                                                                                  \
    "Impediments: codings of {} and their sub-codes, linked to an indicator when they overlap or "                   \
    "share a paragraph with its evidence.",                                                                          \
    "Hambatan: koding {} beserta sub-kodenya, terkait dengan sebuah "                                                \
    "indikator bila bertumpang tindih atau berada dalam paragraf yang sama dengan buktinya.")                        \
  X(ms_score,                                                                                                        \
    "Verdict: each indicator scores 1 (achieved), 0.5 (partially achieved) or 0 (not achieved); "                    \
    "insufficient evidence {}; an indicator with an impediment loses {} (never below 0); weights per indicator "     \
    "and per variable multiply.",                                                                                    \
    "Kesimpulan: setiap indikator bernilai 1 (tercapai), 0,5 (sebagian tercapai) "                                   \
    "atau 0 (tidak tercapai); bukti tidak cukup {}; indikator yang berhambatan kehilangan {} (tidak di bawah 0); "   \
    "bobot per indikator dan per variabel dikalikan.")                                                               \
  X(ms_ins_out, "is left out", "tidak dihitung")                                                                     \
  X(ms_ins_zero, "scores 0", "bernilai 0")                                                                           \
  X(ms_coverage,                                                                                                     \
    "If less than {} of the weight is rated, the verdict is undetermined; otherwise the weighted "                   \
    "mean score gives effective from {}, fairly effective from {}, else not effective. The same rule gives a "       \
    "verdict per variable.",                                                                                         \
    "Bila kurang dari {} bobot yang dinilai, kesimpulannya belum dapat ditentukan; selain "                          \
    "itu skor rata-rata berbobot memberi efektif mulai {}, cukup efektif mulai {}, selain itu tidak efektif. "       \
    "Aturan yang sama memberi kesimpulan per variabel.")                                                             \
  X(ms_overrides,                                                                                                    \
    "Researcher overrides are marked, keep the automatic value they replaced with the coder and the "                \
    "time, and are flagged STALE when that value changes (see the audit trail).",                                    \
    "Koreksi peneliti ditandai, menyimpan nilai otomatis yang digantikannya beserta pengode dan waktunya, dan "      \
    "ditandai USANG bila nilai itu berubah (lihat jejak audit).")                                                    \
  X(sec_summaries, "8. Summary grid", "8. Tabel ringkasan")                                                          \
  X(sec_cases, "9. Cases", "9. Kasus")                                                                               \
  X(summaries, "Summaries", "Ringkasan")                                                                             \
  X(summary_case, "case {}", "kasus {}")                                                                             \
  X(written_by, "written by {}, {}", "ditulis oleh {}, {}")                                                          \
  X(broken_citation, "[#{}] broken citation: the cited coding is no longer in the project.",                         \
    "[#{}] rujukan rusak: koding yang dirujuk sudah tidak ada dalam proyek.")                                        \
  X(no_citation, "No coding is cited.", "Tidak ada koding yang dirujuk.")                                            \
  X(rating_summaries, "Summary cells the justification cites", "Sel ringkasan yang dirujuk alasan")                  \
  X(broken_summary, "[S#{}] broken citation: the cited summary cell is no longer in the project.",                   \
    "[S#{}] rujukan rusak: sel ringkasan yang dirujuk sudah tidak ada dalam proyek.")                                \
  X(findings_heading, "Impediment findings", "Temuan hambatan")                                                      \
  X(findings_here, "Impediment findings hindering this indicator", "Temuan hambatan yang menghambat indikator ini")  \
  X(no_findings, "No impediment findings were recorded.", "Belum ada temuan hambatan yang dicatat.")                 \
  X(hinders, "hinders", "menghambat")                                                                                \
  X(hinders_none, "hinders no indicator yet", "belum menghambat indikator mana pun")                                 \
  X(finding_no_evidence, "No evidence coding is attached.", "Belum ada koding bukti yang dilampirkan.")              \
  X(links_heading, "Typed links with its codings", "Tautan bertipe pada kodingnya")                                  \
  X(links_note, "links with at least one end among the codings of this indicator or its sub-codes",                  \
    "tautan yang sekurang-kurangnya satu ujungnya ada di antara koding indikator ini atau sub-kodenya")              \
  X(rel_corroborates, "corroborates", "menguatkan")                                                                  \
  X(rel_contradicts, "contradicts", "bertentangan dengan")                                                           \
  X(rel_explains, "explains", "menjelaskan")                                                                         \
  X(rel_impedes, "impedes", "menghambat")                                                                            \
  X(rel_other, "other relations", "relasi lain")                                                                     \
  X(no_summaries, "No summary has been written yet.", "Belum ada ringkasan yang ditulis.")                           \
  X(grid_by_type, "By source type", "Menurut jenis sumber")                                                          \
  X(grid_by_case, "By case", "Menurut kasus")                                                                        \
  X(grid_caption,                                                                                                    \
    "cell: the start of the summary; the full text with its cited passages is under each indicator in section 6",    \
    "sel: awal ringkasan; teks lengkap beserta bagian teks yang dirujuk ada di bawah tiap indikator pada bagian 6")  \
  X(cited_n, "{} cited", "{} dirujuk")                                                                               \
  X(broken_n, "{} broken", "{} rusak")                                                                               \
  X(other_codes, "Summaries of other codes", "Ringkasan kode lain")                                                  \
  X(no_cases, "No cases are defined.", "Belum ada kasus yang ditetapkan.")                                           \
  X(attribute, "attribute", "atribut")                                                                               \
  X(members, "Members", "Anggota")                                                                                   \
  X(no_members, "No document is in this case.", "Belum ada dokumen dalam kasus ini.")                                \
  X(part_of_document, "part of the document", "bagian dokumen")                                                      \
  X(whole_document, "whole document", "seluruh dokumen")                                                             \
  X(case_col, "case", "kasus")                                                                                       \
  X(tri_by_case, "Triangulation across cases", "Triangulasi antarkasus")                                             \
  X(tri_by_case_note,                                                                                                \
    "cell: passages / documents (supports-contradicts-neutral) among the codings of the case; status by the same "   \
    "rules with the cases as columns",                                                                               \
    "sel: bagian teks / dokumen (mendukung-membantah-netral) di antara koding kasus itu; status menurut aturan "     \
    "yang sama dengan kasus sebagai kolom")                                                                          \
  X(ms_judgement,                                                                                                    \
    "Judgement: under each indicator its summaries, impediment findings and typed links appear only when it has "    \
    "any; the summary grid and the cases are always reported, with one line when there is nothing; a citation "      \
    "[#ID] whose coding is gone is printed as broken.",                                                              \
    "Pertimbangan peneliti: di bawah tiap indikator, ringkasan, temuan hambatan, dan tautan bertipe hanya tampil "   \
    "bila ada; tabel ringkasan dan kasus selalu dilaporkan, dengan satu baris bila kosong; rujukan [#ID] yang "      \
    "kodingnya sudah tiada dicetak sebagai rusak.")                                                                  \
  X(m01, "January", "Januari")                                                                                       \
  X(m02, "February", "Februari")                                                                                     \
  X(m03, "March", "Maret")                                                                                           \
  X(m04, "April", "April")                                                                                           \
  X(m05, "May", "Mei")                                                                                               \
  X(m06, "June", "Juni")                                                                                             \
  X(m07, "July", "Juli")                                                                                             \
  X(m08, "August", "Agustus")                                                                                        \
  X(m09, "September", "September")                                                                                   \
  X(m10, "October", "Oktober")                                                                                       \
  X(m11, "November", "November")                                                                                     \
  X(m12, "December", "Desember")                                                                                     \
  X(suggestions_off, "Code suggestions: switched off (setting suggestions.enabled); no coding came from them",       \
    "Saran kode: dimatikan (pengaturan suggestions.enabled); tidak ada koding yang berasal darinya")                 \
  X(suggestions_off_used,                                                                                            \
    "Code suggestions: switched off now (setting suggestions.enabled); {} codings came from suggestions accepted "   \
    "earlier (coder '{}')",                                                                                          \
    "Saran kode: kini dimatikan (pengaturan suggestions.enabled); {} koding berasal dari saran yang diterima "       \
    "sebelumnya (pengode '{}')")                                                                                     \
  X(suggestions_unused, "Code suggestions: switched on; none was accepted, so every coding is the coders' own",      \
    "Saran kode: aktif; tidak ada yang diterima, jadi semua koding adalah karya pengode sendiri")                    \
  X(suggestions_used,                                                                                                \
    "Code suggestions: {} codings came from accepted suggestions (coder '{}'), computed on this machine from the "   \
    "passages already coded",                                                                                        \
    "Saran kode: {} koding berasal dari saran yang diterima (pengode '{}'), dihitung di komputer ini dari bagian "   \
    "yang sudah dikode")

enum class T {
#define TELAAH_X(key, en, id) key,
  TELAAH_REPORT_LABELS(TELAAH_X)
#undef TELAAH_X
};

struct ReportLabel {
  const char* key;
  const char* en;
  const char* id;
};
// Every entry of the table, in order (for the tests and translators).
const std::vector<ReportLabel>& report_labels();
// Every word the report prints that comes from elsewhere in Telaah: the
// rating and verdict labels of analysis/evaluation.h (both languages).
std::vector<ReportLabel> all_report_labels();

std::string tr(Lang l, T key);
// tr() with each "{}" replaced by the next argument.
std::string fmt(Lang l, T key, const std::vector<std::string>& args);

std::string label(Lang l, analysis::Status s);
std::string label(Lang l, analysis::Convergence c);
std::string label(Lang l, analysis::Rating r);
std::string label(Lang l, analysis::Verdict v);
std::string stance_label(Lang l, const std::string& stance);  // "supports" -> "mendukung"
// A label stored in English in an audit record ("partial agreement",
// "fairly effective", "triangulated", "none") in the report's language.
std::string stored_label(Lang l, const std::string& english);

// "2015-03-09" -> "9 March 2015" / "9 Maret 2015"; "2015-03" -> "March 2015";
// "2015" stays; ISO times get " 12:04 UTC"; anything else is returned as is.
std::string format_date(Lang l, const std::string& iso);
// 0.7431 -> "0.743" / "0,743" (three decimals); NaN -> n/a.
std::string format_stat(Lang l, double x);
std::string format_number(Lang l, double x);  // %g with the language's decimal mark
std::string format_percent(double share);     // 0.667 -> "67%"

// The reasons the report gives, in its language, from the same data as the
// rules (evaluation.h): why a rating is suggested, why the verdict.
std::string suggestion_reason(Lang l, const analysis::Row& row, const analysis::EvalSettings& s);
std::string verdict_reason(Lang l, const analysis::VerdictResult& v, const analysis::EvalSettings& s);
// "all coders, deduplicated" / "semua pengode, tanpa duplikasi" ...
std::string coder_rule(Lang l, const std::vector<std::string>& coders);
// The rules of the method with this project's settings, one sentence each.
std::vector<std::string> method_statement(Lang l, const analysis::Matrix& m, const analysis::EvalSettings& e);

}  // namespace telaah::exchange
