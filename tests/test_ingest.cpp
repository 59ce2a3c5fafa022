// Importers: real files from real producers (pandoc, cairo, Python codecs)
// compared with their expected text exactly; hostile and broken files refused
// with a clear error and the project unchanged; the parsers' edge cases
// table by table. Fixtures: tests/fixtures/ingest (made by make-fixtures).
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/batch.h"
#include "ingest/html.h"
#include "ingest/importer.h"
#include "ingest/pdf_layout.h"
#include "store/project.h"
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

Extracted extract_fixture(const std::string& file, const ImportOptions& opt = {}) {
  return extract((kFixtures / file).string(), slurp(kFixtures / file), opt);
}

std::string kinds(const Extracted& e) {
  std::string out;
  for (const auto& b : e.blocks) out += (out.empty() ? "" : " ") + b.kind;
  return out;
}

FileSpec spec(const fs::path& p) {
  FileSpec s;
  s.path = p;
  return s;
}

// A fresh directory that removes itself.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("telaah-ingest-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// The error message of an extraction that must fail ("" if it did not).
std::string import_error(const std::string& file, const ImportOptions& opt) {
  try {
    extract_fixture(file, opt);
  } catch (const ImportError& e) {
    return e.what();
  }
  return "";
}

const char* const kSampleOffice =
    "Laporan Uji Impor\n\nTim Telaah\n\n2016-04-22\n\nLatar belakang\n\n"
    "Kerja sama kota bersaudara Jakarta–Seoul dimulai pada 1984.[1] Dokumen ini menguji impor dari pandoc.\n\n"
    "Daftar kegiatan\n\nPelatihan vokasi\n\nTemu bisnis\n\n"
    "Tahun\tNilai ekspor\n\n2011\tRp 24,2 miliar\n\n2015\tRp 69,7 miliar\n\n"
    "Pewawancara: Bagaimana hasilnya?\n\nInforman B: Hasilnya belum terukur.\n\n"
    "Pewawancara: Mengapa?\n\nInforman B: Datanya tidak dipisahkan.\n\n"
    "[1] Komunike Bersama, ditandatangani di Seoul.";
const char* const kSampleOfficeKinds = "h1 p p h1 p h2 li li row row row turn turn turn turn p";

}  // namespace

