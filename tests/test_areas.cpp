// Area codings (issue 24): a rectangle on a page coded as evidence; its text
// span from the word boxes inside it (project.h), undo and redo.
#include <doctest/doctest.h>

#include <optional>

#include "analysis/retrieval.h"
#include "exchange/exchange.h"
#include "exchange/refi_areas.h"
#include "exchange/report.h"
#include "helpers/project_fixture.h"
#include "helpers/report_fixture.h"
#include "helpers/temp_dir.h"
#include "text/utf8.h"

namespace telaah::test {
// A PNG signature and a pHYs chunk of `dpi` (0: no unit, an aspect ratio only); enough for its header.
inline std::string png_with_dpi(int dpi) {
  auto be32 = [](uint32_t v) {
    return std::string{char(v >> 24), char((v >> 16) & 255), char((v >> 8) & 255), char(v & 255)};
  };
  const uint32_t ppm = static_cast<uint32_t>(dpi * 39.37 + 0.5);
  std::string s = "\x89PNG\r\n\x1a\n";
  s += be32(13) + "IHDR" + be32(100) + be32(100) + std::string("\x08\x00\x00\x00\x00", 5) + be32(0);
  s += be32(9) + "pHYs" + be32(ppm) + be32(ppm) + std::string(1, dpi ? '\x01' : '\x00') + be32(0);
  return s;
}
}  // namespace telaah::test

using namespace telaah;

TEST_CASE("Area codings: the span of the words inside, the page's start when none; undoable") {
  test::TempDir dir;
  auto p = store::Project::create(dir / "p.telaah");
  p->set_coder("ana");
  // Page 1: "Ekspor naik" (0-11); page 2 starts at 13: "Tabel 2015 2016" (13-28).
  auto nd = test::new_doc("Scan", "Ekspor naik\n\nTabel 2015 2016", "official");
  nd.pages = {{1, 0}, {2, 13}};
  auto box = [](int64_t s, int64_t e, int page, double x, double y) {
    store::WordBox b;
    b.start = s;
    b.end = e;
    b.page = page;
    b.x = x;
    b.y = y;
    b.w = 40;
    b.h = 10;
    b.confidence = 90;
    return b;
  };
  nd.word_boxes = {box(0, 6, 1, 50, 50), box(7, 11, 1, 100, 50), box(13, 18, 2, 50, 300), box(19, 23, 2, 100, 300),
                   box(24, 28, 2, 150, 300)};
  const store::Id doc = p->add_document(nd);
  store::Code k;
  k.name = "Ekspor";
  const store::Id code = p->add_code(k);
  const std::string before = test::dump(*p);

  struct Case {
    int page;
    double x, y, w, h;
    int64_t start, end;  // hand-computed from the boxes above
  };
  const Case cases[] = {
      {2, 90, 290, 120, 30, 19, 28},  // centres of "2015" (120,305) and "2016" (170,305) inside
      {2, 0, 0, 595, 842, 13, 28},    // the whole page: all three words
      {1, 45, 45, 50, 20, 0, 6},      // "Ekspor" only (the centre of "naik" at 120 is outside)
      {2, 400, 600, 50, 50, 13, 14},  // no words there: page 2's first character
  };
  for (const auto& c : cases) {
    CAPTURE(c.x);
    store::Coding cd;
    cd.doc = doc;
    cd.code = code;
    const store::Id id = p->add_area_coding(cd, {0, c.page, c.x, c.y, c.w, c.h});
    const auto got = p->coding(id);
    CHECK(got.start == c.start);
    CHECK(got.end == c.end);
    const auto area = p->coding_area(id);
    REQUIRE(area);
    CHECK(area->page == c.page);
    CHECK(area->w == doctest::Approx(c.w));
    // Counted like any coding of the code.
    CHECK(p->codings(store::CodingFilter{doc, {code}, {}, {}, {}}).size() >= 1);
  }
  CHECK(p->coding_areas(doc).size() == 4);
  const std::string with_areas = test::dump(*p);
  // Each area was one action: four undos bring the project back.
  for (int k2 = 0; k2 < 4; ++k2) p->undo();
  CHECK(test::dump(*p) == before);
  CHECK(p->coding_areas(doc).empty());
  for (int k2 = 0; k2 < 4; ++k2) p->redo();
  CHECK(test::dump(*p) == with_areas);
  CHECK(p->coding_areas(doc).size() == 4);

  // Removing the coding removes its area; undo brings both back.
  const store::Id first = p->coding_areas(doc).front().coding;
  p->remove_coding(first);
  CHECK(!p->coding_area(first));
  p->undo();
  CHECK(p->coding_area(first));

  // Bad input: a page the document does not have, an empty rectangle.
  store::Coding cd;
  cd.doc = doc;
  cd.code = code;
  CHECK_THROWS_WITH_AS(p->add_area_coding(cd, {0, 3, 0, 0, 10, 10}), doctest::Contains("has no page 3"),
                       ValidationError);
  CHECK_THROWS_AS(p->add_area_coding(cd, {0, 1, 0, 0, 0, 10}), ValidationError);
  CHECK(p->coding_areas(doc).size() == 4);
  CHECK(p->check().empty());
}

