// Tests of src/text: UTF-8 validation, code point <-> byte offsets, NFC,
// paragraphs, sentences, speaker turns and words. Table-driven where it fits.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "text/structure.h"
#include "text/utf8.h"

using namespace telaah::text;

namespace {

// Reference: byte offset of every code point, by a plain walk over lead bytes.
std::vector<size_t> lead_bytes(const std::string& s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  return out;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string sub(const std::string& t, Span s) {
  OffsetMap m(t);
  return std::string(slice_cp(t, m, static_cast<size_t>(s.start), static_cast<size_t>(s.end)));
}

std::vector<std::string> sentences(const std::string& t) {
  std::vector<std::string> out;
  OffsetMap m(t);
  for (auto s : split_sentences(t, {0, static_cast<int64_t>(m.size_cp())})) out.push_back(sub(t, s));
  return out;
}

}  // namespace

TEST_CASE("code point <-> byte offsets round-trip on every kind of text") {
  struct Case {
    const char* name;
    std::string text;
    size_t cps;  // expected length in code points
  };
  const std::vector<Case> cases = {
      {"empty", "", 0},
      {"ASCII", "Komunike bersama 1984.", 22},
      {"Indonesian", "Kerja sama kota bersaudara Jakarta–Seoul sejak 1984", 51},
      {"curly quotes", "“Informan A” berkata ‘ya’.", 26},
      {"en and em dash", "2011–2015 — lima tahun", 22},
      {"emoji (4-byte)", "ok 👍🏽 🇮🇩!", 9},
      {"Hangul", "서울특별시와 자카르타", 11},
      {"combining marks", "Jose\xCC\x81 cafe\xCC\x81", 11},  // e + U+0301, not normalised here
      {"mixed", "Rp 24.232.202.714 — “서울” 👍 naïve", 32},
      {"long mixed (checkpoints)", repeat("Seoul–서울 “kota” 👍🏽 ", 40), 40 * 19},
      {"long ASCII", repeat("abcdefghij", 30), 300},
      {"long 4-byte only", repeat("😀", 200), 200},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.name));
    OffsetMap m(c.text);
    REQUIRE(m.size_cp() == c.cps);
    CHECK(count_code_points(c.text) == c.cps);
    CHECK(m.size_bytes() == c.text.size());
    auto leads = lead_bytes(c.text);
    REQUIRE(leads.size() == c.cps);
    for (size_t cp = 0; cp < c.cps; ++cp) {
      CAPTURE(cp);
      REQUIRE(m.to_byte(cp) == leads[cp]);
      REQUIRE(m.to_cp(leads[cp]) == cp);
    }
    // The end and beyond clamp to the end.
    CHECK(m.to_byte(c.cps) == c.text.size());
    CHECK(m.to_byte(c.cps + 5) == c.text.size());
    CHECK(m.to_cp(c.text.size()) == c.cps);
    CHECK(m.to_cp(c.text.size() + 7) == c.cps);
    // A byte inside a sequence belongs to the code point that sequence encodes.
    for (size_t b = 0; b < c.text.size(); ++b) {
      size_t expect = static_cast<size_t>(std::upper_bound(leads.begin(), leads.end(), b) - leads.begin()) - 1;
      REQUIRE(m.to_cp(b) == expect);
    }
  }
}

TEST_CASE("specific offsets a reader can check by eye") {
  struct Case {
    std::string text;
    size_t cp, byte;
  };
  const std::vector<Case> cases = {
      {"abc", 2, 2},        {"“a”", 1, 3},  // U+201C is 3 bytes
      {"–x", 1, 3},                         // en dash
      {"👍x", 1, 4},                         // 4-byte emoji
      {"서울x", 2, 6},                      // Hangul syllables are 3 bytes each
      {"e\xCC\x81x", 2, 3},                 // combining acute is its own code point
      {"naïve", 3, 4},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    OffsetMap m(c.text);
    CHECK(m.to_byte(c.cp) == c.byte);
    CHECK(m.to_cp(c.byte) == c.cp);
  }
}

TEST_CASE("slice_cp cuts by code points") {
  const std::string t = "Jakarta–서울 👍 “kota”";
  OffsetMap m(t);
  CHECK(slice_cp(t, m, 7, 10) == "–서울");
  CHECK(slice_cp(t, m, 11, 12) == "👍");
  CHECK(slice_cp(t, m, 13, 19) == "“kota”");
  CHECK(slice_cp(t, m, 5, 5).empty());
  CHECK(slice_cp(t, m, 18, 100) == "”");
}

