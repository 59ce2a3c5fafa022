// The window's import dialog for news exports and single documents (issue 23
// item 1, issue 22 item 2): a table dropped on the window shows its first
// rows and the columns picked per role; picking a column updates the first
// articles; Import runs as a background task and remembers the mapping for
// the next table with that header; Cancel during the import leaves nothing;
// a transcript's preview shows the date written in its header and the
// language its words show, editable before import.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "gui/fixture.h"
#include "ui/shell/app.h"

using namespace telaah;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& s) {
  std::ofstream o(p, std::ios::binary);
  o << s;
}

std::string attribute(store::Project& p, store::Id doc, const std::string& name) {
  for (const auto& a : p.attributes(doc))
    if (a.name == name) return a.value;
  return "";
}

const std::string kTable =
    "headline,isi,tgl,media,penulis\n"
    "Ekspor naik,\"Ekspor naik, kata menteri.\",7 Desember 2026,Harian Contoh,Ayu\n"
    "Port opens,The port opened.,08/12/2026,The Example Post,Budi\n";

}  // namespace

TEST_CASE("a table in the import dialog: first rows, columns picked, preview updated, imported, mapping remembered") {
  test::AppWindow w("gui-import-map");
  REQUIRE(w.app->create_project(w.dir.path / "p.telaah"));
  w.frames(2);
  write(w.dir.path / "news.csv", kTable);
  w.app->on_files_dropped({w.dir.path / "news.csv"});
  w.frames(3);
  auto& req = w.app->import_pending();
  REQUIRE(req.has_value());
  REQUIRE(req->previews.size() == 1);
  auto& pv = req->previews[0];
  CHECK(pv.family == ingest::news::Family::table);
  CHECK(pv.table.header == std::vector<std::string>{"headline", "isi", "tgl", "media", "penulis"});
  REQUIRE(pv.table.rows.size() == 2);
  CHECK(pv.mapping["title"] == "headline");  // usual names found
  CHECK(pv.mapping["text"] == "isi");
  CHECK(pv.mapping["date"].empty());  // "tgl" is nobody's usual name
  REQUIRE(pv.first.size() == 2);
  CHECK(pv.first[0].date.empty());
  CHECK(req->source_type == "news");

  // Picking the date, outlet and author columns updates the first articles.
  w.app->set_import_column(0, "date", "tgl");
  w.app->set_import_column(0, "outlet", "media");
  w.app->set_import_column(0, "author", "penulis");
  w.frames(2);
  REQUIRE(pv.first.size() == 2);
  CHECK(pv.first[0].date == "2026-12-07");
  CHECK(pv.first[1].date == "2026-12-08");  // day first
  CHECK(pv.first[1].outlet == "The Example Post");
  // A column serves one role: choosing "media" as the title empties outlet.
  w.app->set_import_column(0, "title", "media");
  CHECK(w.app->import_pending()->previews[0].mapping["outlet"].empty());
  CHECK(w.app->import_pending()->previews[0].first[0].title == "Harian Contoh");
  w.app->set_import_column(0, "title", "headline");
  w.app->set_import_column(0, "outlet", "media");

  w.click(w.app->import_ok_button(), "the import dialog's Import button");
  REQUIRE(w.settle([&] { return w.project().documents().size() == 2; }));
  auto docs = w.project().documents();
  CHECK(docs[0].title == "Ekspor naik");
  CHECK(docs[0].date == "2026-12-07");
  CHECK(docs[0].source_type == "news");
  CHECK(attribute(w.project(), docs[0].id, "outlet") == "Harian Contoh");
  CHECK(attribute(w.project(), docs[1].id, "author") == "Budi");
  const std::string key = ui::mapping_key({"headline", "isi", "tgl", "media", "penulis"});
  CHECK(w.project().setting(key).find("\"date\":\"tgl\"") != std::string::npos);
  // One undo takes the import (and the remembered mapping) back.
  w.project().undo();
  CHECK(w.project().documents().empty());
  w.project().redo();

  // The next table with that header opens with the remembered columns.
  write(w.dir.path / "more.csv",
        "headline,isi,tgl,media,penulis\nPasar ikan,Pasar ikan diperluas.,9 Desember 2026,Harian Contoh,Dewi\n");
  w.app->on_files_dropped({w.dir.path / "more.csv"});
  w.frames(3);
  REQUIRE(w.app->import_pending().has_value());
  CHECK(w.app->import_pending()->previews[0].mapping["date"] == "tgl");
  CHECK(w.app->import_pending()->previews[0].first[0].date == "2026-12-09");
}

