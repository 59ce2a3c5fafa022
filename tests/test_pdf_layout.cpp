// PDF reading order and Word comments (issue 19, item 10).
//
// Synthetic pages, table by table, for each rule of pdf_layout (column
// order, line-end hyphens, running headers, footnotes that interrupt a
// paragraph); then real PDFs written by cairo in two-column and side-column
// layouts (tests/fixtures/ingest/make_layout_pdf.py), measured against the
// text they were drawn from by word-bigram agreement; then Word comments
// from a hand-written DOCX and from pandoc's DOCX writer
// (tests/fixtures/ingest/make_comments_docx.py).
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "ingest/importer.h"
#include "ingest/pdf_layout.h"
#include "text/utf8.h"

namespace fs = std::filesystem;
using namespace telaah;
using namespace telaah::ingest;

namespace {

const fs::path kFixtures = fs::path(TELAAH_SOURCE_DIR) / "tests/fixtures/ingest";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing fixture " << p.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One visual line placed on a page: words 5.5 pt per character, 3 pt apart.
struct L {
  std::string text;
  double x, y;
  double size = 10;
  bool bold = false;
};

void add_line(pdf::Page& pg, const L& l) {
  std::stringstream ss(l.text);
  std::vector<std::string> ws;
  for (std::string w; ss >> w;) ws.push_back(w);
  double x = l.x;
  const double per = 0.55 * l.size;
  for (size_t k = 0; k < ws.size(); ++k) {
    pdf::Word w;
    w.text = ws[k];
    w.x0 = x;
    w.x1 = x + per * static_cast<double>(text::count_code_points(ws[k]));
    w.y0 = l.y;
    w.y1 = l.y + l.size * 1.16;
    w.size = l.size;
    w.bold = l.bold;
    w.space_after = k + 1 < ws.size();
    x = w.x1 + 0.3 * l.size;
    pg.words.push_back(std::move(w));
  }
}

// A page from lines given in the order poppler hands them over.
pdf::Page page_of(const std::vector<L>& lines) {
  pdf::Page pg;
  pg.width = 595;
  pg.height = 842;
  for (const auto& l : lines) add_line(pg, l);
  return pg;
}

std::vector<std::string> texts(const pdf::Layout& lay) {
  std::vector<std::string> out;
  for (const auto& b : lay.blocks) out.push_back(b.text);
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " | ") + x;
  return s;
}