// --- REFI-QDA: PDFSelection / PictureSelection (src/exchange/refi_areas.h) ---

TEST_CASE("REFI area conventions: PDF points from the bottom-left, page from 0; picture pixels at the resolution") {
  using exchange::refi_area::Rect;
  struct PdfCase {
    int page0;
    Rect r;
    double height;
    store::CodingArea want;  // hand-computed: y = height - max(y1, y2), h = |y2 - y1|
  };
  const PdfCase pdf[] = {
      {0, {18, 45, 577, 234}, 842, {0, 1, 18, 608, 559, 189}},  // ATLAS.ti's first selection, A4
      {1, {577, 234, 18, 45}, 842, {0, 2, 18, 608, 559, 189}},  // corners the other way round
      {2, {50, 462, 170, 492}, 792, {0, 3, 50, 300, 120, 30}},  // US letter
      {0, {0, 700, 100, 900}, 842, {0, 1, 0, 0, 100, 142}},     // above the page: cut at its top
  };
  for (const auto& c : pdf) {
    CAPTURE(c.r.y1);
    const auto a = exchange::refi_area::from_pdf(c.page0, c.r, c.height);
    CHECK(a.page == c.want.page);
    CHECK(a.x == doctest::Approx(c.want.x));
    CHECK(a.y == doctest::Approx(c.want.y));
    CHECK(a.w == doctest::Approx(c.want.w));
    CHECK(a.h == doctest::Approx(c.want.h));
  }
  // And back: page from 0, the lower y first.
  int page0 = -1;
  const Rect back = exchange::refi_area::to_pdf({0, 3, 50, 300, 120, 30}, 792, &page0);
  CHECK(page0 == 2);
  CHECK(back.x1 == 50);
  CHECK(back.y1 == 462);
  CHECK(back.x2 == 170);
  CHECK(back.y2 == 492);
  // Pictures: 150 dpi -> 72/150 points a pixel.
  const auto pic = exchange::refi_area::from_picture({75, 150, 375, 300}, 150);
  CHECK(pic.x == doctest::Approx(36));
  CHECK(pic.y == doctest::Approx(72));
  CHECK(pic.w == doctest::Approx(144));
  CHECK(pic.h == doctest::Approx(72));
  const Rect px = exchange::refi_area::to_picture(pic, 150);
  CHECK((px.x1 == 75 && px.y1 == 150 && px.x2 == 375 && px.y2 == 300));

  // Page heights and resolutions read from the files' headers.
  bool found = false;
  CHECK(exchange::refi_area::pdf_page_height("%PDF-1.4\n1 0 obj << /Type /Page /MediaBox [0 0 612 792] >>", &found) ==
        doctest::Approx(792));
  CHECK(found);
  CHECK(exchange::refi_area::pdf_page_height("%PDF-1.5 compressed", &found) == doctest::Approx(842));
  CHECK(!found);
  CHECK(exchange::refi_area::image_dpi(test::png_with_dpi(150)) == doctest::Approx(150));
  CHECK(exchange::refi_area::image_dpi(test::png_with_dpi(0)) == doctest::Approx(300));  // none given
  std::string jfif = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x01\x00\xC8\x00\xC8\x00\x00", 20);
  CHECK(exchange::refi_area::image_dpi(jfif) == doctest::Approx(200));
  jfif[13] = 2;  // dots per cm: 200 * 2.54 = 508
  CHECK(exchange::refi_area::image_dpi(jfif) == doctest::Approx(508));
}