TEST_CASE("valid UTF-8 is accepted") {
  for (std::string s :
       {"", "plain", "“quotes” – dashes — 서울 👍🏽", "e\xCC\x81", "\xF4\x8F\xBF\xBF" /* U+10FFFF */,
        "\xEF\xBF\xBD" /* U+FFFD */, "\xED\x9F\xBF" /* U+D7FF */, "\xEE\x80\x80" /* U+E000 */}) {
    CAPTURE(s);
    CHECK_FALSE(find_invalid_utf8(s).has_value());
    CHECK_NOTHROW(require_valid_utf8(s));
  }
}

TEST_CASE("invalid UTF-8 is rejected at the byte of the first bad sequence") {
  struct Case {
    const char* name;
    std::string text;
    size_t pos;
  };
  const std::vector<Case> cases = {
      {"stray continuation",
       "ab\x80"
       "cd",
       2},
      {"stray continuation after multibyte", "서\xBF", 3},
      {"overlong 2-byte /", "x\xC0\xAF", 1},
      {"overlong 2-byte C1", "\xC1\xBF", 0},
      {"overlong 3-byte", "ok \xE0\x80\xAF", 3},
      {"overlong 4-byte", "\xF0\x80\x80\xAF", 0},
      {"UTF-16 surrogate high", "a\xED\xA0\x80z", 1},
      {"UTF-16 surrogate low", "ab\xED\xBF\xBF", 2},
      {"beyond U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"F5 lead byte", "abc\xF5\x80\x80\x80", 3},
      {"FF byte", "\xFF", 0},
      {"truncated at end (3-byte)", "Seoul \xE2\x80", 6},
      {"truncated at end (4-byte)", "\xF0\x9F\x91", 0},
      {"truncated by ASCII", "“a\xE2\x80x", 4},
      {"Latin-1 é", "caf\xE9 latte", 3},
      {"second problem not reported first", "ok\xFFok\xFE", 2},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.name));
    auto bad = find_invalid_utf8(c.text);
    REQUIRE(bad.has_value());
    CHECK(*bad == c.pos);
    try {
      require_valid_utf8(c.text, "the quote");
      FAIL("accepted invalid UTF-8");
    } catch (const InvalidUtf8& e) {
      CHECK(e.byte_pos == c.pos);
      std::string msg = e.what();
      CHECK(msg.find("the quote is not valid UTF-8") != std::string::npos);
      CHECK(msg.find("position " + std::to_string(c.pos)) != std::string::npos);
    }
  }
}

TEST_CASE("NFC normalisation") {
  struct Case {
    std::string in, out;
  };
  const std::vector<Case> cases = {
      {"cafe\xCC\x81", "caf\xC3\xA9"},                           // e + U+0301 -> é
      {"caf\xC3\xA9", "caf\xC3\xA9"},                            // already NFC
      {"\xE1\x84\x89\xE1\x85\xA5\xE1\x86\xAF", "\xEC\x84\xA4"},  // conjoining jamo -> 설
      {"plain ASCII", "plain ASCII"},
      {"\xE2\x84\xAB", "\xC3\x85"},  // ANGSTROM SIGN -> Å
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(to_nfc(c.in) == c.out);
    CHECK(is_nfc(c.out));
    CHECK(is_nfc(c.in) == (c.in == c.out));
  }
  // Normalising changes the code-point count, which is why the store
  // normalises before it counts.
  CHECK(count_code_points("Jose\xCC\x81") == 5);
  CHECK(count_code_points(to_nfc("Jose\xCC\x81")) == 4);
}

TEST_CASE("newlines are normalised to \\n") {
  CHECK(normalise_newlines("a\r\nb\rc\n") == "a\nb\nc\n");
  CHECK(normalise_newlines("a\xE2\x80\xA8"
                           "b\xE2\x80\xA9"
                           "c") == "a\nb\nc");
  CHECK(normalise_newlines("“no change”") == "“no change”");
}

