// Multi-article intake (ingest/news.h): each export family written here in
// its documented layouts (no real articles), split into the expected articles
// with their attributes; the irregular cases (no date, no body, a header
// repeated between articles); a malformed file per family (exit 1, nothing
// imported, the place named); the column mapping with missing and extra
// columns; dates in Indonesian and English forms; language detection.
#include <doctest/doctest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <list>

#include <nlohmann/json.hpp>

#include "helpers/run.h"
#include "helpers/temp_dir.h"
#include "ingest/news.h"
#include "store/project.h"

namespace fs = std::filesystem;
using namespace telaah;
using namespace telaah::ingest::news;
using telaah::test::TempDir;

namespace {

void write(const fs::path& p, const std::string& s) {
  std::ofstream o(p, std::ios::binary);
  o << s;
}

void write_zip(const fs::path& f, const std::vector<std::pair<std::string, std::string>>& entries) {
  int err = 0;
  zip_t* z = zip_open(f.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z);
  std::list<std::string> keep;
  for (const auto& [name, data] : entries) {
    keep.push_back(data);
    zip_source_t* s = zip_source_buffer(z, keep.back().data(), keep.back().size(), 0);
    REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
}

// A minimal DOCX: one paragraph per line.
void write_docx(const fs::path& f, const std::vector<std::string>& lines) {
  std::string body;
  for (const auto& l : lines) body += "<w:p><w:r><w:t xml:space=\"preserve\">" + l + "</w:t></w:r></w:p>";
  write_zip(f,
            {{"[Content_Types].xml",
              "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
              "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
              "</Types>"},
             {"word/document.xml",
              "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
              "main\"><w:body>" +
                  body + "</w:body></w:document>"}});
}

// A minimal XLSX: shared strings for every cell, a date column as Excel day numbers.
void write_xlsx(const fs::path& f, const std::vector<std::vector<std::string>>& rows, int date_col = -1) {
  std::vector<std::string> shared;
  std::string sheet;
  for (size_t r = 0; r < rows.size(); ++r) {
    sheet += "<row r=\"" + std::to_string(r + 1) + "\">";
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const std::string ref = std::string(1, static_cast<char>('A' + c)) + std::to_string(r + 1);
      if (r > 0 && static_cast<int>(c) == date_col)
        sheet += "<c r=\"" + ref + "\"><v>" + rows[r][c] + "</v></c>";
      else {
        shared.push_back(rows[r][c]);
        sheet += "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(shared.size() - 1) + "</v></c>";
      }
    }
    sheet += "</row>";
  }
  std::string sst = "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
  for (const auto& s : shared) sst += "<si><t>" + s + "</t></si>";
  sst += "</sst>";
  write_zip(f, {{"xl/workbook.xml",
                 "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                 "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                 "<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
                {"xl/_rels/workbook.xml.rels",
                 "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                 "relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
                {"xl/sharedStrings.xml", sst},
                {"xl/worksheets/sheet1.xml",
                 "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                 "main\"><sheetData>" +
                     sheet + "</sheetData></worksheet>"}});
}

std::vector<Article> split(const fs::path& f, Family fam = Family::none, const Mapping& m = {}) {
  std::vector<Article> out;
  split_file(f, fam, m, [&](Article&& a) { out.push_back(std::move(a)); });
  return out;
}

std::string attr(const Article& a, const std::string& name) {
  for (const auto& x : a.extra)
    if (x.name == name) return x.value;
  return "";
}

test::Result tl(std::vector<std::string> args) {
  args.insert(args.begin(), TELAAH_BINARY);
  return test::run(args, {"USER=tester"});
}

// --- The exports, in their documented layouts -------------------------------------

// Factiva TXT, code and value on one line; a page header repeated between articles;
// the second article has no PD (missing date) and no LP/TD (no body).
const std::string kFactivaOneLine =
    "Page 1 of 2 \xC2\xA9 2026 Factiva, Inc. All rights reserved.\n\n"
    "HD  Ekspor kopi naik tajam\n"
    "BY  Oleh Ayu Lestari\n"
    "WC  412 words\n"
    "PD  7 Desember 2026\n"
    "SN  Harian Contoh\n"
    "SC  HARCON\n"
    "LA  Indonesian\n"
    "LP  Ekspor kopi dari daerah ini naik tajam tahun ini.\n"
    "\n"
    "Para petani menyambut kenaikan itu.\n"
    "TD  IN JAKARTA, dinas mencatat nilai ekspor yang tertinggi.\n"
    "AN  Document HARCON0020261207ekc70001\n"
    "\n"
    "Page 2 of 2 \xC2\xA9 2026 Factiva, Inc. All rights reserved.\n"
    "\n"
    "HD  Pelabuhan baru dibuka\n"
    "SN  Harian Contoh\n"
    "LA  Indonesian\n"
    "Document HARCON0020261208ekc80002\n"
    "\n"
    "Search Summary\n"
    "Text  kopi\n";

// Factiva, the code on its own line and the value below.
const std::string kFactivaBelow =
    "HD\nCoffee exports fall\nBY\nBy Budi Santoso\nWC\n1,204 words\nPD\nDecember 8, 2026\nSN\nThe Example Post\n"
    "SE\nBusiness\nLA\nEnglish\nLP\nExports of coffee fell this year.\nTD\nFarmers said the rains came late.\n"
    "The ministry expects a recovery.\nAN\nDocument EXPOST0020261208ekc80003\n";

// Nexis Uni: title, outlet, date; Body ... End of Document. The second has no date line
// (its date is the Load-Date).
const std::vector<std::string> kNexisUni = {
    "Trade goals reached in 2015",
    "The Example Post",
    "December 7, 2026 Monday",
    "Copyright 2026 The Example Post",
    "Section: NEWS; Pg. 3",
    "Length: 523 words",
    "Byline: By Citra Dewi",
    "Body",
    "The trade ministry said the goals were reached.",
    "Exporters agreed.",
    "Load-Date: December 8, 2026",
    "End of Document",
    "Ekspor ke Jepang",
    "Harian Contoh",
    "Length: 200 words",
    "Body",
    "Ekspor ke Jepang meningkat.",
    "Load-Date: 9 Desember 2026",
    "End of Document",
};

// LexisNexis TXT: "N of M DOCUMENTS", outlet, date, title, fields, text.
const std::string kLexis =
    "                              1 of 2 DOCUMENTS\n\n"
    "                           Harian Contoh\n\n"
    "                          7 Desember 2026 Senin\n\n"
    "Pasar ikan diperluas\n\n"
    "BYLINE: Dewi Kartika\n\nSECTION: EKONOMI\n\nLENGTH: 150 words\n\n"
    "Pemerintah kota memperluas pasar ikan.\n\nPedagang senang.\n\n"
    "LOAD-DATE: December 8, 2026\n\nLANGUAGE: INDONESIAN\n\n"
    "                              2 of 2 DOCUMENTS\n\n"
    "                           The Example Post\n\n"
    "                          December 9, 2026 Wednesday\n\n"
    "Fish market grows\n\nLENGTH: 80 words\n\nThe city enlarged the fish market.\n\n"
    "LOAD-DATE: December 10, 2026\n\nLANGUAGE: ENGLISH\n";

const std::string kRss =
    "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n"
    "<title>Harian Contoh</title><language>id</language>\n"
    "<item>\n<title>Ekspor naik</title><link>https://example.org/a</link>\n"
    "<pubDate>Mon, 07 Dec 2026 10:00:00 +0700</pubDate><dc:creator>Ayu</dc:creator><category>Ekonomi</category>\n"
    "<description>&lt;p&gt;Ekspor naik lagi.&lt;/p&gt;&lt;p&gt;Petani senang.&lt;/p&gt;</description>\n</item>\n"
    "<item>\n<title>Tanpa tanggal</title><link>https://example.org/b</link>\n"
    "<description>Isi berita kedua.</description>\n</item>\n</channel>\n</rss>\n";

const std::string kAtom =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n"
    "<title>The Example Post</title>\n"
    "<entry><title>Port opens</title><link href=\"https://example.org/port\"/>"
    "<published>2026-12-07T08:00:00Z</published><author><name>Budi</name></author>"
    "<content type=\"html\">&lt;p&gt;The port opened.&lt;/p&gt;</content></entry>\n</feed>\n";

const std::string kCsv =
    "id,headline,body,published,source,writer,link,topic\n"
    "1,Ekspor naik,\"Ekspor naik, kata menteri yang baru.\n\nPetani di desa ini senang dan tidak "
    "cemas.\",07/12/2026,Harian Contoh,Ayu,https://e.org/1,"
    "trade\n"
    "2,\"Kutipan \"\"resmi\"\"\",Isi kedua.,2026-12-08,The Example Post,,https://e.org/2,\n"
    "3,Tanpa tanggal,Isi ketiga.,,Harian Contoh,Budi,,ports\n";

}  // namespace

TEST_CASE("each export family: the expected articles and attributes") {
  TempDir dir("news");
  write(dir / "one_line.txt", kFactivaOneLine);
  write(dir / "below.txt", kFactivaBelow);
  write_docx(dir / "nexis.docx", kNexisUni);
  write(dir / "lexis.txt", kLexis);
  write(dir / "feed.xml", kRss);
  write(dir / "atom.xml", kAtom);
  write(dir / "table.csv", kCsv);
  std::string tsv = kCsv;
  write(dir / "table.tsv",
        "headline\tbody\tpublished\tsource\nEkspor naik\tEkspor naik lagi.\t7 Desember 2026\tHarian Contoh\n");
  write(dir / "rows.jsonl",
        "{\"title\":\"Ekspor naik\",\"text\":\"Ekspor naik lagi.\",\"date\":\"December 7, 2026\",\"source\":\"Harian "
        "Contoh\",\"tags\":[\"a\",\"b\"],\"shares\":12}\n\n"
        "{\"title\":\"Port opens\",\"text\":\"The port opened.\",\"date\":\"2026-12-08\",\"source\":\"The Example "
        "Post\"}\n");
  write_xlsx(dir / "sheet.xlsx",
             {{"headline", "body", "published", "source"},
              {"Ekspor naik", "Ekspor naik lagi.", "46363", "Harian Contoh"},
              {"Port opens", "The port opened.", "46364", "The Example Post"}},
             2);

  // Factiva RTF (a \\u escape and a cp1252 \\' escape), Factiva HTML (code and value in table cells,
  // then the code in a paragraph of its own), Nexis RTF.
  write(dir / "factiva.rtf",
        "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 HD Ekspor naik\\par BY Oleh Ayu\\par PD 7 Desember 2026\\par SN "
        "Harian Contoh\\par LA Indonesian\\par TD Ekspor kopi naik \\u8212? tajam, kata caf\\'e9.\\par AN Document "
        "HARCON0020261207ekc70009\\par}");
  write(dir / "factiva.html",
        "<html><body><table><tr><td>HD</td><td>Coffee exports fall</td></tr><tr><td>PD</td><td>8 December "
        "2026</td></tr><tr><td>SN</td><td>The Example Post</td></tr><tr><td>TD</td><td>Exports fell.</td></tr>"
        "<tr><td>AN</td><td>Document EXPOST0020261208ekc80009</td></tr></table><p>HD</p><p>Second one</p><p>PD</p>"
        "<p>9 December 2026</p><p>SN</p><p>The Example Post</p><p>TD</p><p>More text.</p></body></html>");
  write(dir / "nexis.rtf",
        "{\\rtf1\\ansi 1 of 1 DOCUMENTS\\par\\par Harian Contoh\\par 7 Desember 2026\\par Judul RTF\\par BYLINE: "
        "Ayu\\par LENGTH: 10 words\\par Isi artikel.\\par LOAD-DATE: December 8, 2026\\par}");
  struct Want {
    std::string file;
    Family family;
    size_t count;
    size_t index;  // the article checked
    std::string title, date, outlet, author, section, language, url, byline, text_start;
    std::vector<std::pair<std::string, std::string>> extra;
  };
  const std::vector<Want> cases = {
      {"one_line.txt",
       Family::factiva,
       2,
       0,
       "Ekspor kopi naik tajam",
       "2026-12-07",
       "Harian Contoh",
       "Ayu Lestari",
       "",
       "Indonesian",
       "",
       "Oleh Ayu Lestari",
       "Ekspor kopi dari daerah ini naik tajam tahun ini.\n\nPara petani",
       {{"words", "412"}, {"accession", "HARCON0020261207ekc70001"}, {"source_code", "HARCON"}}},
      {"one_line.txt",
       Family::factiva,
       2,
       1,
       "Pelabuhan baru dibuka",
       "",
       "Harian Contoh",
       "",
       "",
       "Indonesian",
       "",
       "",
       "",
       {{"accession", "HARCON0020261208ekc80002"}}},
      {"below.txt",
       Family::factiva,
       1,
       0,
       "Coffee exports fall",
       "2026-12-08",
       "The Example Post",
       "Budi Santoso",
       "Business",
       "English",
       "",
       "By Budi Santoso",
       "Exports of coffee fell this year.\n\nFarmers said the rains came late.\n\nThe ministry",
       {{"words", "1204"}, {"accession", "EXPOST0020261208ekc80003"}}},
      {"nexis.docx",
       Family::nexis,
       2,
       0,
       "Trade goals reached in 2015",
       "2026-12-07",
       "The Example Post",
       "Citra Dewi",
       "NEWS; Pg. 3",
       "",
       "",
       "By Citra Dewi",
       "The trade ministry said the goals were reached.\n\nExporters agreed.",
       {{"words", "523"}}},
      {"nexis.docx",
       Family::nexis,
       2,
       1,
       "Ekspor ke Jepang",
       "2026-12-09",
       "Harian Contoh",
       "",
       "",
       "",
       "",
       "",
       "Ekspor ke Jepang meningkat.",
       {{"words", "200"}}},
      {"lexis.txt",
       Family::nexis,
       2,
       0,
       "Pasar ikan diperluas",
       "2026-12-07",
       "Harian Contoh",
       "Dewi Kartika",
       "EKONOMI",
       "INDONESIAN",
       "",
       "Dewi Kartika",
       "Pemerintah kota memperluas pasar ikan.\n\nPedagang senang.",
       {{"words", "150"}}},
      {"lexis.txt",
       Family::nexis,
       2,
       1,
       "Fish market grows",
       "2026-12-09",
       "The Example Post",
       "",
       "",
       "ENGLISH",
       "",
       "",
       "The city enlarged the fish market.",
       {}},
      {"feed.xml",
       Family::feed,
       2,
       0,
       "Ekspor naik",
       "2026-12-07",
       "Harian Contoh",
       "Ayu",
       "Ekonomi",
       "id",
       "https://example.org/a",
       "",
       "Ekspor naik lagi.\n\nPetani senang.",
       {}},
      {"feed.xml",
       Family::feed,
       2,
       1,
       "Tanpa tanggal",
       "",
       "Harian Contoh",
       "",
       "",
       "id",
       "https://example.org/b",
       "",
       "Isi berita kedua.",
       {}},
      {"atom.xml",
       Family::feed,
       1,
       0,
       "Port opens",
       "2026-12-07",
       "The Example Post",
       "Budi",
       "",
       "en",
       "https://example.org/port",
       "",
       "The port opened.",
       {}},
      {"table.csv",
       Family::table,
       3,
       0,
       "Ekspor naik",
       "2026-12-07",
       "Harian Contoh",
       "Ayu",
       "",
       "",
       "https://e.org/1",
       "",
       "Ekspor naik, kata menteri yang baru.\n\nPetani di desa",
       {{"id", "1"}, {"topic", "trade"}}},
      {"table.csv",
       Family::table,
       3,
       1,
       "Kutipan \"resmi\"",
       "2026-12-08",
       "The Example Post",
       "",
       "",
       "",
       "https://e.org/2",
       "",
       "Isi kedua.",
       {{"id", "2"}}},
      {"table.csv",
       Family::table,
       3,
       2,
       "Tanpa tanggal",
       "",
       "Harian Contoh",
       "Budi",
       "",
       "",
       "",
       "",
       "Isi ketiga.",
       {{"topic", "ports"}}},
      {"table.tsv",
       Family::table,
       1,
       0,
       "Ekspor naik",
       "2026-12-07",
       "Harian Contoh",
       "",
       "",
       "",
       "",
       "",
       "Ekspor naik lagi.",
       {}},
      {"rows.jsonl",
       Family::table,
       2,
       0,
       "Ekspor naik",
       "2026-12-07",
       "Harian Contoh",
       "",
       "",
       "",
       "",
       "",
       "Ekspor naik lagi.",
       {{"tags", "a; b"}, {"shares", "12"}}},
      {"sheet.xlsx",
       Family::table,
       2,
       1,
       "Port opens",
       "2026-12-08",
       "The Example Post",
       "",
       "",
       "",
       "",
       "",
       "The port opened.",
       {}},
  };
  const Mapping csv_map = parse_mapping("title=headline,text=body,date=published,author=writer");
  for (const auto& w : cases) {
    CAPTURE(w.file);
    CAPTURE(w.index);
    const fs::path f = dir / w.file;
    std::string bytes;
    {
      std::ifstream in(f, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    CHECK(detect(f.string(), bytes) == w.family);  // recognised by content
    const auto arts = split(f, Family::none, w.file == "table.csv" ? csv_map : Mapping{});
    REQUIRE(arts.size() == w.count);
    const Article& a = arts[w.index];
    CHECK(a.title == w.title);
    CHECK(news_date(a.date) == w.date);
    CHECK(a.outlet == w.outlet);
    CHECK(a.author == w.author);
    CHECK(a.section == w.section);
    CHECK(a.language == w.language);
    CHECK(a.url == w.url);
    CHECK(a.byline == w.byline);
    CHECK(a.text.substr(0, w.text_start.size()) == w.text_start);
    for (const auto& [k, v] : w.extra) CHECK(attr(a, k) == v);
  }
  // Content, not the name: a Factiva export named .dat and a feed named .txt.
  write(dir / "export.dat", kFactivaBelow);
  CHECK(detect((dir / "export.dat").string(), kFactivaBelow) == Family::factiva);
  CHECK(detect("feed.txt", kRss) == Family::feed);
  CHECK(detect("notes.txt", "Interview with the head of the office.\n\nQ: How was it?\n") == Family::none);
  // The header repeated between Factiva articles is not in the first article's text.
  const auto fa = split(dir / "one_line.txt");
  CHECK(fa[0].text.find("Factiva") == std::string::npos);
  CHECK(fa[0].text.find("IN JAKARTA") != std::string::npos);  // a dateline, not the IN field
}

TEST_CASE("the CLI imports each family: documents with typed attributes, a dry run writes nothing") {
  TempDir dir("news");
  const std::string p = (dir / "p.telaah").string();
  REQUIRE(tl({"new", p}).status == 0);
  write(dir / "f.txt", kFactivaOneLine);
  write(dir / "t.csv", kCsv);
  auto dry = tl({"import", p, (dir / "f.txt").string(), "--split", "auto", "--dry-run"});
  REQUIRE(dry.status == 0);
  CHECK(dry.out.find("2026-12-07  Harian Contoh") != std::string::npos);
  CHECK(dry.out.find("Pelabuhan baru dibuka") != std::string::npos);
  CHECK(dry.out.find("2 articles would be imported") != std::string::npos);
  CHECK(tl({"docs", p}).out.empty());
  auto r = tl({"import", p, (dir / "f.txt").string(), (dir / "t.csv").string(), "--split", "auto", "--map",
               "title=headline,text=body,date=published,author=writer"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.find("5 articles imported") != std::string::npos);
  {
    auto proj = store::Project::open(p);
    auto docs = proj->documents();
    REQUIRE(docs.size() == 5);
    CHECK(docs[0].title == "Ekspor kopi naik tajam");
    CHECK(docs[0].date == "2026-12-07");
    CHECK(docs[0].language == "id");
    CHECK(docs[0].source_type == "news");
    auto attrs = proj->attributes(docs[0].id);
    auto find = [&](const std::string& n) -> store::Attribute {
      for (const auto& a : attrs)
        if (a.name == n) return a;
      return {};
    };
    CHECK(find("outlet").value == "Harian Contoh");
    CHECK(find("author").value == "Ayu Lestari");
    CHECK(find("byline").value == "Oleh Ayu Lestari");
    CHECK(find("words").type == "number");
    CHECK(find("words").value == "412");
    CHECK(docs[1].title == "Pelabuhan baru dibuka");  // no body: its title is its text
    CHECK(docs[1].date.empty());                      // no PD: no date
    CHECK(docs[2].title == "Ekspor naik");
    CHECK(docs[2].language == "id");  // detected from the text
    auto a2 = proj->attributes(docs[2].id);
    CHECK(std::any_of(a2.begin(), a2.end(), [](const auto& a) { return a.name == "topic" && a.value == "trade"; }));
  }
  // Importing the same export again: refused, nothing added.
  auto again = tl({"import", p, (dir / "f.txt").string(), "--split", "factiva"});
  CHECK(again.status == 1);
  CHECK(again.err.find("already in the project") != std::string::npos);
}

TEST_CASE("a malformed file per family: exit 1, nothing imported, the place named") {
  TempDir dir("news");
  const std::string p = (dir / "p.telaah").string();
  REQUIRE(tl({"new", p}).status == 0);
  struct Bad {
    std::string file, content, split, map, place;
  };
  const std::vector<Bad> cases = {
      // Factiva: a field before any HD (the start of the export cut off) after a good article.
      {"f1.txt", "HD  Satu\nPD  7 Desember 2026\nTD  Isi.\nDocument AAA0020261207\nPD  8 Desember 2026\nTD  x\n",
       "factiva", "", "line 5: the field PD comes before any HD"},
      // Factiva: a PD that is no date.
      {"f2.txt", "HD  Satu\nSN  Harian\nPD  kemarin sore\nTD  Isi.\n", "factiva", "", "line 3: PD 'kemarin sore'"},
      // Nexis: article 2 of 3 missing.
      {"n.txt",
       "1 of 3 DOCUMENTS\nHarian\n7 Desember 2026\nJudul\nLENGTH: 5 words\nIsi.\n3 of 3 DOCUMENTS\nHarian\n"
       "8 Desember 2026\nJudul dua\nLENGTH: 5 words\nIsi.\n",
       "nexis", "", "line 7: article 3 of 3 follows article 1"},
      // RSS: not well-formed (an unclosed item).
      {"r.xml",
       "<?xml version=\"1.0\"?>\n<rss "
       "version=\"2.0\"><channel><title>T</title>\n<item><title>A</title>\n</channel></rss>\n",
       "feed", "", "line 4"},
      // CSV: a row with an extra cell.
      {"t.csv", "title,text\nA,one\nB,two,three\n", "table", "", "line 3: the row has 3 cells and the header 2"},
      // CSV: a date that is no date, named by line and column.
      {"d.csv", "title,text,date\nA,one,2026-12-07\nB,two,besok\n", "table", "", "line 3, column 'date': 'besok'"},
      // CSV: a quote never closed.
      {"q.csv", "title,text\nA,one\nB,\"two\n", "table", "", "line 3, column 2: a quoted cell is never closed"},
      // JSON Lines: a broken row.
      {"j.jsonl", "{\"title\":\"A\",\"text\":\"x\"}\n{\"title\": \"B\", \"text\": }\n", "table", "", "line 2, column"},
      // Mapping: a column the file does not have.
      {"m.csv", "headline,body\nA,one\n", "table", "title=headline,text=content",
       "the mapping names the column 'content' (for text), which the file does not have (its columns: headline, body)"},
  };
  for (const auto& b : cases) {
    CAPTURE(b.file);
    write(dir / b.file, b.content);
    std::vector<std::string> args = {"import",  p,      (dir / "ok.csv").string(), (dir / b.file).string(),
                                     "--split", b.split};
    if (b.split != "table") args = {"import", p, (dir / b.file).string(), "--split", b.split};
    write(dir / "ok.csv", "title,text\nGood,good text\n");
    if (!b.map.empty()) {
      args.push_back("--map");
      args.push_back(b.map);
      args.erase(args.begin() + 2);  // the good file has other columns
    }
    auto r = tl(args);
    CHECK(r.status == 1);
    CHECK_MESSAGE(r.err.find(b.place) != std::string::npos, r.err);
    CHECK(r.err.find(b.file) != std::string::npos);
    CHECK(tl({"docs", p}).out.empty());  // nothing imported, not even the good file's rows
  }
}

TEST_CASE("the column mapping: missing and extra columns") {
  TempDir dir("news");
  write(dir / "t.csv", "Head,Narrative,When,Media,extra1,extra2\nA,one,7 Desember 2026,Harian,x,\n");
  // Usual names (title, body, ...) are found without a mapping; Head and Narrative are not.
  CHECK_THROWS_WITH_AS(split(dir / "t.csv"), doctest::Contains("no column is mapped to the text or the title"),
                       ingest::ImportError);
  const auto arts =
      split(dir / "t.csv", Family::table, parse_mapping("title=Head,text=Narrative,date=When,outlet=Media"));
  REQUIRE(arts.size() == 1);
  CHECK(arts[0].title == "A");
  CHECK(arts[0].date == "2026-12-07");
  CHECK(arts[0].outlet == "Harian");
  REQUIRE(arts[0].extra.size() == 1);  // extra1 kept; extra2 empty, so no attribute
  CHECK(arts[0].extra[0].name == "extra1");
  CHECK_THROWS_WITH_AS(split(dir / "t.csv", Family::table, parse_mapping("text=Narrative,author=Writer")),
                       doctest::Contains("column 'Writer' (for author), which the file does not have"),
                       ingest::ImportError);
  CHECK_THROWS_AS(parse_mapping("body=Narrative"), UserError);
  CHECK_THROWS_AS(parse_mapping("text"), UserError);
  CHECK_THROWS_AS(parse_mapping("text=a,text=b"), UserError);
  // A mapped role wins over a usual name; a column is used for one role only.
  const Mapping m = complete_mapping(parse_mapping("text=title"), {"title", "body", "source"});
  CHECK(m.role_column.at("text") == "title");
  CHECK(m.role_column.count("title") == 0);
  CHECK(m.role_column.at("outlet") == "source");
}

TEST_CASE("dates in the forms news exports use, Indonesian and English") {
  const std::pair<const char*, const char*> cases[] = {
      {"7 Desember 2026", "2026-12-07"},
      {"7 December 2026", "2026-12-07"},
      {"December 7, 2026", "2026-12-07"},
      {"December 7, 2026 Monday", "2026-12-07"},
      {"Senin, 7 Desember 2026 10:15 WIB", "2026-12-07"},
      {"Mon, 07 Dec 2026 10:00:00 +0700", "2026-12-07"},
      {"2026-12-07T08:00:00Z", "2026-12-07"},
      {"2026-12-07", "2026-12-07"},
      {"07/12/2026", "2026-12-07"},  // day first
      {"7.12.2026", "2026-12-07"},
      {"07-12-2026", "2026-12-07"},
      {"12/25/2026", "2026-12-25"},  // only month first makes a date
      {"31/04/2026", ""},            // no 31 April
      {"29/02/2028", "2028-02-29"},
      {"29/02/2026", ""},
      {"13/13/2026", ""},
      {"17 Agustus 2026", "2026-08-17"},
      {"1 Mei 2026", "2026-05-01"},
      {"Oktober 2026", "2026-10"},
      {"kemarin", ""},
      {"", ""},
  };
  for (const auto& [in, out] : cases) {
    const std::string input = in;
    CAPTURE(input);
    CHECK(news_date(in) == out);
  }
}

TEST_CASE("language by stop words and a date in a text's first lines") {
  const std::pair<const char*, const char*> lang[] = {
      {"Kami sudah bekerja dengan petani di desa ini dan hasilnya tidak buruk.", "id"},
      {"We have worked with the farmers in this village and the results were not bad.", "en"},
      {"Ekspor kopi 2026", ""},                   // too few words to tell
      {"The ministry dan the program yang", ""},  // mixed: neither twice the other
  };
  for (const auto& [t, want] : lang) {
    CAPTURE(t);
    CHECK(detect_language(t) == want);
  }
  const std::pair<const char*, const char*> dates[] = {
      {"Transkrip wawancara\nJakarta, 7 Desember 2026\n\nP: Selamat pagi.", "2026-12-07"},
      {"Interview transcript\nDate: December 8, 2026\n", "2026-12-08"},
      {"Notulen rapat 07/12/2026 pukul 10.00", "2026-12-07"},
      {"Program 2011-2015\nno date here", ""},
      {"l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n7 Desember 2026", ""},  // only the first eight lines
  };
  for (const auto& [t, want] : dates) {
    CAPTURE(t);
    CHECK(date_in_text(t) == want);
  }
}