TEST_CASE("real files from real producers: text, structure and metadata exactly") {
  struct Case {
    const char* file;
    const char* format;
    const char* title;
    const char* author;
    const char* date;
    const char* language;
    std::string text;
    const char* kinds;
  };
  const std::string body_from_heading =
      std::string(kSampleOffice).substr(std::string(kSampleOffice).find("Latar belakang"));
  std::string md_text = body_from_heading;
  md_text.replace(md_text.find("–"), std::string("–").size(), "--");  // pandoc writes an en dash as --
  const Case cases[] = {
      {"sample.docx", "docx", "Laporan Uji Impor", "Tim Telaah", "2016-04-22", "id", kSampleOffice, kSampleOfficeKinds},
      {"sample.odt", "odt", "Laporan Uji Impor", "Tim Telaah", "2016-04-22", "id", kSampleOffice, kSampleOfficeKinds},
      {"sample.html", "html", "Laporan Uji Impor", "Tim Telaah", "2016-04-22", "id",
       "Laporan Uji Impor\n\n" + body_from_heading, "h1 h1 p h2 li li row row row turn turn turn turn p"},
      {"sample.pandoc.md", "md", "Laporan Uji Impor", "Tim Telaah", "2016-04-22", "", md_text,
       "h1 p h2 li li row row row turn turn turn turn p"},
      {"sample.pdf", "pdf", "Laporan Uji Impor PDF", "Tim Telaah", "2016-04-11", "",
       "Laporan Uji Impor PDF\n\n1. Perdagangan\n\n"
       "Laporan ini mencatat bahwa nilai perdagangan Jakarta dengan Seoul meningkat tajam. "
       "Kerja sama Jakarta-Seoul melibatkan banyak kota-kota mitra di Asia.\n\n"
       "Pelatihan vokasi bagi siswa SMK\n\nTemu bisnis di Seoul\n\n"
       "Paragraf ini dimulai di halaman pertama dan berlanjut ke halaman berikutnya tanpa tanda titik di akhir halaman "
       "pertama.\n\n"
       "2. Tabel\n\nTahun\tEkspor\tCatatan\n\n2011\t24,2\tawal\n\n2015\t69,7\tnaik hampir tiga kali\n\n"
       "Penutup: data belum dipisahkan menurut kota mitra.",
       "h1 h2 p li li p h2 row row row p"},
      {"news-page.html", "html", "Ekspor Rempah ke Seoul Naik, Eksportir Kecil Bertanya", "Rina Kusuma", "2016-03-14",
       "id",
       "Ekspor Rempah ke Seoul Naik, Eksportir Kecil Bertanya\n\n"
       "Nilai ekspor rempah Jakarta ke Seoul naik hampir tiga kali lipat dalam lima tahun, dari Rp 24,2 miliar menjadi "
       "Rp 69,7 miliar.\n\n"
       "“Yang menikmati hanya eksportir besar,” kata seorang pedagang lada di Muara Baru. Ia menyebut kafe & toko di "
       "Gangnam "
       "sebagai pembeli tetap—café yang ‘setia’.\n\nSiapa yang menikmati?\n\n"
       "Data Biro KDH&KLN tidak memisahkan eksportir menurut ukuran usaha <UKM>.\n\n"
       "Kami tahu dari koran, bukan dari undangan.\n\nlada putih\n\npala\n\ncengkih\n\n"
       "Tahun\tNilai\n\n2011\tRp 24,2 miliar\n\n2015\tRp 69,7 miliar\n\n"
       "Pedagang itu menutup percakapan:\n\n“Kami masih menunggu.”",
       "h1 p p h2 p p li li li row row row p p"},
  };
  for (const auto& c : cases) {
    const std::string file = c.file;
    CAPTURE(file);
    Extracted e = extract_fixture(c.file);
    CHECK(e.format == c.format);
    CHECK(e.text == c.text);
    CHECK(kinds(e) == c.kinds);
    CHECK(e.title == c.title);
    CHECK(e.author == c.author);
    CHECK(e.date == c.date);
    CHECK(e.language == c.language);
    CHECK(text::is_nfc(e.text));
    for (const auto& b : e.blocks)
      if (b.kind == "turn") CHECK((b.speaker == "Pewawancara" || b.speaker == "Informan B"));
  }
}

TEST_CASE("DOCX and ODT features pandoc does not write: hidden, deleted, boxes, breaks, notes, merged cells") {
  Extracted w = extract_fixture("word-features.docx");
  CHECK(w.text ==
        "Catatan Rapat\n\n22 April 2016\n\nPewawancara: Mulai?\n\nInforman D: Ya, mulai.\n\nPewawancara: Terima "
        "kasih.\n\n"
        "Informan D: Sama-sama.\n\nTeks disisipkan dan tab-nya.[1]\n\nJangkar kotak teks.\n\nIsi kotak teks.\n\n"
        "Bidang\tCatatan\n\nPerdagangan dan ekspor\tnaik tajam\n\n\tlanjutan\n\nButir dari gaya\n\nIsi kontrol "
        "konten.\n\n"
        "[1] Catatan akhir.");
  CHECK(kinds(w) == "h1 p turn turn turn turn p p p row row row li p p");
  CHECK(w.title == "Catatan Rapat");  // no dc:title: the first heading (a style based on Heading 1)
  CHECK(w.author == "Biro Uji");
  CHECK(w.date == "2016-04-22");  // the Date paragraph outranks the file's creation time
  CHECK(w.language == "id");      // from the document defaults in styles.xml
  Extracted o = extract_fixture("writer-features.odt");
  CHECK(o.text ==
        "Notulen Uji\n\nBagian dua\n\nSpasi   ganda, spasi biasa dan tab.[1]\n\nPewawancara: Siap?\n\nInforman E: "
        "Siap.\n\n"
        "Pewawancara: Baik.\n\nInforman E: Mari.\n\nbutir satu\n\nbutir bersarang\n\nJangkar\n\nTeks dalam bingkai.\n\n"
        "A\t\tC\n\n[1] Catatan kaki ODT.");
  CHECK(kinds(o) == "h1 h2 p turn turn turn turn li li p p row p");
  CHECK(o.title == "Notulen Uji ODT");
  CHECK(o.author == "Sekretariat Uji");
  CHECK(o.date == "2015-11-03");
}

