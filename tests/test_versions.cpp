// New versions of a document (issue 24): the rule that carries codings across
// a character diff (ingest/version_diff.h), table by table, and the whole
// replacement through the store with undo and redo.
#include <doctest/doctest.h>

#include <fstream>

#include "helpers/project_fixture.h"
#include "helpers/temp_dir.h"
#include "ingest/replace.h"
#include "ingest/version_diff.h"
#include "text/utf8.h"

using namespace telaah;
using namespace telaah::ingest;

namespace {

const std::string kOld =
    "Para satu tentang kota Jakarta.\n\n"
    "Para dua berisi kode penting tentang anggaran.\n\n"
    "Para tiga dihapus nanti oleh kementerian.\n\n"
    "Para empat tetap di tempat semula.\n\n"
    "Singkat saja.";

// The span of `needle` in `text` (all texts here are ASCII: bytes are code points).
Span at(const std::string& text, const std::string& needle) {
  const size_t p = text.find(needle);
  REQUIRE_MESSAGE(p != std::string::npos, needle);
  return {static_cast<int64_t>(p), static_cast<int64_t>(p + needle.size())};
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const size_t p = s.find(from);
  REQUIRE(p != std::string::npos);
  return s.replace(p, from.size(), to);
}

}  // namespace

TEST_CASE("Codings carried to a new version: edits before, inside and after; deleted and moved paragraphs") {
  const std::string kode = "kode penting";
  struct Case {
    const char* label;
    std::string new_text;
    std::string coded;  // the coded text in kOld
    Carry how;
    std::string expected;  // the text of the new span
    std::string anchor;    // where in the new text to look for it ("" = from the start)
  };
  const std::string moved_text =
      "Singkat saja.\n\n" + kOld.substr(0, kOld.rfind("\n\nSingkat saja."));  // the last paragraph moved first
  const Case cases[] = {
      {"insertion before the coding", replaced(kOld, "Para dua", "Para kedua yang baru"), kode, Carry::unchanged, kode,
       ""},
      {"insertion in an earlier paragraph", "Judul Laporan.\n\n" + kOld, kode, Carry::unchanged, kode, ""},
      {"insertion after the coding", replaced(kOld, "anggaran.", "anggaran daerah tahun 2015."), kode, Carry::unchanged,
       kode, ""},
      {"insertion inside the coding", replaced(kOld, "kode penting", "kode yang sangat penting"), kode, Carry::changed,
       "kode yang sangat penting", ""},
      {"a word of the coding deleted (more than half kept)",
       replaced(kOld, "berisi kode penting tentang", "berisi kode tentang"), "berisi kode penting tentang",
       Carry::changed, "berisi kode tentang", ""},
      {"the coded paragraph deleted", replaced(kOld, "Para tiga dihapus nanti oleh kementerian.\n\n", ""),
       "Para tiga dihapus nanti oleh kementerian.", Carry::vanished, "Para", "Para empat"},
      {"the coded paragraph moved to the start", moved_text, "Singkat saja.", Carry::moved, "Singkat saja.", ""},
      {"another paragraph moved: the coding follows its shifted text", moved_text, kode, Carry::unchanged, kode, ""},
      {"the whole text replaced by one with no letter in common", "12345 67890.", kode, Carry::vanished, "67890.", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.label);
    const auto out = carry_spans(kOld, c.new_text, {at(kOld, c.coded)});
    REQUIRE(out.size() == 1);
    CHECK(to_string(out[0].how) == std::string(to_string(c.how)));
    const size_t from = c.new_text.find(c.anchor);
    REQUIRE(from != std::string::npos);
    const Span shift = at(c.new_text.substr(from), c.expected);
    const Span want{shift.start + static_cast<int64_t>(from), shift.end + static_cast<int64_t>(from)};
    CHECK(out[0].to.start == want.start);
    CHECK(out[0].to.end == want.end);
  }
}

