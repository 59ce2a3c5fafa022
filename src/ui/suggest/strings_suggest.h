// The strings of the suggestions review view (see strings.h): X(key, English, Indonesian).
// Keys start with sug_ so that they never collide with another view's.
#pragma once

#define TELAAH_UI_STRINGS_SUGGEST(X)                                                                                  \
  X(sug_title, "Suggestions", "Saran")                                                                                \
  X(sug_code, "Code", "Kode")                                                                                         \
  X(sug_choose, "choose a code", "pilih kode")                                                                        \
  X(sug_code_hint, "type to find a code", "ketik untuk mencari kode")                                                 \
  X(sug_scope, "Scope", "Cakupan")                                                                                    \
  X(sug_scope_sentence, "sentence", "kalimat")                                                                        \
  X(sug_scope_paragraph, "paragraph", "paragraf")                                                                     \
  X(sug_scope_hit, "hit", "kata")                                                                                     \
  X(sug_suggest, "Suggest", "Sarankan")                                                                               \
  X(sug_working, "Computing suggestions on this machine\xE2\x80\xA6", "Menghitung saran di komputer ini\xE2\x80\xA6") \
  X(sug_pick_code, "Pick a code with coded passages, then Suggest.",                                                  \
    "Pilih kode yang sudah punya bagian terkode, lalu Sarankan.")                                                     \
  X(sug_none, "No passage outside the coded ones holds the code's words.",                                            \
    "Tidak ada bagian di luar yang sudah dikode yang memuat kata-kata kode ini.")                                     \
  X(sug_keys,                                                                                                         \
    "J/K move \xC2\xB7 A accept \xC2\xB7 R reject \xC2\xB7 O accept as another code \xC2\xB7 S skip \xC2\xB7 Enter "  \
    "apply",                                                                                                          \
    "J/K pindah \xC2\xB7 A terima \xC2\xB7 R tolak \xC2\xB7 O terima sebagai kode lain \xC2\xB7 S lewati \xC2\xB7 "   \
    "Enter terapkan")                                                                                                 \
  X(sug_apply, "Apply %d decisions", "Terapkan %d keputusan")                                                         \
  X(sug_why, "Why", "Alasan")                                                                                         \
  X(sug_like, "Most like the coded passage", "Paling mirip bagian terkode")                                           \
  X(sug_demoted, "Demoted %d%% by words of rejected passages:", "Diturunkan %d%% oleh kata bagian yang ditolak:")     \
  X(sug_accepted, "accept", "terima")                                                                                 \
  X(sug_rejected, "reject", "tolak")                                                                                  \
  X(sug_as_other, "accept as %s", "terima sebagai %s")                                                                \
  X(sug_other_title, "Accept as another code", "Terima sebagai kode lain")                                            \
  X(sug_applied, "Suggestions: %d accepted, %d rejected (one action: Undo takes it back)",                            \
    "Saran: %d diterima, %d ditolak (satu tindakan: Batalkan mengembalikannya)")                                      \
  X(sug_no_index, "The search index is still being built; press Suggest again when it is ready.",                     \
    "Indeks pencarian masih dibangun; tekan Sarankan lagi setelah siap.")                                             \
  X(sug_local, "Made on this machine from the passages already coded; nothing leaves it.",                            \
    "Dibuat di komputer ini dari bagian yang sudah dikode; tidak ada yang keluar darinya.")