TEST_CASE("PDF: page map and block pages; the bounded child agrees with in-process extraction") {
  const std::string bytes = slurp(kFixtures / "sample.pdf");
  Extracted e = extract("sample.pdf", bytes);
  Extracted direct = extract_pdf_in_process("sample.pdf", bytes, {});
  CHECK(e.text == direct.text);
  CHECK(kinds(e) == kinds(direct));
  REQUIRE(e.pages.size() == 2);
  CHECK(e.pages[0].page == 1);
  CHECK(e.pages[0].start == 0);
  CHECK(e.pages[1].page == 2);
  text::OffsetMap m(e.text);
  // Page 2 begins inside the paragraph that continues across the break.
  CHECK(std::string(text::slice_cp(e.text, m, e.pages[1].start, e.pages[1].start + 11)) == "tanda titik");
  std::vector<int> pages;
  for (const auto& b : e.blocks) pages.push_back(b.page);
  CHECK(pages == std::vector<int>{1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2});
}

TEST_CASE("text encodings: every encoding of the transcript gives the same text") {
  const std::string expected = slurp(kFixtures / "src/transcript.txt");
  struct Case {
    const char* file;
    const char* encoding;
    const char* note;  // part of the note the importer leaves ("" = none expected)
  };
  const Case cases[] = {
      {"transcript.utf8.txt", "", ""},
      {"transcript.utf8bom.txt", "", "byte-order mark removed"},
      {"transcript.utf16le.txt", "", "UTF-16 LE"},
      {"transcript.utf16be.txt", "", "UTF-16 BE"},
      {"transcript.utf16le-nobom.txt", "", "utf-16le"},
      {"transcript.utf16le-nobom.txt", "utf-16le", ""},
      {"transcript.cp1252.txt", "", "windows-1252"},
      {"transcript.cp1252.txt", "windows-1252", ""},
      {"transcript.cp1252.txt", "cp1252", ""},
  };
  for (const auto& c : cases) {
    const std::string file = c.file, encoding = c.encoding;
    CAPTURE(file);
    CAPTURE(encoding);
    ImportOptions opt;
    opt.encoding = c.encoding;
    Extracted e = extract_fixture(c.file, opt);
    CHECK(e.text == expected);
    CHECK(e.title == "Transkrip Wawancara — Informan C");
    std::string notes;
    for (const auto& n : e.notes) notes += n + "\n";
    if (*c.note) CHECK(notes.find(c.note) != std::string::npos);
    int turns = 0;
    for (const auto& b : e.blocks) turns += b.kind == "turn";
    CHECK(turns == 4);
  }
  CHECK(extract_fixture("latin1.txt").text == "Informan C: Café di Gangnam, naïve señor; 3½ jam.\n");
  ImportOptions latin1;
  latin1.encoding = "iso-8859-1";
  CHECK(extract_fixture("latin1.txt", latin1).text == "Informan C: Café di Gangnam, naïve señor; 3½ jam.\n");
  // Not Western at all: ICU's detector recognises Korean instead of producing Windows-1252 mojibake.
  Extracted ko = extract_fixture("korean-euckr.txt");
  CHECK(ko.text.rfind("서울특별시와 자카르타는 1984년에 자매도시 협정을 맺었습니다.", 0) == 0);
}