TEST_CASE("Cancel while a large table is imported leaves nothing; progress says articles and rate") {
  test::AppWindow w("gui-import-cancel");
  REQUIRE(w.app->create_project(w.dir.path / "p.telaah"));
  w.frames(2);
  {
    std::ofstream o(w.dir.path / "big.csv", std::ios::binary);
    o << "title,text,date,outlet\n";
    for (int i = 0; i < 60000; ++i)
      o << "Judul " << i << ",\"Isi berita nomor " << i << " yang panjang dan ada di sini.\",2026-12-07,Harian\n";
  }
  w.app->on_files_dropped({w.dir.path / "big.csv"});
  w.frames(3);
  REQUIRE(w.app->import_pending().has_value());
  const int64_t revision = w.project().revision();
  w.click(w.app->import_ok_button(), "the import dialog's Import button");
  REQUIRE(w.app->tasks().busy());
  // Wait for the first progress message, then cancel.
  for (int i = 0; i < 2000 && w.app->tasks().busy(); ++i) {
    w.frame();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (i == 20) w.app->tasks().cancel_all();
  }
  REQUIRE(w.settle());
  CHECK(w.project().documents().empty());
  CHECK(w.project().revision() == revision);  // no action was written
}

TEST_CASE("a transcript's metadata preview: the date in its header, its language, editable before import") {
  test::AppWindow w("gui-import-meta");
  REQUIRE(w.app->create_project(w.dir.path / "p.telaah"));
  w.frames(2);
  write(w.dir.path / "wawancara_kepala_desa.txt",
        "Transkrip wawancara dengan kepala desa\nJakarta, 7 Desember 2026\n\n"
        "Pewawancara: Bagaimana program ini berjalan di desa?\n\n"
        "Kepala desa: Kami sudah bekerja dengan petani dan hasilnya tidak buruk, karena ada dana yang cukup.\n\n"
        "Pewawancara: Apa yang belum berhasil?\n\n"
        "Kepala desa: Pasar untuk ekspor itu masih jauh dari desa kami.\n");
  write(w.dir.path / "notes.txt",
        "Field notes, December 8, 2026\n\nWe met the farmers and they said that the market was far from the "
        "village and that they would need a road.\n");
  w.app->on_files_dropped({w.dir.path / "wawancara_kepala_desa.txt", w.dir.path / "notes.txt"});
  w.frames(3);
  auto& req = w.app->import_pending();
  REQUIRE(req.has_value());
  REQUIRE(req->previews.size() == 2);
  auto& a = req->previews[0];
  CHECK(a.family == ingest::news::Family::none);
  CHECK(a.date == "2026-12-07");
  CHECK(a.language == "id");
  CHECK(a.source_type == "interview");  // from the name
  auto& b = req->previews[1];
  CHECK(b.date == "2026-12-08");
  CHECK(b.language == "en");
  a.title = "Kepala desa, Desember";  // corrected in the dialog
  b.language = "id";                  // a wrong guess corrected
  w.click(w.app->import_ok_button(), "the import dialog's Import button");
  REQUIRE(w.settle([&] { return w.project().documents().size() == 2; }));
  auto docs = w.project().documents();
  CHECK(docs[0].title == "Kepala desa, Desember");
  CHECK(docs[0].date == "2026-12-07");
  CHECK(docs[0].language == "id");
  CHECK(docs[0].source_type == "interview");
  CHECK(docs[1].date == "2026-12-08");
  CHECK(docs[1].language == "id");
}