TEST_CASE("paragraphs") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> paragraphs;
  };
  const std::vector<Case> cases = {
      {"blank-line separated",
       "Satu dua.\nmasih satu.\n\nDua.\n\n\nTiga.",
       {"Satu dua.\nmasih satu.", "Dua.", "Tiga."}},
      {"one per line without blank lines", "Baris satu\nBaris dua\n", {"Baris satu", "Baris dua"}},
      {"a trailing blank line makes it one paragraph", "Baris satu\nBaris dua\n\n", {"Baris satu\nBaris dua"}},
      {"trimmed", "  indented  \n\n\tTab\t", {"indented", "Tab"}},
      {"whitespace-only lines count as blank", "A\n   \nB", {"A", "B"}},
      {"multibyte", "“서울” — kota.\n\nJakarta–Seoul 👍", {"“서울” — kota.", "Jakarta–Seoul 👍"}},
      {"empty", "", {}},
      {"only blanks", "\n\n  \n", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.name));
    auto blocks = split_paragraphs(c.text);
    REQUIRE(blocks.size() == c.paragraphs.size());
    for (size_t i = 0; i < blocks.size(); ++i) {
      CHECK(blocks[i].kind == "p");
      CHECK(sub(c.text, {blocks[i].start, blocks[i].end}) == c.paragraphs[i]);
    }
  }
}

TEST_CASE("sentences") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"simple", "Satu. Dua? Tiga!", {"Satu.", "Dua?", "Tiga!"}},
      {"No. is an abbreviation",
       "Permendagri No. 3 Tahun 2008 berlaku. Lalu apa?",
       {"Permendagri No. 3 Tahun 2008 berlaku.", "Lalu apa?"}},
      {"Rp. and decimals",
       "Nilainya Rp. 24.232.202.714 pada 2011. Naik 3,5 kali.",
       {"Nilainya Rp. 24.232.202.714 pada 2011.", "Naik 3,5 kali."}},
      {"decimal point", "It rose 2.5 percent. Then it fell.", {"It rose 2.5 percent.", "Then it fell."}},
      {"closing quote stays", "Dia bilang, “Sudah.” Lalu pergi.", {"Dia bilang, “Sudah.”", "Lalu pergi."}},
      {"straight quotes", "He said \"no.\" Then left.", {"He said \"no.\"", "Then left."}},
      {"abbreviation after an opening quote", "Kata “Dr. Sari” benar. Ya.", {"Kata “Dr. Sari” benar.", "Ya."}},
      {"initials", "Menurut I. R. Sari, ekspor naik. Itu benar.", {"Menurut I. R. Sari, ekspor naik.", "Itu benar."}},
      {"a single digit ends a sentence",
       "Jumlahnya naik menjadi 5. Lalu turun.",
       {"Jumlahnya naik menjadi 5.", "Lalu turun."}},
      {"list number", "1. Pertama, komunike. Kedua, MoU.", {"1. Pertama, komunike.", "Kedua, MoU."}},
      {"lowercase continues",
       "Contoh: e.g. rempah. dan mebel. Selesai.",
       {"Contoh: e.g. rempah. dan mebel.", "Selesai."}},
      {"dll.", "Rempah, mebel, dll. Semua naik.", {"Rempah, mebel, dll. Semua naik."}},
      {"ellipsis", "Ya… Baiklah.", {"Ya…", "Baiklah."}},
      {"Hangul and emoji", "서울특별시입니다. 좋아요 👍! Yes.", {"서울특별시입니다.", "좋아요 👍!", "Yes."}},
      {"no final stop", "Tanpa titik di akhir", {"Tanpa titik di akhir"}},
      {"trailing spaces", "Satu.   ", {"Satu."}},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.name));
    CHECK(sentences(c.text) == c.sentences);
  }
  // Within a span: positions are document code points.
  const std::string doc = "“Judul” 서울.\n\nSatu. Dua.";
  OffsetMap m(doc);
  auto paras = split_paragraphs(doc);
  REQUIRE(paras.size() == 2);
  auto ss = split_sentences(doc, {paras[1].start, paras[1].end});
  REQUIRE(ss.size() == 2);
  CHECK(ss[0].start == paras[1].start);
  CHECK(sub(doc, ss[0]) == "Satu.");
  CHECK(sub(doc, ss[1]) == "Dua.");
}