TEST_CASE("hostile and broken files: a clear error, bounded, and the project unchanged") {
  struct Case {
    const char* file;
    void (*tune)(ImportOptions&);
    const char* message;  // part of the error
  };
  const Case cases[] = {
      {"bomb-ratio.docx", nullptr, "zip bomb"},
      {"bomb-entries.docx", [](ImportOptions& o) { o.limits.max_zip_entries = 100; }, "entries, over the limit of 100"},
      {"sample.docx", [](ImportOptions& o) { o.limits.max_zip_total = 4000; }, "unpacks to more than"},
      {"lying-size.docx", nullptr, "declared size"},
      {"traversal.docx", nullptr, "points outside the archive"},
      {"absolute.docx", nullptr, "points outside the archive"},
      {"billion-laughs.docx", nullptr, "billion laughs"},
      {"deep-nesting.docx", nullptr, "nested more than 256 levels"},
      {"truncated.docx", nullptr, "damaged"},
      {"not-a-zip.docx", nullptr, "not a zip archive"},
      {"encrypted.pdf", nullptr, "encrypted with a password"},
      {"image-only.pdf", [](ImportOptions& o) { o.ocr = "never"; }, "no text layer — import it with --ocr auto"},
      {"zero-pages.pdf", nullptr, "no pages"},
      {"truncated.pdf", nullptr, "not a readable PDF"},
      {"sample.pdf", [](ImportOptions& o) { o.limits.pdf_seconds = 0; }, "took longer than 0 s"},
      {"empty.txt", nullptr, "the file is empty"},
      {"invalid-utf8.txt", [](ImportOptions& o) { o.encoding = "utf-8"; },
       "not valid UTF-8 (first bad byte at position 17)"},
      {"transcript.utf8.txt", [](ImportOptions& o) { o.encoding = "klingon-8"; }, "unknown encoding"},
  };
  TempDir dir;
  auto project = store::Project::create(dir.path / "p.telaah");
  ingest::BatchOptions ok_opt;
  ingest::import_files(*project, {spec(kFixtures / "sample.docx")}, ok_opt);  // a project with something in it
  for (const auto& c : cases) {
    const std::string file = c.file;
    CAPTURE(file);
    BatchOptions opt;
    opt.allow_duplicates = true;  // sample.docx is already in the project: the limit, not the duplicate, must refuse it
    if (c.tune) c.tune(opt.import);
    const std::string direct = import_error(c.file, opt.import);
    CHECK(direct.find(c.message) != std::string::npos);
    CHECK(direct.find(c.file) != std::string::npos);  // the message names the file
    const auto rev = project->revision();
    const auto docs = project->documents().size();
    std::string batch_error;
    try {
      import_files(*project, {spec(kFixtures / c.file)}, opt);
    } catch (const ImportError& e) {
      batch_error = e.what();
    }
    CHECK(batch_error.find(c.message) != std::string::npos);
    CHECK(batch_error.find("nothing was imported") != std::string::npos);
    CHECK(project->revision() == rev);
    CHECK(project->documents().size() == docs);
  }
}

TEST_CASE("PDF extraction is bounded in memory: the child process is refused its allocations") {
#if defined(__SANITIZE_ADDRESS__)
  MESSAGE("skipped under AddressSanitizer: the address-space limit is not applied there");
#else
  // A few KB that poppler expands into half a million words.
  ImportOptions opt;
  opt.limits.pdf_memory = 64u << 20;  // 64 MB on top of what the process already maps
  const std::string err = import_error("memory-hungry.pdf", opt);
  CHECK(err.find("memory-hungry.pdf") != std::string::npos);
  CHECK(err.find("hostile") != std::string::npos);
#endif
}

TEST_CASE("a 200 MB text file is refused by its size before it is read") {
  TempDir dir;
  const fs::path big = dir.path / "big.txt";
  {
    std::ofstream out(big, std::ios::binary);
    out.seekp((200ll << 20) - 1);
    out.put('\n');  // sparse: nothing is written but the last byte
  }
  REQUIRE(fs::file_size(big) == 200ull << 20);
  auto project = store::Project::create(dir.path / "p.telaah");
  const auto rev = project->revision();
  std::string err;
  try {
    import_files(*project, {spec(big)}, {});
  } catch (const ImportError& e) {
    err = e.what();
  }
  CHECK(err.find("200 MB is over the import limit of 128 MB per file") != std::string::npos);
  CHECK(project->revision() == rev);
  CHECK(project->documents().empty());
}

