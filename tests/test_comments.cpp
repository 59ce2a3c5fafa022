// Reviewers' comments of imported files (issue 19, item 10): Word comments
// and ODT annotations become codings of the code "Imported comments" on the
// commented text, the comment as the coding's memo (src/ingest/comments.h),
// in the import's one undoable action.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "ingest/batch.h"
#include "ingest/comments.h"
#include "ingest/importer.h"
#include "store/project.h"
#include "text/utf8.h"
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"  // the helpers serve test_exchange.cpp too
#include "fixtures/exchange/helpers.h"
#pragma GCC diagnostic pop

namespace fs = std::filesystem;
using namespace telaah;
using exchange_test::TempDir;

namespace {

const fs::path kFixtures = fs::path(TELAAH_SOURCE_DIR) / "tests" / "fixtures" / "ingest";

std::string slurp(const fs::path& f) {
  std::ifstream in(f, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// An ODT written by hand: a ranged annotation inside a paragraph, one whose
// range runs into the next paragraph (two paragraphs of comment text), and
// one without a range (a point at a paragraph's end).
std::string odt_content() {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.2"><office:body><office:text>
<text:h text:outline-level="1">Laporan Kunjungan</text:h>
<text:p>Kerja sama <office:annotation office:name="c1"><dc:creator>Rina</dc:creator><dc:date>2016-04-22T09:00:00</dc:date><text:p>Perlu data 2016.</text:p></office:annotation>sister-city Jakarta<office:annotation-end office:name="c1"/> berjalan baik.</text:p>
<text:p>Anggaran <office:annotation office:name="c2"><dc:creator>Budi</dc:creator><dc:date>2016-04-23T10:00:00</dc:date><text:p>Berapa besarnya?</text:p><text:p>Bandingkan dengan 2014.</text:p></office:annotation>perjalanan terbatas.</text:p>
<text:p>Yang kedua<office:annotation-end office:name="c2"/> menyusul.</text:p>
<text:p>Penutup tanpa rentang.<office:annotation><dc:creator>Sari</dc:creator><text:p>Tambahkan rekomendasi.</text:p></office:annotation></text:p>
</office:text></office:body></office:document-content>)";
}

void write_odt(const fs::path& f) {
  exchange_test::make_zip(f, {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", odt_content()}});
}

// The codings of "Imported comments" in a document: quote -> memo.
std::map<std::string, std::string> comment_codings(store::Project& p, store::Id doc) {
  std::map<std::string, std::string> out;
  const store::Id code = p.resolve_code(ingest::kCommentsCode);
  store::CodingFilter f;
  f.doc = doc;
  f.codes = {code};
  const std::string text = p.text(doc);
  text::OffsetMap m(text);
  for (const auto& c : p.codings(f))
    out[std::string(text::slice_cp(text, m, static_cast<size_t>(c.start), static_cast<size_t>(c.end)))] = c.memo;
  return out;
}

}  // namespace

TEST_CASE("ODT annotations are read with the span they are anchored on") {
  TempDir t("comments-odt");
  write_odt(t / "a.odt");
  const ingest::Extracted e = ingest::extract("a.odt", slurp(t / "a.odt"), {});
  CHECK(e.text.find("Perlu data") == std::string::npos);  // the comment is not part of the text
  CHECK(e.text.find("Kerja sama sister-city Jakarta berjalan baik.") != std::string::npos);
  REQUIRE(e.comments.size() == 3);
  text::OffsetMap m(e.text);
  auto quote = [&](const ingest::Comment& c) {
    return std::string(text::slice_cp(e.text, m, static_cast<size_t>(c.start), static_cast<size_t>(c.end)));
  };
  CHECK(e.comments[0].author == "Rina");
  CHECK(e.comments[0].date == "2016-04-22");
  CHECK(e.comments[0].text == "Perlu data 2016.");
  CHECK(quote(e.comments[0]) == "sister-city Jakarta");
  CHECK(e.comments[1].author == "Budi");
  CHECK(e.comments[1].text == "Berapa besarnya?\nBandingkan dengan 2014.");
  CHECK(quote(e.comments[1]) == "perjalanan terbatas.\n\nYang kedua");
  CHECK(e.comments[2].author == "Sari");
  CHECK(e.comments[2].date == "");
  CHECK(e.comments[2].start == e.comments[2].end);  // a point
  size_t noted = 0;
  for (const auto& n : e.notes) noted += n.rfind("Comment by ", 0) == 0;
  CHECK(noted == 3);
}

TEST_CASE("comment spans: a range as it is, a point on its paragraph") {
  const std::vector<text::Block> blocks = {{0, 10, "p", "", 0}, {12, 30, "p", "", 0}, {32, 40, "p", "", 0}};
  struct Case {
    int64_t start, end, want_start, want_end;
  };
  const Case cases[] = {
      {3, 7, 3, 7},      // a range
      {5, 35, 5, 35},    // a range across blocks
      {15, 15, 12, 30},  // a point inside a block
      {30, 30, 12, 30},  // a point at a block's end belongs to it
      {11, 11, 0, 10},   // between blocks: the block before
      {50, 50, 32, 40},  // after the text: the last block
  };
  for (const auto& c : cases) {
    CAPTURE(c.start);
    ingest::Comment cm;
    cm.start = c.start;
    cm.end = c.end;
    const auto [s, e] = ingest::comment_span(cm, blocks);
    CHECK(s == c.want_start);
    CHECK(e == c.want_end);
  }
  ingest::Comment cm;
  CHECK(ingest::comment_span(cm, {}) == std::pair<int64_t, int64_t>{0, 0});  // no text: nowhere to keep it
  cm.author = "Rina";
  cm.date = "2016-04-22";
  cm.text = "Perlu data 2016.";
  CHECK(ingest::comment_memo(cm, "docx") == "Word comment by Rina (2016-04-22): Perlu data 2016.");
  cm.author.clear();
  cm.date.clear();
  CHECK(ingest::comment_memo(cm, "odt") == "Comment: Perlu data 2016.");
}

TEST_CASE("importing a DOCX and an ODT keeps their comments as codings with the comment as memo, in one action") {
  TempDir t("comments-import");
  write_odt(t / "a.odt");
  fs::copy_file(kFixtures / "comments.docx", t / "comments.docx");
  auto p = store::Project::create(t / "c.telaah");
  p->set_coder("ayu");
  const int64_t rev0 = p->revision();
  const size_t codes0 = p->codes().size();

  ingest::FileSpec s;
  s.path = t / "comments.docx";
  auto r = ingest::import_files(*p, {s}, {});
  REQUIRE(r.imported() == 1);
  const store::Id docx = r.files[0].doc;
  CHECK(p->revision() == rev0 + 1);  // documents, the code and the codings: one action
  CHECK(p->codes().size() == codes0 + 1);
  const auto got = comment_codings(*p, docx);
  // The fixture's five comments (tests/fixtures/ingest/make_comments_docx.py);
  // the last has no range and is kept on its paragraph.
  const std::map<std::string, std::string> want = {
      {"sister-city Jakarta", "Word comment by Rina (2016-04-22): Perlu data 2016."},
      {"anggaran perjalanan\n\nyang terbatas",
       "Word comment by Budi (2016-04-23): Berapa besarnya?\nBandingkan dengan 2014."},
      {"data kunjungan 2015", "Word comment by Rina (2016-04-24): Sumber: laporan biro."},
      {"69,7", "Word comment by Sari & Tim (2016-04-25): Angka sementara."},
      {"Penutup tanpa rentang.", "Word comment by Budi: Tambahkan rekomendasi."},
  };
  CHECK(got == want);
  for (const auto& c : p->codings())
    if (c.doc == docx) {
      CHECK(c.coder == *p->find_coder("ayu"));  // the coder who imported
      CHECK(c.origin == "import: comments.docx (comment)");
    }
  bool reported = false;
  for (const auto& n : r.files[0].notes)
    reported |= n ==
                "5 comment(s) kept as codings of the code 'Imported comments' on the commented text, each with "
                "the comment as its memo";
  CHECK(reported);

  // A second file's comments go to the same code.
  s.path = t / "a.odt";
  r = ingest::import_files(*p, {s}, {});
  REQUIRE(r.imported() == 1);
  CHECK(p->codes().size() == codes0 + 1);
  const auto odt = comment_codings(*p, r.files[0].doc);
  CHECK(odt == std::map<std::string, std::string>{
                   {"sister-city Jakarta", "Comment by Rina (2016-04-22): Perlu data 2016."},
                   {"perjalanan terbatas.\n\nYang kedua",
                    "Comment by Budi (2016-04-23): Berapa besarnya?\nBandingkan dengan 2014."},
                   {"Penutup tanpa rentang.", "Comment by Sari: Tambahkan rekomendasi."},
               });

  // Undo takes the document and its comment codings; undoing the first import
  // takes the code too.
  p->undo();
  CHECK(p->codings().size() == 5);
  p->undo();
  CHECK(p->codings().empty());
  CHECK(p->documents().empty());
  CHECK(p->codes().size() == codes0);
}

TEST_CASE("a file without comments adds no code") {
  TempDir t("comments-none");
  std::ofstream(t / "a.txt") << "Kerja sama berjalan baik.\n";
  auto p = store::Project::create(t / "c.telaah");
  const size_t codes0 = p->codes().size();
  ingest::FileSpec s;
  s.path = t / "a.txt";
  auto r = ingest::import_files(*p, {s}, {});
  REQUIRE(r.imported() == 1);
  CHECK(p->codes().size() == codes0);
  CHECK(p->codings().empty());
}