TEST_CASE("speaker labels") {
  struct Case {
    std::string paragraph, speaker;
  };
  const std::vector<Case> cases = {
      {"Pewawancara: Selamat pagi.", "Pewawancara"},
      {"INFORMAN B: Ya, betul.", "INFORMAN B"},
      {"[00:12:31] Informan C: Kami ekspor rempah.", "Informan C"},
      {"[12:31] Interviewer: Thanks.", "Interviewer"},
      {"Informan B (staf Biro KDH&KLN): Betul.", "Informan B (staf Biro KDH&KLN)"},
      {"Dr. Sari: Menurut saya…", "Dr. Sari"},
      {"김 과장: 네, 맞습니다.", "김 과장"},
      {"Informan A:", "Informan A"},  // the turn continues on the next line
      // Not speakers.
      {"Catatan: wawancara tertulis.", ""},
      {"Tanggal: 2017-02-14", ""},
      {"Sumber: BPS DKI Jakarta", ""},
      {"Note: figures in rupiah.", ""},
      {"Pukul 10:30 rapat dimulai.", ""},
      {"menurut dia: itu benar", ""},
      {"Ekspor naik tajam. Hasilnya: bagus.", ""},
      {"Jakarta, 12 Mei 2015: Gubernur berkunjung.", ""},
      {"Satu dua tiga empat lima enam: terlalu panjang", ""},
      {"Transkrip Wawancara — Informan A\nTanggal: 2017-02-14", ""},
      {"[00:12] : kosong", ""},
      {"[abc] Nama: bukan waktu", ""},
      {"http://example.org: link", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.paragraph);
    CHECK(detect_speaker(c.paragraph) == c.speaker);
  }
}

TEST_CASE("speaker turns need a conversation") {
  const std::string transcript =
      "Transkrip Wawancara — Informan A\nTanggal: 2017-02-14\nTempat: Balai Kota\n\n"
      "Pewawancara: Selamat pagi.\n\n[00:00:07] Informan A: Pagi.\n\nCatatan: rekaman terputus.";
  auto blocks = split_paragraphs(transcript);
  mark_speaker_turns(transcript, blocks);
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0].kind == "p");
  CHECK(blocks[1].kind == "turn");
  CHECK(blocks[1].speaker == "Pewawancara");
  CHECK(blocks[2].kind == "turn");
  CHECK(blocks[2].speaker == "Informan A");
  CHECK(blocks[3].kind == "p");

  // One labelled paragraph in an article is not a conversation.
  const std::string article =
      "Gubernur berkunjung ke Seoul.\n\nKepala Biro: kerja sama berjalan baik.\n\nAkhir berita.";
  auto b2 = split_paragraphs(article);
  mark_speaker_turns(article, b2);
  for (const auto& b : b2) CHECK(b.kind == "p");
}

TEST_CASE("word_at") {
  struct Case {
    std::string text;
    int64_t cp;
    std::string word;
  };
  const std::vector<Case> cases = {
      {"kerja sama kota", 7, "sama"},
      {"kerja sama kota", 5, " "},  // not a word: the character itself
      {"kerja-sama ok", 2, "kerja-sama"},
      {"Jakarta's port", 1, "Jakarta's"},
      {"Jakarta’s port", 8, "Jakarta’s"},
      {"“서울특별시” kota", 3, "서울특별시"},
      {"Jose\xCC\x81 datang", 1, "Jose\xCC\x81"},  // combining mark stays with its letter
      {"naïve café", 8, "café"},
      {"tahun 2015.", 8, "2015"},
      {"end -", 4, "-"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CAPTURE(c.cp);
    CHECK(sub(c.text, word_at(c.text, c.cp)) == c.word);
  }
  auto out = word_at("abc", 7);
  CHECK(out.start == out.end);
  auto neg = word_at("abc", -1);
  CHECK(neg.start == neg.end);
}

TEST_CASE("decode and encode agree for every plane") {
  for (char32_t cp : {U'a', U'\u00E9', U'\u2013', U'\uC11C', U'\U0001F44D', U'\U0010FFFF'}) {
    std::string s;
    append_utf8(s, cp);
    CHECK_FALSE(find_invalid_utf8(s).has_value());
    size_t i = 0;
    CHECK(decode_next(s, i) == cp);
    CHECK(i == s.size());
  }
}

TEST_CASE("one_line: whitespace runs become one space; long quotes are cut at a word in their second half") {
  CHECK(one_line("  a\n\nb\tc  ", 100, "…") == "a b c");
  CHECK(one_line("", 10, "…").empty());
  CHECK(one_line("kerja sama", 10, "…") == "kerja sama");           // exactly the limit: kept whole
  CHECK(one_line("kerja sama Jakarta", 12, "…") == "kerja sama…");  // cut at the last space
  CHECK(one_line("kerja sama Jakarta", 12, " …") == "kerja sama …");
  CHECK(one_line("ab cdefghijklmnop", 10, "…") == "ab cdefghi…");        // space in the first half: cut inside the word
  CHECK(one_line("서울 특별시 서울 특별시", 6, "…") == "서울 특별시…");  // counted in code points, not bytes
}