TEST_CASE("batch import: all or nothing, keep-going, duplicates, folders with stray files") {
  TempDir dir;
  auto project = store::Project::create(dir.path / "p.telaah");
  const std::vector<FileSpec> mixed = {spec(kFixtures / "transcript.utf8.txt"),
                                       spec(kFixtures / "billion-laughs.docx")};
  CHECK_THROWS_AS(import_files(*project, mixed, {}), ImportError);
  CHECK(project->documents().empty());
  CHECK(project->revision() == 0);

  BatchOptions keep;
  keep.keep_going = true;
  auto r = import_files(*project, mixed, keep);
  CHECK(r.imported() == 1);
  CHECK(r.skipped() == 1);
  CHECK(r.files[1].reason.find("billion laughs") != std::string::npos);
  const auto rev = project->revision();
  CHECK(rev == 1);  // one action for the whole batch

  // The same content again, in another encoding's file name but the same bytes: a duplicate.
  std::string err;
  try {
    import_files(*project, {spec(kFixtures / "transcript.utf8.txt")}, {});
  } catch (const ImportError& e) {
    err = e.what();
  }
  CHECK(err.find("already in the project as document #") != std::string::npos);
  CHECK(project->revision() == rev);

  // A folder: documents imported, other files reported and left alone.
  const fs::path folder = dir.path / "corpus";
  fs::create_directories(folder / "sub");
  fs::copy_file(kFixtures / "sample.odt", folder / "sub/a.odt");
  fs::copy_file(kFixtures / "sample.pdf", folder / "b.pdf");
  std::ofstream(folder / "framework.json") << "{}";
  std::ofstream(folder / ".hidden.txt") << "hidden";
  std::vector<std::string> progress;
  BatchOptions opt;
  opt.progress = [&](size_t, size_t, const std::string& f) { progress.push_back(f); };
  r = import_files(*project, {spec(folder)}, opt);
  CHECK(r.imported() == 2);
  CHECK(r.skipped() == 1);
  CHECK(progress.size() == 4);  // three files and the final call
  for (const auto& f : r.files)
    if (!f.imported) CHECK(f.reason == "not a document format Telaah imports (.json)");
  CHECK(project->revision() == rev + 1);
  // The PDF's page map and block pages reached the project.
  store::Id pdf_doc = 0;
  for (const auto& f : r.files)
    if (f.path.extension() == ".pdf") pdf_doc = f.doc;
  REQUIRE(pdf_doc != 0);
  CHECK(project->pages(pdf_doc).size() == 2);
  CHECK(project->blocks(pdf_doc).back().page == 2);
}

TEST_CASE("dates from the forms documents and pages use") {
  const std::pair<const char*, const char*> cases[] = {
      {"2011-05-18T08:30:00+07:00", "2011-05-18"},
      {"2011-05-18", "2011-05-18"},
      {"2011/05/18", "2011-05-18"},
      {"20110518", "2011-05-18"},
      {"2011-05", "2011-05"},
      {"2011", "2011"},
      {"18 May 2011", "2011-05-18"},
      {"Senin, 18 Mei 2011 07:30 WIB", "2011-05-18"},
      {"May 18, 2011", "2011-05-18"},
      {"Agustus 2015", "2015-08"},
      {"29 Feb 2011", ""},
      {"2011-13-01", ""},
      {"yesterday", ""},
      {"", ""},
      {"16/04/2014", ""},
      {"29 Februari 2016", "2016-02-29"},
  };
  for (const auto& [in, out] : cases) {
    const std::string input = in;
    CAPTURE(input);
    CHECK(normalise_date(in) == out);
  }
}

TEST_CASE("HTML character references") {
  const std::pair<const char*, const char*> cases[] = {
      {"caf&eacute; &amp; toko", "café & toko"},
      {"&#8220;ya&#8221;", "“ya”"},
      {"&#x2014;&#X2014;", "——"},
      {"a&nbsp;b", "a\u00A0b"},
      {"&#150;", "–"},
      {"&#0;&#xD800;&#x110000;", "\uFFFD\uFFFD\uFFFD"},
      {"AT&T &unknown; &", "AT&T &unknown; &"},
      {"&copy 2016", "© 2016"},
      {"&lt;p&gt;", "<p>"},
      {"&#39;&apos;", "''"},
      {"&#", "&#"},
      {"&amp", "&"},
  };
  for (const auto& [in, out] : cases) {
    const std::string input = in;
    CAPTURE(input);
    CHECK(html::decode_entities(in) == out);
  }
  CHECK(html::decode_entities("?a=1&copy=2", true) == "?a=1&copy=2");  // in attributes legacy names need ';'
}