TEST_CASE("Area codings round-trip through .qdpx as PDFSelection and PictureSelection") {
  test::TempDir dir;
  auto p = store::Project::create(dir / "p.telaah");
  p->set_coder("ana");
  auto nd = test::new_doc("Scan", "Ekspor naik\n\nTabel 2015 2016", "official");
  nd.original_name = "scan.pdf";
  nd.original_bytes = "%PDF-1.4\n1 0 obj << /Type /Page /MediaBox [0 0 612 792] >> endobj\n";
  nd.pages = {{1, 0}, {2, 13}};
  auto box = [](int64_t s, int64_t e, int page, double x, double y) {
    store::WordBox b;
    b.start = s;
    b.end = e;
    b.page = page;
    b.x = x;
    b.y = y;
    b.w = 40;
    b.h = 10;
    return b;
  };
  nd.word_boxes = {box(0, 6, 1, 50, 50), box(7, 11, 1, 100, 50), box(13, 18, 2, 50, 300), box(19, 23, 2, 100, 300),
                   box(24, 28, 2, 150, 300)};
  const store::Id doc = p->add_document(nd);
  auto photo = test::new_doc("Foto papan", "Papan nama kantor", "official");
  photo.original_name = "papan.png";
  photo.original_bytes = test::png_with_dpi(150);
  const store::Id pic = p->add_document(photo);
  auto plain = test::new_doc("Catatan", "Tabel ekspor ada di lampiran", "interview");
  const store::Id note = p->add_document(plain);
  store::Code k;
  k.name = "Ekspor";
  const store::Id code = p->add_code(k);
  store::Coding cd;
  cd.doc = doc;
  cd.code = code;
  cd.stance = store::Stance::supports;
  cd.memo = "the table of exports";
  const store::Id a1 = p->add_area_coding(cd, {0, 2, 90, 290, 120, 30});  // "2015 2016"
  cd.memo.clear();
  cd.stance = store::Stance::neutral;
  const store::Id a2 = p->add_area_coding(cd, {0, 1, 45, 45, 50, 20});  // "Ekspor"
  store::Coding text = cd;
  text.start = 7;
  text.end = 11;  // "naik", a text coding beside the areas
  p->add_coding(text);
  store::Coding onpic = cd;
  onpic.doc = pic;
  const store::Id a3 = p->add_area_coding(onpic, {0, 1, 36, 72, 144, 72});  // no words: the first character
  store::Coding onplain = cd;
  onplain.doc = note;
  onplain.start = 0;
  onplain.end = 5;
  p->add_coding(onplain);

  auto s = exchange::export_qdpx(*p, dir / "p.qdpx");
  CHECK(s.count("area selections") == 3);
  auto r = exchange::import_refi(dir / "p.qdpx", dir / "q.telaah");
  MESSAGE(r.to_text());
  CHECK(r.other_selections.found == 3);
  CHECK(r.other_selections.imported == 3);
  CHECK(r.codings.imported == 5);
  auto q = store::Project::open(dir / "q.telaah");
  // Every coding back with its span, stance, memo; every area with its page and rectangle.
  struct Want {
    std::string doc, quote;
    std::optional<store::CodingArea> area;
    store::Stance stance;
  };
  const Want want[] = {
      {"Scan", "2015 2016", store::CodingArea{0, 2, 90, 290, 120, 30}, store::Stance::supports},
      {"Scan", "Ekspor", store::CodingArea{0, 1, 45, 45, 50, 20}, store::Stance::neutral},
      {"Scan", "naik", std::nullopt, store::Stance::neutral},
      {"Foto papan", "P", store::CodingArea{0, 1, 36, 72, 144, 72}, store::Stance::neutral},
      {"Catatan", "Tabel", std::nullopt, store::Stance::neutral},
  };
  (void)a1;
  (void)a2;
  (void)a3;
  const auto got = q->codings();
  REQUIRE(got.size() == std::size(want));
  int matched = 0;
  for (const auto& w : want) {
    CAPTURE(w.quote);
    for (const auto& c : got) {
      const auto d = q->document(c.doc);
      const std::string body = q->text(c.doc);
      text::OffsetMap m(body);
      if (d.title != w.doc ||
          std::string(text::slice_cp(body, m, static_cast<size_t>(c.start), static_cast<size_t>(c.end))) != w.quote)
        continue;
      ++matched;
      CHECK(c.stance == w.stance);
      CHECK(c.memo == (w.quote == "2015 2016" ? "the table of exports" : ""));
      const auto area = q->coding_area(c.id);
      REQUIRE(area.has_value() == w.area.has_value());
      if (!area) continue;
      CHECK(area->page == w.area->page);
      CHECK(area->x == doctest::Approx(w.area->x));
      CHECK(area->y == doctest::Approx(w.area->y));
      CHECK(area->w == doctest::Approx(w.area->w));
      CHECK(area->h == doctest::Approx(w.area->h));
    }
  }
  CHECK(matched == 5);
  // The originals came along: the PDF and the picture, under their names.
  for (const auto& d : q->documents()) {
    if (d.title == "Scan") {
      CHECK(d.original_name == "scan.pdf");
      CHECK(q->original_bytes(d.id) == nd.original_bytes);
    }
    if (d.title == "Foto papan") CHECK(q->original_bytes(d.id) == photo.original_bytes);
  }
  CHECK(q->check().empty());
}