// Lower-cased words: runs of letters and digits, inner hyphens and apostrophes kept
// (the same tokenisation as scripts/pdf-order-agreement.py).
std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    while (!cur.empty() && (cur.back() == '-' || cur.back() == '\'')) cur.pop_back();
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    const char32_t c = text::decode_next(s, i);
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0;
    if (alnum && c != 0x2013 && c != 0x2014 && c != 0x2019 && c != 0x201C && c != 0x201D && c != 0xAD) {
      std::string u = s.substr(at, i - at);
      if (u.size() == 1) u[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(u[0])));
      cur += u;
    } else if ((c == '-' || c == '\'') && !cur.empty()) {
      cur += static_cast<char>(c);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// Share of the source's word bigrams (multiset) that the extraction has too.
double bigram_agreement(const std::string& source, const std::string& extracted) {
  auto count = [](const std::vector<std::string>& w) {
    std::map<std::pair<std::string, std::string>, int> m;
    for (size_t k = 1; k < w.size(); ++k) ++m[{w[k - 1], w[k]}];
    return m;
  };
  const auto s = words_of(source), e = words_of(extracted);
  auto sb = count(s), eb = count(e);
  int hit = 0, total = 0;
  for (const auto& [k, n] : sb) {
    total += n;
    auto it = eb.find(k);
    if (it != eb.end()) hit += std::min(n, it->second);
  }
  return total ? static_cast<double>(hit) / total : 1.0;
}

size_t count_of(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("bigram agreement: hand-computed values") {
  // 4 source bigrams: (a b) (b c) (c d) (d e)
  CHECK(bigram_agreement("a b c d e", "a b c d e") == doctest::Approx(1.0));
  CHECK(bigram_agreement("a b c d e", "c d e a b") == doctest::Approx(0.75));  // (b c) lost
  CHECK(bigram_agreement("a b c d e", "a b c- d e") == doctest::Approx(1.0));  // a trailing hyphen is not a letter
  CHECK(bigram_agreement("a b c d e", "a b cd e") == doctest::Approx(0.25));   // (b c) (c d) (d e) lost
  CHECK(bigram_agreement("x sister-city y", "x sister city y") == doctest::Approx(0.0));
  CHECK(words_of("Compila- tion, e-mail 2011-2015") ==
        std::vector<std::string>{"compila", "tion", "e-mail", "2011-2015"});
}

TEST_CASE("PDF layout: reading order of columns, side columns and line groups") {
  struct Case {
    const char* name;
    std::vector<L> lines;  // in poppler's order
    std::vector<std::string> blocks;
  };
  const double lx = 54, rx = 310;  // two columns of 230 pt, a 26 pt gutter
  const Case cases[] = {
      {"a line group of the right column read too early",
       {{"The left column begins here", lx, 100},
        {"and goes on for a while.", lx, 112},
        {"Right column text starts", rx, 100},
        {"at the top of the page.", rx, 112},
        {"Still the left column", lx, 124},
        {"ends on this line.", lx, 136},
        {"Then the right column", rx, 124},
        {"ends as well.", rx, 136}},
       {"The left column begins here and goes on for a while. Still the left column ends on this line.",
        "Right column text starts at the top of the page. Then the right column ends as well."}},
      {"General Terms: a wrapped line read before the line it continues",
       {{"General Terms", lx, 300, 10, true}, {"mance.", lx, 324}, {"Design, Languages, Perfor-", lx, 312}},
       {"General Terms", "Design, Languages, Performance."}},
      {"full-width title and abstract above two columns, abstract lines 3-4 read first",
       {{"A Title Across the Page", 150, 60, 16, true},
        {"of the abstract before the first ones.", lx, 124},
        {"and a fourth line closes it with a stop.", lx, 136},
        {"Abstract: the first line of a long abstract", lx, 100},
        {"runs across the whole page and the third line", lx, 112},
        {"Left column paragraph here and", lx, 170},
        {"Right column paragraph here and", rx, 170},
        {"left column second line and", lx, 182},
        {"right column second line and", rx, 182},
        {"left column third line ends.", lx, 194},
        {"right column third line ends.", rx, 194}},
       {"A Title Across the Page",
        "Abstract: the first line of a long abstract runs across the whole page and the third line of the abstract "
        "before the first ones. and a fourth line closes it with a stop.",
        "Left column paragraph here and left column second line and left column third line ends.",
        "Right column paragraph here and right column second line and right column third line ends."}},
      {"a narrow side column beside the main column, on the same baselines, is not mixed into it",
       {{"Main text of the report starts", 200, 100},
        {"Key facts", lx, 100, 10, true},
        {"and it runs on down the page", 200, 112},
        {"12 partner cities", lx, 124},
        {"with no break at all until", 200, 124},
        {"the sentence is over and the", 200, 136},
        {"main column goes on for some", 200, 148},
        {"lines more below the side column", 200, 160},
        {"than a table row would do.", 200, 172}},
       {"Key facts", "12 partner cities",
        "Main text of the report starts and it runs on down the page with no break at all until the sentence is "
        "over and the main column goes on for some lines more below the side column than a table row would do."}},
      {"a footnote at the foot of the left column does not cut a word that goes on in the right column",
       {{"This paragraph runs down the left", lx, 600},
        {"column and ends with a compila-", lx, 612},
        {"1 A footnote in small type.", lx, 640, 7},
        {"tion that the right column finishes.", rx, 100},
        {"Another paragraph.", rx, 124}},
       {"This paragraph runs down the left column and ends with a compilation that the right column finishes.",
        "1 A footnote in small type.", "Another paragraph."}},
      {"one column: nothing reordered",
       {{"A heading", lx, 80, 14, true}, {"First line of text that is long", lx, 110}, {"second line.", lx, 122}},
       {"A heading", "First line of text that is long second line."}},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    const auto lay = pdf::layout({page_of(c.lines)});
    CHECK(joined(texts(lay)) == joined(c.blocks));
  }
}

TEST_CASE("PDF layout: a table's rows stay rows when columns are ordered") {
  // Three table columns 60+ pt apart on every row: one line per row, never split into page columns.
  const auto lay = pdf::layout({page_of({{"Tahun", 72, 100},
                                         {"Ekspor", 250, 100},
                                         {"Catatan", 420, 100},
                                         {"2011", 72, 116},
                                         {"24,2", 250, 116},
                                         {"awal", 420, 116},
                                         {"2015", 72, 132},
                                         {"69,7", 250, 132},
                                         {"naik", 420, 132}})});
  CHECK(joined(texts(lay)) == "Tahun\tEkspor\tCatatan | 2011\t24,2\tawal | 2015\t69,7\tnaik");
}

TEST_CASE("PDF layout: hyphens at line, column and page ends (the rule in pdf_layout.h)") {
  struct Case {
    const char* line1;
    const char* line2;
    const char* elsewhere;  // another paragraph of the same document ("" = none)
    const char* joined;
  };
  const Case cases[] = {
      {"nilai perda-", "gangan naik", "", "nilai perdagangan naik"},               // lower + lower: broken word
      {"the first Compila-", "tion step", "", "the first Compilation step"},       // capital at the word start
      {"kerja sama Jakarta-", "Seoul erat", "", "kerja sama Jakarta-Seoul erat"},  // capital after: a true hyphen
      {"banyak kota-", "kota mitra", "", "banyak kota-kota mitra"},                // reduplication
      {"tahun 2011-", "2015 naik", "", "tahun 2011-2015 naik"},                    // digits: a range
      {"surat dan e-", "mail dari", "", "surat dan e-mail dari"},                  // a known prefix
      {"yang self-", "evident sekali", "", "yang self-evident sekali"},            // a known prefix
      {"program sister-", "city kami", "Program sister-city Jakarta.", "program sister-city kami"},  // attested
      {"program sister-", "city kami", "", "program sistercity kami"},  // not attested: the rule joins
      {"our Trace-", "Monkey compiler", "We built TraceMonkey.", "our TraceMonkey compiler"},  // attested joined
      {"our Trace-", "Monkey compiler", "", "our Trace-Monkey compiler"},  // capital after, not attested
      {"the trans-", "lation step", "A translation.", "the translation step"},
      {"biasa saja", "lanjut lagi", "", "biasa saja lanjut lagi"},
  };
  for (const auto& c : cases) {
    const std::string line1 = c.line1, elsewhere = c.elsewhere;
    CAPTURE(line1);
    CAPTURE(elsewhere);
    std::vector<L> lines = {{c.line1, 68, 100}, {c.line2, 68, 114.6}};
    if (*c.elsewhere) lines.push_back({c.elsewhere, 68, 300});
    const auto lay = pdf::layout({page_of(lines)});
    REQUIRE(!lay.blocks.empty());
    CHECK(lay.blocks[0].text == c.joined);
  }
  // Across a page: the last line of page 1 and the first of page 2.
  const auto lay = pdf::layout({page_of({{"Paragraf ini berlanjut ke halaman berikut dengan kata perda-", 68, 700}}),
                                page_of({{"gangan yang dipenggal.", 68, 80}})});
  REQUIRE(lay.blocks.size() == 1);
  CHECK(lay.blocks[0].text == "Paragraf ini berlanjut ke halaman berikut dengan kata perdagangan yang dipenggal.");
  CHECK(lay.hyphens_repaired == 1);
}

TEST_CASE("PDF layout: running headers are repeated lines in the same place, not first-page text") {
  const std::string journal = "Jurnal Tata Kelola Daerah 12(3), 2015";
  auto body = [](int p) { return L{"Body text of page " + std::to_string(p) + ".", 68, 300}; };
  struct Case {
    const char* name;
    std::vector<std::vector<L>> pages;
    std::vector<std::string> blocks;
    size_t removed;
  };
  const Case cases[] = {
      {"the journal name of a first-page citation (bottom) is not the running header (top) of pages 2-3",
       {{body(1),
         {"Cite as: D. Sari. Tracing.", 68, 770, 7},
         {journal, 68, 780, 7},
         {"Received 2 March 2015.", 68, 790, 7}},
        {{journal, 68, 30, 8}, body(2), {"45", 290, 800, 8}},
        {{journal, 68, 30, 8}, body(3), {"46", 290, 800, 8}}},
       {"Body text of page 1.", "Cite as: D. Sari. Tracing. " + journal + " Received 2 March 2015.",
        "Body text of page 2.", "Body text of page 3."},
       4},
      {"the same header in the same place on every page, page 1 included",
       {{{journal, 68, 30, 8}, body(1)}, {{journal, 68, 30, 8}, body(2)}, {{journal, 68, 30, 8}, body(3)}},
       {"Body text of page 1.", "Body text of page 2.", "Body text of page 3."},
       3},
      {"a first-page line at the top that does not repeat stays",
       {{{"Laporan Khusus", 68, 30, 8}, body(1)}, {{journal, 68, 30, 8}, body(2)}, {{journal, 68, 30, 8}, body(3)}},
       {"Laporan Khusus", "Body text of page 1.", "Body text of page 2.", "Body text of page 3."},
       2},
      {"a header that moves on one page is still a header where it repeats",
       {{{journal, 68, 60, 8}, body(1)},
        {{journal, 68, 30, 8}, body(2)},
        {{journal, 68, 30, 8}, body(3)},
        {{journal, 68, 30, 8}, body(4)}},
       {journal, "Body text of page 1.", "Body text of page 2.", "Body text of page 3.", "Body text of page 4."},
       3},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    std::vector<pdf::Page> pages;
    for (const auto& p : c.pages) pages.push_back(page_of(p));
    const auto lay = pdf::layout(pages);
    CHECK(joined(texts(lay)) == joined(c.blocks));
    CHECK(lay.furniture_removed == c.removed);
  }
}

TEST_CASE("PDF reading order of real two-column and side-column PDFs (cairo), against their source text") {
  struct Case {
    const char* pdf;
    const char* source;
    double min_agreement;  // share of the source's word bigrams in Telaah's text
  };
  const Case cases[] = {{"paper-2col.pdf", "paper-2col.txt", 0.995}, {"report-side.pdf", "report-side.txt", 0.99}};
  for (const auto& c : cases) {
    const std::string pdf = c.pdf;
    CAPTURE(pdf);
    const std::string source = slurp(kFixtures / c.source);
    const Extracted e = extract_pdf_in_process(c.pdf, slurp(kFixtures / c.pdf), {});
    const double a = bigram_agreement(source, e.text);
    MESSAGE(pdf << ": word-bigram agreement with the source " << a * 100 << "%");
    CHECK(a >= c.min_agreement);
  }

  const Extracted paper = extract_pdf_in_process("paper-2col.pdf", slurp(kFixtures / "paper-2col.pdf"), {});
  const std::string& t = paper.text;
  // The abstract in order, and the General Terms line group whole.
  CHECK(t.find("Dynamic languages such as JavaScript are difficult to compile efficiently because the types of values "
               "are only known while the program runs. We present") != std::string::npos);
  CHECK(t.find("General Terms\n\nDesign, Languages, Performance.\n\nKeywords") != std::string::npos);
  // Words broken at a line end, a column end (with a footnote between) and a page end.
  CHECK(t.find("keeps compilation cheap") != std::string::npos);
  CHECK(t.find("executes simultaneously with the types of the operands") != std::string::npos);
  CHECK(t.find("which matters for the short running scripts") != std::string::npos);
  CHECK(count_of(t, "TraceMonkey") == 3);
  CHECK(t.find("just-in-time") != std::string::npos);
  // The footnote follows the paragraph it interrupted.
  CHECK(t.find("instructions.\n\n1 An earlier version") != std::string::npos);
  // The journal name stays in the first-page citation; the running header and page numbers go.
  CHECK(count_of(t, "Jurnal Tata Kelola Daerah 12(3), 2015") == 1);
  CHECK(t.find("Trace-based compilation for dynamic languages. Jurnal Tata Kelola Daerah 12(3), 2015") !=
        std::string::npos);
  CHECK(t.find("\n\n45\n\n") == std::string::npos);

  const Extracted report = extract_pdf_in_process("report-side.pdf", slurp(kFixtures / "report-side.pdf"), {});
  const std::string& r = report.text;
  for (const char* w : {"sister-city Jakarta", "2011-2015 biro", "e-mail dari", "Jakarta-Seoul", "kota-kota mitra",
                        "keberhasilan kelembagaan untuk"})
    CHECK_MESSAGE(r.find(w) != std::string::npos, std::string(w));
  // The side column is its own blocks, before the main column; the summary whole.
  CHECK(r.find("Fakta utama\n\n12 kota mitra") != std::string::npos);
  CHECK(r.find("dengan kota mitra di Asia dan Eropa selama periode 2011-2015. Penilaian memakai dokumen resmi, "
               "wawancara dengan pejabat biro") != std::string::npos);
  CHECK(r.find("Laporan Evaluasi Kerja Sama Daerah") == std::string::npos);  // the running footer
}

TEST_CASE("DOCX: Word comments kept with the span they are anchored on") {
  struct Want {
    const char* author;
    const char* date;
    const char* quote;  // the anchored text
    const char* text;
  };
  struct Case {
    const char* file;
    std::vector<Want> comments;
  };
  const Case cases[] = {
      {"comments.docx",
       {{"Rina", "2016-04-22", "sister-city Jakarta", "Perlu data 2016."},
        {"Budi", "2016-04-23", "anggaran perjalanan\n\nyang terbatas", "Berapa besarnya?\nBandingkan dengan 2014."},
        {"Rina", "2016-04-24", "data kunjungan 2015", "Sumber: laporan biro."},
        {"Sari & Tim", "2016-04-25", "69,7", "Angka sementara."},
        {"Budi", "", "", "Tambahkan rekomendasi."}}},
      {"comments-pandoc.docx",
       {{"Rina", "2016-04-22", "sister-city Jakarta", "Perlu data 2016."},
        {"Budi", "2016-04-23", "anggaran perjalanan yang terbatas", "Berapa besarnya?"}}},
  };
  for (const auto& c : cases) {
    const std::string file = c.file;
    CAPTURE(file);
    const Extracted e = extract(c.file, slurp(kFixtures / c.file));
    REQUIRE(e.comments.size() == c.comments.size());
    text::OffsetMap m(e.text);
    for (size_t k = 0; k < c.comments.size(); ++k) {
      CAPTURE(k);
      const auto& got = e.comments[k];
      CHECK(got.author == c.comments[k].author);
      CHECK(got.date == c.comments[k].date);
      CHECK(got.text == c.comments[k].text);
      REQUIRE(got.start <= got.end);
      CHECK(std::string(text::slice_cp(e.text, m, got.start, got.end)) == c.comments[k].quote);
    }
    // The import report says so, once per comment.
    size_t noted = 0;
    for (const auto& n : e.notes) noted += n.rfind("Word comment", 0) == 0;
    CHECK(noted == c.comments.size());
  }
  // The text itself is what it was without comments: nothing of the comment in it.
  const Extracted e = extract("comments.docx", slurp(kFixtures / "comments.docx"));
  CHECK(e.text.find("Perlu data") == std::string::npos);
  CHECK(e.text.find("Kerja sama sister-city Jakarta berjalan baik menurut biro.") != std::string::npos);
  CHECK(e.text.find("Tahun\tEkspor\n\n2015\t69,7") != std::string::npos);
}

TEST_CASE("PDF layout: a page of 4,000 lines in two columns, and coordinates that cannot be ordered") {
  std::vector<L> lines;
  for (int k = 0; k < 2000; ++k) {
    lines.push_back({"left column words on line " + std::to_string(k), 54, 10.0 + 12 * k});
    lines.push_back({"right column words on line " + std::to_string(k), 310, 10.0 + 12 * k});
  }
  pdf::Page pg = page_of(lines);
  pg.height = 12 * 2000 + 40;
  const auto t0 = std::chrono::steady_clock::now();
  const auto lay = pdf::layout({pg});
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE("4,000 lines laid out in " << s << " s");
  CHECK(s < 5.0);
  REQUIRE(!lay.blocks.empty());
  CHECK(lay.blocks.front().text.rfind("left column words on line 0 left column words on line 1 ", 0) == 0);
  // NaN and infinite positions (a damaged PDF) are left out, never sorted.
  pdf::Page bad = page_of({{"kept words here", 54, 100}, {"lost", 54, 112}, {"also lost", 54, 124}});
  bad.words[3].x0 = std::nan("");
  bad.words[4].y1 = INFINITY;
  bad.words[5].y1 = INFINITY;
  const auto lb = pdf::layout({bad});
  CHECK(joined(texts(lb)) == "kept words here");
}