TEST_CASE("HTML pages: the article survives broken markup, boilerplate does not") {
  auto body = [](const std::string& page) { return extract_html("t.html", page, {}).text; };
  const std::string para = "<p>Paragraf isi berita yang cukup panjang untuk dihitung sebagai teks utama halaman.</p>";
  // An unclosed cookie banner wraps the whole page: the article is still found.
  const std::string unclosed = body("<html><body><div id=cookie-bar>Kami memakai cookie. <div class=story>" + para +
                                    para + "</div></body></html>");
  CHECK(unclosed.find("Paragraf isi") != std::string::npos);
  CHECK(unclosed.find("cookie") == std::string::npos);
  // Comments, related links and ads next to the article are left out.
  const std::string page = "<body><div class=content>" + para + para + "<div class=ad>Iklan</div></div>" +
                           "<div class=comments><p>Komentar pembaca yang panjang sekali tentang hal lain.</p></div>" +
                           "<aside><p>Berita terkait yang tidak ada hubungannya dengan artikel ini.</p></aside></body>";
  const std::string t = body(page);
  CHECK(t.find("Iklan") == std::string::npos);
  CHECK(t.find("Komentar") == std::string::npos);
  CHECK(t.find("terkait") == std::string::npos);
  // Script text never leaks; "</p>" inside a script string does not end it.
  CHECK(body("<body><script>var x = '</p><p>bocor';</script>" + para + "</body>").find("bocor") == std::string::npos);
  // Implicit end tags: <p> closes <p>, <li> closes <li>.
  Extracted li = extract_html("t.html", "<body><p>satu<p>dua<ul><li>a<li>b</ul></body>", {});
  CHECK(li.text == "satu\n\ndua\n\na\n\nb");
  CHECK(kinds(li) == "p p li li");
  // A page that is only markup holds no text.
  CHECK_THROWS_AS(extract_html("t.html", "<html><head><title></title></head><body> </body></html>", {}), ImportError);
  // Deep nesting is flattened, not a stack overflow.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  Extracted d = extract_html("t.html", deep + "dalam", {});
  CHECK(d.text == "dalam");
}

TEST_CASE("Markdown: headings, lists, tables, footnotes, emphasis") {
  const std::string md =
      "Judul\n=====\n\nSub\n---\n\nTeks *miring* dan __tebal__, snake_case tetap, 5 * 3.[^n]\n\n"
      "| A | B |\n|---|---|\n| 1 | 2 |\n\n* * *\n\n1. satu\n2) dua\n\n[^n]: Catatan.\n";
  Extracted e = extract_markdown("t.md", md, {});
  CHECK(e.text ==
        "Judul\n\nSub\n\nTeks miring dan tebal, snake_case tetap, 5 * 3.[1]\n\nA\tB\n\n1\t2\n\nsatu\n\ndua\n\n[1] "
        "Catatan.");
  CHECK(kinds(e) == "h1 h2 p row row li li p");
  CHECK(e.title == "Judul");
}

TEST_CASE("format detection by name and by content") {
  const std::tuple<const char*, std::string, const char*> cases[] = {
      {"a.txt", "hello", "txt"},
      {"a.md", "# x", "md"},
      {"a.htm", "<p>x", "html"},
      {"a", "<!DOCTYPE html><p>x", "html"},
      {"report.txt", "%PDF-1.4 ...", "pdf"},  // a PDF saved with the wrong name
      {"a.docx", "not a zip", "docx"},
      {"a", std::string("PK\x03\x04....word/document.xml"), "docx"},
      {"a.json", "{}", ""},
      {"a.doc", "\xD0\xCF\x11\xE0", ""},
  };
  for (const auto& [name, bytes, fmt] : cases) {
    const std::string file = name;
    CAPTURE(file);
    CHECK(detect_format(name, bytes) == fmt);
  }
  CHECK(import_error("not-a-zip.docx", {}).find("not a zip archive") != std::string::npos);
  std::string doc_err;
  try {
    extract("old.doc", "\xD0\xCF\x11\xE0 legacy");
  } catch (const ImportError& e) {
    doc_err = e.what();
  }
  CHECK(doc_err.find("save the file as .docx") != std::string::npos);
}