// Issue 24 item 3: wherever codings are listed, an area coding says so.
TEST_CASE("An area coding is listed as 'area on p. N' in retrieval rows and the report's quotes") {
  test::ReportFixture f;
  f.code_study();
  store::Coding cd;
  cd.doc = f.official;
  cd.code = f.exports;
  cd.stance = store::Stance::supports;
  // No word boxes: the span is page 2's first character (57), as the rule says.
  const store::Id area = f.p->add_area_coding(cd, {0, 2, 50, 100, 200, 80});
  auto t = f.table();
  // Retrieval: the row of the area coding has its page, the text codings none.
  analysis::RowDescriber rd(*f.p, t);
  int areas = 0, texts = 0;
  for (size_t r = 0; r < t.row_id.size(); ++r) {
    const auto row = rd.describe({r, t.row_id[r]});
    if (row.coding == area) {
      CHECK(row.area_page == 2);
      CHECK(row.start == 57);
      ++areas;
    } else {
      CHECK(row.area_page == 0);
      ++texts;
    }
  }
  CHECK(areas == 1);
  CHECK(texts == 9);
  // The report: the quote cited by its area, in both languages; a text quote of the same page by its page.
  for (auto lang : {exchange::Lang::en, exchange::Lang::id}) {
    exchange::ReportOptions o;
    o.generated = "2026-01-02";
    o.lang = lang;
    const auto data = exchange::build_report(*f.p, t, o);
    int seen = 0;
    for (const auto& ind : data.indicators)
      for (const auto& col : ind.columns)
        for (const auto& q : col.quotes) {
          if (q.coding_id == area) {
            CHECK(q.citation == (lang == exchange::Lang::en ? "LKPJ 2015, area on p. 2" : "LKPJ 2015, area di hlm. 2"));
            ++seen;
          } else if (q.text.find("Seoul termasuk") != std::string::npos) {
            CHECK(q.citation == (lang == exchange::Lang::en ? "LKPJ 2015, p. 2" : "LKPJ 2015, hlm. 2"));
          }
        }
    CHECK(seen == 1);
  }
}