TEST_CASE("Hand-computed offsets: several codings in one diff") {
  // old: "abc def ghi" — codings "abc" 0-3, "def" 4-7, "ghi" 8-11.
  // new: "XX abc de-f ghi": "abc" moves by 3 to 3-6; "def" gets a hyphen inside: 7-11 changed;
  // "ghi" moves by 4 to 12-15.
  const auto out = carry_spans("abc def ghi", "XX abc de-f ghi", {{0, 3}, {4, 7}, {8, 11}});
  REQUIRE(out.size() == 3);
  CHECK(out[0].how == Carry::unchanged);
  CHECK(out[0].to.start == 3);
  CHECK(out[0].to.end == 6);
  CHECK(out[1].how == Carry::changed);
  CHECK(out[1].to.start == 7);
  CHECK(out[1].to.end == 11);
  CHECK(out[2].how == Carry::unchanged);
  CHECK(out[2].to.start == 12);
  CHECK(out[2].to.end == 15);
  // Code points, not bytes: "é" before the coding shifts it by one.
  const auto u = carry_spans("kota Seoul", "kéta Seoul", {{5, 10}});
  CHECK(u[0].how == Carry::unchanged);
  CHECK(u[0].to.start == 5);
  CHECK(u[0].to.end == 10);
}

TEST_CASE("Replacing a document through the store: one undoable action, old text kept, index follows") {
  test::TempDir dir;
  auto p = store::Project::create(dir / "p.telaah");
  p->set_coder("ana");
  auto nd = test::new_doc("Laporan", kOld, "official");
  const store::Id doc = p->add_document(nd);
  store::Code code;
  code.name = "Anggaran";
  const store::Id k = p->add_code(code);
  const Span s1 = at(kOld, "kode penting"), s2 = at(kOld, "Para tiga dihapus nanti oleh kementerian.");
  store::Coding c1;
  c1.doc = doc;
  c1.code = k;
  c1.start = s1.start;
  c1.end = s1.end;
  c1.memo = "catatan";
  const store::Id id1 = p->add_coding(c1);
  store::Coding c2 = c1;
  c2.start = s2.start;
  c2.end = s2.end;
  c2.memo = "";
  const store::Id id2 = p->add_coding(c2);
  const std::string before = test::dump(*p);

  const std::string fresh = "Judul Baru.\n\n" + replaced(kOld, "Para tiga dihapus nanti oleh kementerian.\n\n", "");
  std::ofstream(dir / "laporan-v2.txt") << fresh;
  const auto r = replace_document(*p, doc, dir / "laporan-v2.txt", {});
  CHECK(r.version == 1);
  CHECK(r.count(Carry::unchanged) == 1);
  CHECK(r.count(Carry::vanished) == 1);
  CHECK(p->text(doc) == fresh);
  const Span n1 = at(fresh, "kode penting");
  const auto cs = p->codings(store::CodingFilter{doc, {}, {}, {}, {}});
  REQUIRE(cs.size() == 2);
  for (const auto& c : cs) {
    if (c.id == id1) {
      CHECK(c.start == n1.start);
      CHECK(c.end == n1.end);
      CHECK(c.memo == "catatan");
    } else {
      CHECK(c.id == id2);
      CHECK(c.start == at(fresh, "Para empat").start);
    }
  }
  REQUIRE(p->document_versions(doc).size() == 1);
  CHECK(p->version_text(doc, 1) == kOld);
  CHECK(p->document(doc).original_name == "Laporan.txt");  // the stored original stays the first import's
  const std::string after = test::dump(*p);

  // One action: undo brings back the old text, paragraphs and offsets; redo the new.
  p->undo();
  CHECK(test::dump(*p) == before);
  CHECK(p->document_versions(doc).empty());
  p->redo();
  CHECK(test::dump(*p) == after);

  // The same file again is refused and changes nothing.
  CHECK_THROWS_WITH_AS(replace_document(*p, doc, dir / "laporan-v2.txt", {}),
                       doctest::Contains("the same as the current version"), ImportError);
  CHECK(test::dump(*p) == after);
  const auto problems = p->check();
  for (const auto& pr : problems) MESSAGE(pr);
  CHECK(problems.empty());
}