TEST_CASE("PDF layout: hyphenation, running headers, columns of a table, page starts") {
  auto word = [](std::string t, double x, double y, double w, bool space = true, double size = 10) {
    pdf::Word wd;
    wd.text = std::move(t);
    wd.x0 = x;
    wd.x1 = x + w;
    wd.y0 = y;
    wd.y1 = y + size * 1.16;
    wd.size = size;
    wd.space_after = space;
    return wd;
  };
  struct Case {
    const char* line1;
    const char* line2;
    const char* joined;
  };
  const Case hyphens[] = {
      {"nilai perda-", "gangan naik", "nilai perdagangan naik"},               // a word broken at the line end
      {"kerja sama Jakarta-", "Seoul erat", "kerja sama Jakarta-Seoul erat"},  // a real hyphen before a capital
      {"banyak kota-", "kota mitra", "banyak kota-kota mitra"},                // reduplication keeps its hyphen
      {"tahun 2011-", "2015 naik", "tahun 2011-2015 naik"},                    // digits: a range keeps its hyphen
      {"biasa saja", "lanjut lagi", "biasa saja lanjut lagi"},
  };
  for (const auto& c : hyphens) {
    const std::string line = c.line1;
    CAPTURE(line);
    pdf::Page pg;
    pg.width = 595;
    pg.height = 842;
    auto split = [](const std::string& s) {
      std::vector<std::string> w;
      std::stringstream ss(s);
      for (std::string x; ss >> x;) w.push_back(x);
      return w;
    };
    double y = 100;
    for (const char* line : {c.line1, c.line2}) {
      auto ws = split(line);
      double x = 68;
      for (size_t k = 0; k < ws.size(); ++k) {
        pg.words.push_back(word(ws[k], x, y, 6.0 * ws[k].size(), k + 1 < ws.size()));
        x += 6.0 * ws[k].size() + 3;
      }
      y += 14.6;
    }
    auto lay = pdf::layout({pg});
    REQUIRE(lay.blocks.size() == 1);
    CHECK(lay.blocks[0].text == c.joined);
  }
  // The same header and page number on every page is furniture; the body stays.
  std::vector<pdf::Page> pages(3);
  for (int p = 0; p < 3; ++p) {
    pages[p].width = 595;
    pages[p].height = 842;
    pages[p].words = {word("Laporan", 68, 30, 40, true, 8),
                      word("2015", 112, 30, 20, false, 8),
                      word("Isi", 68, 100, 15),
                      word("halaman", 86, 100, 40, false),
                      word("Halaman", 260, 800, 40, true, 8),
                      word(std::to_string(p + 1), 303, 800, 5, false, 8)};
  }
  auto lay = pdf::layout(pages);
  CHECK(lay.furniture_removed == 6);
  REQUIRE(lay.blocks.size() == 3);
  CHECK(lay.blocks[0].text == "Isi halaman");
  REQUIRE(lay.starts.size() == 3);
  CHECK(lay.starts[2].block == 2);
  // Poppler reads a table column block by column block; rows come out whole, wrapped cells joined.
  pdf::Page t;
  t.words = {
      word("1", 72, 200, 5, false),        word("Seoul", 93, 200, 25, false),       word("Republik", 153, 200, 36),
      word("Rakyat", 192, 200, 30, false), word("Tiongkok", 153, 211.6, 38, false), word("1992", 255, 200, 21, false)};
  lay = pdf::layout({t});
  REQUIRE(lay.blocks.size() == 1);
  CHECK(lay.blocks[0].kind == "row");
  CHECK(lay.blocks[0].text == "1\tSeoul\tRepublik Rakyat Tiongkok\t1992");
}
