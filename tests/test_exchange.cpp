// Exchange: REFI-QDA export validates against the XSDs and round-trips
// without a difference; the real exports in ../shared/refi-qda/samples import
// with the counts the files hold; the deviations real tools commit (UTF-16
// offsets, CR LF counted once, Sources/, no internal://, DOCX-only sources)
// are detected and repaired; hostile archives are refused with nothing
// created; CSV and XLSX hold every coding.
#include <doctest/doctest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "exchange/exchange.h"
#include "exchange/guid.h"
#include "exchange/offsets.h"
#include "exchange/refi_names.h"
#include "exchange/xml.h"
#include "fixtures/exchange/helpers.h"
#include "ingest/zip.h"
#include "store/judgement.h"
#include "store/project.h"
#include "text/structure.h"
#include "text/utf8.h"
#if __has_include("sample/sample.h")
#include "sample/sample.h"
#define TELAAH_HAVE_SAMPLE 1
#endif

namespace fs = std::filesystem;
using namespace telaah;
using namespace telaah::exchange_test;
using store::Stance;

TEST_CASE("stable GUIDs: RFC 4122 version 5, the same for the same project, table and id") {
  std::string g = exchange::stable_guid("p-1", "codes", "7");
  CHECK(g.size() == 36);
  CHECK(g[14] == '5');
  CHECK(std::string("89ab").find(g[19]) != std::string::npos);
  CHECK(g == exchange::stable_guid("p-1", "codes", "7"));
  CHECK(g != exchange::stable_guid("p-1", "codes", "8"));
  CHECK(g != exchange::stable_guid("p-2", "codes", "7"));
  CHECK(g != exchange::stable_guid("p-1", "documents", "7"));
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {{"AD68FBE7-E1EE-4A82-A279-23CC698C89EB", "ad68fbe7-e1ee-4a82-a279-23cc698c89eb"},
               {"{AD68FBE7-E1EE-4A82-A279-23CC698C89EB}", "ad68fbe7-e1ee-4a82-a279-23cc698c89eb"},
               {" 39633935-3331-3962-6632-373436373264 ", "39633935-3331-3962-6632-373436373264"},
               {"not-a-guid", ""},
               {"AD68FBE7E1EE-4A82-A279-23CC698C89EB-", ""},
               {"", ""}};
  for (const auto& c : cases) CHECK_MESSAGE(exchange::canonical_guid(c.in) == c.out, c.in);
}

TEST_CASE("XML values: the xsd types Telaah writes, and text XML 1.0 can hold") {
  struct Case {
    const char* v;
    bool integer, decimal, date, datetime;
  } cases[] = {{"42", true, true, false, false},
               {"-7", true, true, false, false},
               {"7.5", false, true, false, false},
               {".5", false, true, false, false},
               {"1e3", false, false, false, false},
               {"", false, false, false, false},
               {"-", false, false, false, false},
               {".", false, false, false, false},
               {"2015-03-01", false, false, true, false},
               {"2015-13-01", false, false, false, false},
               {"2015-03", false, false, false, false},
               {"2018-03-27T19:29:27Z", false, false, false, true},
               {"2018-03-27T19:29:27.5+07:00", false, false, false, true},
               {"2018-03-27 19:29:27", false, false, false, false}};
  for (const auto& c : cases) {
    CAPTURE(c.v);
    CHECK(exchange::is_xsd_integer(c.v) == c.integer);
    CHECK(exchange::is_xsd_decimal(c.v) == c.decimal);
    CHECK(exchange::is_xsd_date(c.v) == c.date);
    CHECK(exchange::is_xsd_datetime(c.v) == c.datetime);
  }
  int64_t replaced = 0;
  CHECK(exchange::xml_text("a\x01"
                           "b\r\nc\rd\te\xEF\xBF\xBF",
                           &replaced) ==
        "a\xEF\xBF\xBD"
        "b\nc\nd\te\xEF\xBF\xBD");
  CHECK(replaced == 2);
}

TEST_CASE("position conventions: detected per source and mapped to code points of the stored text") {
  using exchange::Convention;
  using U = Convention::Unit;
  using B = Convention::Breaks;
  // Each case: the file's text, the quotes, and the convention the positions were written in.
  struct Case {
    const char* label;
    std::string raw;
    bool bom;
    std::vector<std::string> quotes;
    Convention written;
  } cases[] = {
      {"ASCII, standard",
       "alpha beta gamma delta",
       false,
       {"beta", "gamma delta"},
       {U::code_point, B::as_stored, false}},
      {"emoji before the selections, UTF-16 units",
       "smile \xF0\x9F\x98\x80 then \xF0\x9F\x98\x80\xF0\x9F\x98\x80 words after the emoji here",
       false,
       {"then", "words after", "emoji here"},
       {U::utf16, B::as_stored, false}},
      {"emoji, code points",
       "smile \xF0\x9F\x98\x80 then \xF0\x9F\x98\x80\xF0\x9F\x98\x80 words after the emoji here",
       false,
       {"then", "words after", "emoji here"},
       {U::code_point, B::as_stored, false}},
      {"CR LF counted as one",
       "first line\r\nsecond line\r\nthird line here\r\nfourth",
       false,
       {"second line", "third line", "fourth"},
       {U::code_point, B::one, false}},
      {"CR LF counted as two (the standard)",
       "first line\r\nsecond line\r\nthird line here\r\nfourth",
       false,
       {"second line", "third line", "fourth"},
       {U::code_point, B::as_stored, false}},
      {"LF counted as CR LF",
       "first line\nsecond line\nthird line here\nfourth",
       false,
       {"second line", "third", "fourth"},
       {U::code_point, B::two, false}},
      {"byte-order mark counted",
       "one two three four",
       true,
       {"two", "three four"},
       {U::code_point, B::as_stored, true}},
      {"end position inclusive",
       "ekspor naik tajam pada tahun 2015",
       false,
       {"naik", "tajam pada", "2015"},
       {U::code_point, B::as_stored, false, true}},
      {"Hangul and curly quotes, standard",
       "\xEC\x84\x9C\xEC\x9A\xB8 \xE2\x80\x9Cquoted\xE2\x80\x9D \xEB\xB0\xA9\xEB\xAC\xB8",
       false,
       {"\xE2\x80\x9Cquoted\xE2\x80\x9D", "\xEB\xB0\xA9\xEB\xAC\xB8"},
       {U::code_point, B::as_stored, false}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.label);
    exchange::SourceText st(c.raw, c.bom);
    // Positions as the exporting tool would have written them.
    std::vector<exchange::RawSelection> sels;
    std::string stored = c.raw;
    for (const auto& q : c.quotes) {
      size_t at = stored.find(q);
      REQUIRE(at != std::string::npos);
      auto units = [&](std::string_view s) {
        int64_t n = c.written.bom_counted ? 1 : 0;
        for (size_t i = 0; i < s.size();) {
          char32_t cp = text::decode_next(s, i);
          if (cp == '\r' && c.written.breaks == B::one) continue;  // the LF after it counts
          if (cp == '\n' && c.written.breaks == B::two) n += 1;
          n += (c.written.unit == U::utf16 && cp > 0xFFFF) ? 2 : 1;
        }
        return n;
      };
      int64_t s = units(std::string_view(stored).substr(0, at));
      int64_t e = s + units(q) - (c.written.bom_counted ? 1 : 0) - (c.written.end_inclusive ? 1 : 0);
      sels.push_back({s, e, ""});
    }
    auto d = exchange::detect_convention(st, sels);
    CHECK(d.convention == c.written);
    CHECK(d.in_range == static_cast<int64_t>(c.quotes.size()));
    for (size_t i = 0; i < c.quotes.size(); ++i) {
      REQUIRE(d.spans[i]);
      CHECK(st.slice(d.spans[i]->first, d.spans[i]->second) == c.quotes[i]);
    }
    CHECK(st.text().find('\r') == std::string::npos);
  }
}

TEST_CASE(
    "position conventions: names that quote the text decide, and text not in NFC is normalised with its positions") {
  // "e" + combining acute (NFD) becomes "é": positions after it shift by one.
  exchange::SourceText st("caf\x65\xCC\x81 au lait et cr\x65\xCC\x80me", false);
  CHECK(!st.was_nfc());
  CHECK(st.text() == "caf\xC3\xA9 au lait et cr\xC3\xA8me");
  std::vector<exchange::RawSelection> sels = {{0, 5, "cafe\xCC\x81"}, {6, 13, "au lait"}, {17, 23, ""}};
  auto d = exchange::detect_convention(st, sels);
  REQUIRE(d.spans[0]);
  CHECK(st.slice(d.spans[0]->first, d.spans[0]->second) == "caf\xC3\xA9");
  CHECK(st.slice(d.spans[1]->first, d.spans[1]->second) == "au lait");
  CHECK(st.slice(d.spans[2]->first, d.spans[2]->second) == "cr\xC3\xA8me");
  CHECK(d.name_matches == 2);

  struct Case {
    const char* name;
    const char* text;
    bool match;
  } names[] = {{"Oh, that was great.", "Oh, that was great.", true},
               {"Oh,  that\nwas great.", "Oh, that was great.", true},
               {"For some reason babies\xE2\x80\xA6", "For some reason babies aren't supposed", true},
               {"For some reason dogs\xE2\x80\xA6", "For some reason babies aren't supposed", false},
               {"line:6", "the sixth line", false},
               {"", "", false}};
  for (const auto& n : names) CHECK_MESSAGE(exchange::name_matches_text(n.name, n.text) == n.match, n.name);
}

TEST_CASE("code descriptions and stance lines read back exactly what was written") {
  store::Code a;
  a.definition = "Def.\n\nSecond paragraph.";
  a.inclusion = "In.";
  a.exclusion = "Out.\n\nMore out.";
  a.example =
      "\xE2\x80\x9C"
      "Example\xE2\x80\x9D";
  a.aliases = {"I1", "Infrastruktur hukum"};
  store::Code b;
  b.definition = "Only a definition.";
  store::Code c;  // nothing
  store::Code d;
  d.example = "Only an example";
  for (const auto& x : {a, b, c, d}) {
    store::Code y;
    exchange::refi::parse_code_description(exchange::refi::code_description(x), y);
    CHECK(y.definition == x.definition);
    CHECK(y.inclusion == x.inclusion);
    CHECK(y.exclusion == x.exclusion);
    CHECK(y.example == x.example);
    CHECK(y.aliases == x.aliases);
  }
  // Another tool's description is the definition.
  store::Code e;
  exchange::refi::parse_code_description("the foods people might eat for breakfast", e);
  CHECK(e.definition == "the foods people might eat for breakfast");

  struct Case {
    const char* in;
    std::optional<Stance> stance;
    const char* rest;
  } cases[] = {{"Stance: supports", Stance::supports, ""},
               {"Stance: contradicts\n\nand a comment", Stance::contradicts, "and a comment"},
               {"Stance: neutralish", std::nullopt, "Stance: neutralish"},
               {"why does Simon feel the need to do this?", std::nullopt, "why does Simon feel the need to do this?"}};
  for (const auto& k : cases) {
    std::string s = k.in;
    CHECK(exchange::refi::take_stance_line(s) == k.stance);
    CHECK(s == k.rest);
  }
}

TEST_CASE(
    "round trip: a project with Hangul, emoji, curly quotes, nested codes, two coders, stances, memos, attributes") {
  TempDir t("roundtrip");
  Snapshot before;
  {
    auto p = store::Project::create(t / "a.telaah");
    build_rich_project(*p);
    before = snapshot(*p);
    auto s = exchange::export_qdpx(*p, t / "a.qdpx");
    CHECK(s.count("codings") == 6);
    CHECK(s.count("sources") == 2);
    CHECK(s.count("codes") == 4);
    CHECK(mentions(s.encoded, "Stance"));
    CHECK(mentions(s.encoded, "Inclusion"));
    CHECK(mentions(s.lost, "source type colours"));
    CHECK(mentions(s.encoded, "'Language (attribute)'"));
    // Stable: the same project exports the same XML.
    CHECK(exchange::project_qde(*p) == exchange::project_qde(*p));
    auto c = exchange::export_qdc(*p, t / "a.qdc");
    CHECK(c.count("codes") == 4);
    CHECK(mentions(c.lost, "code memos"));
  }
  // The archive: project.qde and sources/GUID.txt holding the exact text.
  std::string bytes = slurp(t / "a.qdpx");
  ingest::ZipArchive z(bytes, ingest::Limits{}, "a.qdpx");
  CHECK(z.has("project.qde"));
  int txt = 0;
  for (const auto& n : z.names())
    if (n.rfind("sources/", 0) == 0 && n.size() == 8 + 36 + 4) {
      ++txt;
      CHECK(exchange::canonical_guid(n.substr(8, 36)) == n.substr(8, 36));
      std::string body = *z.read(n);
      CHECK((body == kDocA || body == kDocB));
    }
  CHECK(txt == 2);

  auto r = exchange::import_refi(t / "a.qdpx", t / "b.telaah");
  CHECK(r.format == "qdpx");
  CHECK(r.losses.empty());
  CHECK(r.text_selections.found == 6);
  CHECK(r.text_selections.imported == 6);
  for (const auto& d : r.source_details) CHECK(d.convention == "code points (the standard)");
  if (!r.losses.empty()) MESSAGE(r.to_text());
  {
    auto q = store::Project::open(t / "b.telaah");
    require_same(before, snapshot(*q));
    CHECK(q->check().empty());
    // One action: one undo step removes the whole import.
    CHECK(q->undo_label().value_or("").find("Import a.qdpx") != std::string::npos);
  }
  // The codebook file alone.
  auto rc = exchange::import_refi(t / "a.qdc", t / "c.telaah");
  CHECK(rc.format == "qdc");
  {
    auto q = store::Project::open(t / "c.telaah");
    CHECK(snapshot(*q).codes == before.codes);
    CHECK(q->documents().empty());
  }
  // Importing into an existing project is refused and leaves it alone.
  auto size = fs::file_size(t / "b.telaah");
  CHECK_THROWS_AS(exchange::import_refi(t / "a.qdpx", t / "b.telaah"), UserError);
  CHECK(fs::file_size(t / "b.telaah") == size);
}

TEST_CASE("every export validates against Project.xsd / Codebook.xsd") {
  if (!shared_present()) return;
  if (!have_xmllint()) {
    MESSAGE("skipped: xmllint is not installed (apt-get install libxml2-utils)");
    return;
  }
  TempDir t("xsd");
  auto p = store::Project::create(t / "a.telaah");
  build_rich_project(*p);
  exchange::export_qdpx(*p, t / "a.qdpx");
  spit(t / "project.qde", zip_entry(t / "a.qdpx", "project.qde"));
  CHECK(xsd_validate(t / "project.qde", "Project.xsd") == 0);
  exchange::export_qdc(*p, t / "a.qdc");
  CHECK(xsd_validate(t / "a.qdc", "Codebook.xsd") == 0);
  // An empty project (no codes, no documents) is still a valid file.
  auto e = store::Project::create(t / "empty.telaah");
  exchange::export_qdpx(*e, t / "empty.qdpx");
  spit(t / "empty.qde", zip_entry(t / "empty.qdpx", "project.qde"));
  CHECK(xsd_validate(t / "empty.qde", "Project.xsd") == 0);
  CHECK_THROWS_AS(exchange::export_qdc(*e, t / "empty.qdc"), UserError);
  // A validation that cannot fail proves nothing: a broken file is refused.
  spit(t / "broken.qde", "<Project xmlns=\"urn:QDA-XML:project:1.0\"><Sources><TextSource/></Sources></Project>");
  CHECK(xsd_validate(t / "broken.qde", "Project.xsd") != 0);
}

TEST_CASE("the real exports in ../shared/refi-qda/samples import with the counts they hold") {
  if (!shared_present()) return;
  TempDir t("samples");
  int files = 0;
  for (const auto& e : fs::directory_iterator(kShared / "samples")) {
    const fs::path f = e.path();
    if (f.extension() != ".qdpx" && f.extension() != ".qde") continue;
    ++files;
    CAPTURE(f.filename().string());
    // Count independently from the XML.
    std::string xml;
    if (f.extension() == ".qdpx") {
      std::string bytes = slurp(f);
      ingest::ZipArchive z(bytes, ingest::Limits{}, f.filename().string());
      for (const auto& n : z.names())
        if (n.size() > 4 && n.substr(n.size() - 4) == ".qde") xml = *z.read(n);
    } else {
      xml = slurp(f);
    }
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    const pugi::xml_node root = doc.document_element();
    int64_t codes = static_cast<int64_t>(root.child("CodeBook").select_nodes(".//*[local-name()='Code']").size());
    int64_t sources = 0;
    for (pugi::xml_node s = root.child("Sources").first_child(); s; s = s.next_sibling())
      sources += s.type() == pugi::node_element;
    int64_t selections = static_cast<int64_t>(root.select_nodes("//*[local-name()='PlainTextSelection']").size());
    int64_t codings = static_cast<int64_t>(root.child("Sources").select_nodes(".//*[local-name()='Coding']").size());

    const fs::path target = t / (f.stem().string() + f.extension().string() + ".telaah");
    auto r = exchange::import_refi(f, target);
    MESSAGE(r.to_text());
    CHECK(r.codes.found == codes);
    CHECK(r.codes.imported == codes);
    CHECK(r.sources.found == sources);
    CHECK(r.text_selections.found == selections);
    CHECK(r.codings.found == codings);
    CHECK(!r.deviations.empty());
    auto p = store::Project::open(target);
    CHECK(static_cast<int64_t>(p->codes().size()) == codes);
    CHECK(static_cast<int64_t>(p->documents().size()) == r.sources.imported);
    CHECK(static_cast<int64_t>(p->codings().size()) == r.codings.imported);
    // Everything found is either imported or reported lost.
    if (r.sources.imported < r.sources.found) CHECK(!r.losses.empty());
    if (r.text_selections.imported < r.text_selections.found) CHECK(!r.losses.empty());
    check_codings_on_words(*p);
    CHECK(p->check().empty());

    const std::string name = f.filename().string();
    if (name.find("qc-") == 0) {  // QualCoder: every selection imported, paths without internal://
      CHECK(r.sources.imported == 2);
      CHECK(r.text_selections.imported == selections);
      CHECK(r.codings.imported == codings);
      CHECK(mentions(r.deviations, "internal://"));
      CHECK(r.losses.empty());
    }
    if (name.find("nvivo") == 0) {  // NVivo for Mac, empty project: sources with an empty text
      CHECK(r.sources.imported == 2);
      CHECK(r.codes.imported == 262);
    }
    if (name.find("atlasti") == 0) {  // ATLAS.ti: Project.qde, an empty Sources/ folder, media
      if (f.extension() == ".qdpx") CHECK(mentions(r.deviations, "Project.qde"));
      CHECK(mentions(r.losses, "not in the archive"));
      CHECK(mentions(r.losses, "audio and video sources"));
      // The PDF's text and the picture are not in the archive: their 4 + 1 area selections go with them.
      CHECK(mentions(r.losses, "area selections on sources that could not be imported [2]"));
      CHECK(mentions(r.losses, "4 on Pay de Lim"));
      CHECK(mentions(r.losses, "1 on cornflakes-n-milk.jpg"));
      CHECK(r.other_selections.imported == 0);
      CHECK(mentions(r.losses, "code sets"));
      CHECK(r.notes.imported == 2);
    }
  }
  CHECK(files >= 3);
}

TEST_CASE(
    "tolerant import: Project.qde, Sources/, no internal://, UTF-16 offsets, CR LF counted once, BOM, stances from "
    "cases") {
  TempDir t("tolerant");
  // Source 1 (UTF-16 positions): emoji before both selections.
  const std::string t1 =
      "Pak Budi \xF0\x9F\x98\x80\xF0\x9F\x98\x80 bilang ekspor naik tajam pada 2015 \xF0\x9F\x87\xAE\xF0\x9F\x87\xA9 "
      "dan impor turun.";
  // Source 2 (CR LF counted once, with a BOM in the file).
  const std::string t2 = "Baris pertama.\r\nBaris kedua tentang pelatihan vokasi.\r\n\r\nBaris ketiga: kuliner.";
  auto u16 = [](const std::string& s, const std::string& q) {
    size_t at = s.find(q);
    int64_t n = 0;
    for (size_t i = 0; i < at;) n += text::decode_next(s, i) > 0xFFFF ? 2 : 1;
    int64_t m = 0;
    for (size_t i = 0; i < q.size();) m += text::decode_next(q, i) > 0xFFFF ? 2 : 1;
    return std::make_pair(n, n + m);
  };
  auto crlf1 = [](const std::string& s, const std::string& q) {
    std::string norm;
    for (char c : s)
      if (c != '\r') norm += c;
    size_t at = norm.find(q);
    int64_t n = static_cast<int64_t>(text::count_code_points(norm.substr(0, at)));
    return std::make_pair(n, n + static_cast<int64_t>(text::count_code_points(q)));
  };
  auto [a1, b1] = u16(t1, "ekspor naik tajam");
  auto [a2, b2] = u16(t1, "impor turun");
  auto [a3, b3] = crlf1(t2, "pelatihan vokasi");
  auto [a4, b4] = crlf1(t2, "kuliner");
  auto sel = [](const std::string& guid, int64_t a, int64_t b, const std::string& code, const std::string& extra = "") {
    return "<PlainTextSelection guid=\"" + guid + "\" startPosition=\"" + std::to_string(a) + "\" endPosition=\"" +
           std::to_string(b) + "\" creatingUser=\"AAAAAAAA-0000-0000-0000-000000000001\">" + extra + "<Coding guid=\"" +
           guid.substr(0, 35) + "9\"><CodeRef targetGUID=\"" + code + "\"/></Coding></PlainTextSelection>";
  };
  const std::string K1 = "{C0DE0000-0000-0000-0000-000000000001}", K2 = "C0DE0000-0000-0000-0000-000000000002";
  std::string qde =
      std::string("\xEF\xBB\xBF") +
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
      "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"vendor\" origin=\"SomeTool 1.0\">"
      "<Users><User guid=\"AAAAAAAA-0000-0000-0000-000000000001\" name=\"Dewi\"/></Users>"
      "<CodeBook><Codes><Code guid=\"" +
      K1 +
      "\" name=\"Trade/Export\" isCodable=\"false\" color=\"#abc\">"
      "<Code guid=\"" +
      K2 +
      "\" name=\" Training \" isCodable=\"true\"/>"
      "<Code guid=\"C0DE0000-0000-0000-0000-000000000003\" name=\"two&#10;lines\" "
      "isCodable=\"true\"/></Code></Codes></CodeBook>"
      "<Cases><Case guid=\"CA5E0000-0000-0000-0000-000000000001\" name=\"Stance: contradicts\">"
      "<SelectionRef targetGUID=\"5E100000-0000-0000-0000-000000000002\"/></Case></Cases>"
      "<Sources>"
      "<TextSource guid=\"50000000-0000-0000-0000-000000000001\" name=\"Interview Budi\" plainTextPath=\"src1.txt\">" +
      sel("5E100000-0000-0000-0000-000000000001", a1, b1, K1, "<Description>ekspor naik tajam</Description>") +
      sel("5E100000-0000-0000-0000-000000000002", a2, b2, K1) +
      "</TextSource>"
      "<TextSource guid=\"50000000-0000-0000-0000-000000000002\" name=\"Notes\" "
      "plainTextPath=\"internal://src2.txt\">" +
      sel("5E100000-0000-0000-0000-000000000003", a3, b3, K2) +
      sel("5E100000-0000-0000-0000-000000000004", a4, b4, K2) + "</TextSource></Sources></Project>";
  make_zip(t / "vendor.qdpx",
           {{"Project.qde", qde}, {"Sources/src1.txt", t1}, {"Sources/src2.txt", "\xEF\xBB\xBF" + t2}});
  auto r = exchange::import_refi(t / "vendor.qdpx", t / "v.telaah");
  MESSAGE(r.to_text());
  CHECK(r.text_selections.imported == 4);
  CHECK(r.losses.empty());
  CHECK(mentions(r.deviations, "'Project.qde'"));
  CHECK(mentions(r.deviations, "Sources/"));
  CHECK(mentions(r.deviations, "internal://"));
  CHECK(mentions(r.deviations, "UTF-16"));
  CHECK(mentions(r.deviations, "counted as one"));
  CHECK(mentions(r.deviations, "byte-order mark"));
  CHECK(mentions(r.deviations, "'/'"));
  CHECK(mentions(r.deviations, "not codable"));
  CHECK(mentions(r.deviations, "several lines"));
  auto p = store::Project::open(t / "v.telaah");
  std::map<std::string, std::string> quotes;  // quote -> code path|stance|coder|memo
  std::map<store::Id, std::string> coders;
  for (const auto& c : p->coders()) coders[c.id] = c.name;
  for (const auto& c : p->codings()) {
    std::string body = p->text(c.doc);
    text::OffsetMap m(body);
    quotes[std::string(text::slice_cp(body, m, static_cast<size_t>(c.start), static_cast<size_t>(c.end)))] =
        p->code_path(c.code) + "|" + store::to_string(c.stance) + "|" + coders[c.coder] + "|" + c.memo;
  }
  const std::string path1 =
      "Trade\xE2\x88\x95"
      "Export";
  CHECK(quotes["ekspor naik tajam"] == path1 + "|neutral|Dewi|ekspor naik tajam");
  CHECK(quotes["impor turun"] == path1 + "|contradicts|Dewi|");
  CHECK(quotes["pelatihan vokasi"] == path1 + "/Training|neutral|Dewi|");
  CHECK(quotes["kuliner"] == path1 + "/Training|neutral|Dewi|");
  CHECK(p->code(p->resolve_code(path1)).colour == "#aabbcc");
  CHECK_NOTHROW(p->resolve_code(path1 + "/two lines"));
  for (const auto& d : p->documents()) CHECK(p->text(d.id).find('\r') == std::string::npos);
  check_codings_on_words(*p);
}

TEST_CASE("tolerant import: where real archives put project.qde and the source files") {
  TempDir t("layouts");
  const std::string text = "Kerja sama perdagangan Jakarta dan Seoul sejak 1984.";
  struct Case {
    const char* qde_entry;
    const char* source_entry;
    const char* path;
    const char* deviation;  // "" = none about the layout
  } cases[] = {
      {"project.qde", "sources/s.txt", "internal://s.txt", ""},
      {"Project.qde", "sources/s.txt", "internal://s.txt", "'Project.qde'"},
      {"project.qde", "Sources/s.txt", "internal://s.txt", "Sources/"},
      {"project.qde", "sources/S.TXT", "internal://s.txt", "letter case"},
      {"project.qde", "s.txt", "internal://s.txt", "top of the archive"},
      {"project.qde", "files/s.txt", "internal://s.txt", "a folder other than sources/"},
      {"project.qde", "sources/s.txt", "s.txt", "internal://"},
      {"project.qde", "sources\\s.txt", "internal://s.txt", "backslashes"},
      {"export/project.qde", "export/sources/s.txt", "internal://s.txt", "inside a folder"},
  };
  int i = 0;
  for (const auto& c : cases) {
    CAPTURE(c.qde_entry);
    CAPTURE(c.source_entry);
    const std::string qde =
        std::string(
            "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"l\"><CodeBook><Codes>"
            "<Code guid=\"C0DE0000-0000-0000-0000-000000000001\" name=\"Trade\" isCodable=\"true\" "
            "color=\"#112233\"/></Codes></CodeBook>"
            "<Sources><TextSource guid=\"50000000-0000-0000-0000-000000000001\" name=\"S\" plainTextPath=\"") +
        c.path +
        "\"><PlainTextSelection guid=\"5E100000-0000-0000-0000-000000000001\" startPosition=\"23\" endPosition=\"40\">"
        "<Coding guid=\"5E100000-0000-0000-0000-000000000002\"><CodeRef "
        "targetGUID=\"C0DE0000-0000-0000-0000-000000000001\"/></Coding>"
        "</PlainTextSelection></TextSource></Sources></Project>";
    const fs::path f = t / ("l" + std::to_string(++i) + ".qdpx");
    make_zip(f, {{c.qde_entry, qde}, {c.source_entry, text}});
    auto r = exchange::import_refi(f, t / ("l" + std::to_string(i) + ".telaah"));
    CHECK(r.text_selections.imported == 1);
    CHECK(r.losses.empty());
    if (*c.deviation)
      CHECK_MESSAGE(mentions(r.deviations, c.deviation), r.to_text());
    else
      for (const char* d : {"qde", "sources/", "internal://", "archive"})
        CHECK_MESSAGE(!mentions(r.deviations, d), r.to_text());
    auto p = store::Project::open(t / ("l" + std::to_string(i) + ".telaah"));
    auto cs = p->codings();
    REQUIRE(cs.size() == 1);
    std::string body = p->text(cs[0].doc);
    text::OffsetMap m(body);
    CHECK(std::string(text::slice_cp(body, m, 23, 40)) == "Jakarta dan Seoul");
  }
}

TEST_CASE(
    "import report: every loss and doubtful selection is named; cases become cases, sets and variables document "
    "fields") {
  TempDir t("report");
  const std::string text =
      "Informan C mengatakan ekspor rempah naik, tetapi eksportir kecil tidak merasakan manfaatnya.";
  auto at = [&](const std::string& q, int shift_start = 0, int shift_end = 0) {
    int64_t a = static_cast<int64_t>(text.find(q));
    return "startPosition=\"" + std::to_string(a + shift_start) + "\" endPosition=\"" +
           std::to_string(a + static_cast<int64_t>(q.size()) + shift_end) + "\"";
  };
  const std::string K = "C0DE0000-0000-0000-0000-000000000001";
  auto coding = [](const std::string& code) {
    return "<Coding guid=\"" + exchange::stable_guid("t", "c", code) + "\"><CodeRef targetGUID=\"" + code +
           "\"/></Coding>";
  };
  const std::string qde =
      "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"r\"><Users><User "
      "guid=\"AAAAAAAA-0000-0000-0000-000000000001\" name=\"Sari\"/></Users>"
      "<CodeBook><Codes><Code guid=\"" +
      K +
      "\" name=\"Ekspor \xFF rempah\" isCodable=\"true\" color=\"#336699\"/></Codes></CodeBook>"
      "<Variables><Variable guid=\"7A000000-0000-0000-0000-000000000001\" name=\"age\" typeOfVariable=\"Integer\"/>"
      "<Variable guid=\"7A000000-0000-0000-0000-000000000002\" name=\"Source type\" "
      "typeOfVariable=\"Text\"/></Variables>"
      "<Cases><Case guid=\"CA5E0000-0000-0000-0000-000000000001\" name=\"Informan C\">"
      "<VariableValue><VariableRef "
      "targetGUID=\"7A000000-0000-0000-0000-000000000001\"/><IntegerValue>47</IntegerValue></VariableValue>"
      "<SourceRef targetGUID=\"50000000-0000-0000-0000-000000000001\"/></Case></Cases>"
      "<Sources><TextSource guid=\"50000000-0000-0000-0000-000000000001\" name=\"Wawancara C\" "
      "plainTextPath=\"internal://c.txt\">"
      "<PlainTextSelection guid=\"5E100000-0000-0000-0000-000000000001\" " +
      at("ekspor rempah naik") + ">" + coding(K) +
      "</PlainTextSelection>"
      "<PlainTextSelection guid=\"5E100000-0000-0000-0000-000000000002\" " +
      at("eksportir kecil", 2, 0) + ">" + coding(K) +
      "</PlainTextSelection>"
      "<PlainTextSelection guid=\"5E100000-0000-0000-0000-000000000003\" " +
      at("manfaatnya") +
      "><Description>worth a memo</Description></PlainTextSelection>"
      "<PlainTextSelection guid=\"5E100000-0000-0000-0000-000000000004\" " +
      at("tidak") + ">" + coding("C0DE0000-0000-0000-0000-00000000FFFF") +
      "</PlainTextSelection>"
      "<PlainTextSelection guid=\"5E100000-0000-0000-0000-000000000005\" startPosition=\"80\" endPosition=\"500\">" +
      coding(K) +
      "</PlainTextSelection>"
      "<VariableValue><VariableRef "
      "targetGUID=\"7A000000-0000-0000-0000-000000000002\"/><TextValue>survey</TextValue></VariableValue>"
      "</TextSource></Sources>"
      "<Links><Link guid=\"11111111-0000-0000-0000-000000000001\" name=\"see also\"/></Links>"
      "<Sets><Set guid=\"5E700000-0000-0000-0000-000000000001\" name=\"Eksportir\"><MemberSource "
      "targetGUID=\"50000000-0000-0000-0000-000000000001\"/></Set></Sets>"
      "</Project>";
  make_zip(t / "r.qdpx", {{"project.qde", qde}, {"sources/c.txt", text}});
  auto r = exchange::import_refi(t / "r.qdpx", t / "r.telaah");
  MESSAGE(r.to_text());
  CHECK(r.text_selections.found == 5);
  CHECK(r.text_selections.imported == 2);
  CHECK(mentions(r.deviations, "inside a word"));
  CHECK(mentions(r.deviations, "not valid UTF-8"));
  CHECK(mentions(r.losses, "without any code"));
  CHECK(mentions(r.losses, "worth a memo"));
  CHECK(mentions(r.losses, "a code the codebook does not have"));
  CHECK(mentions(r.losses, "outside their source's text"));
  CHECK(mentions(r.losses, "links between items"));
  auto p = store::Project::open(t / "r.telaah");
  auto docs = p->documents();
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].source_type == "survey");
  std::map<std::string, std::string> attrs;
  for (const auto& a : p->attributes(docs[0].id)) attrs[a.name] = a.type + ":" + a.value;
  // The case is a case (schema 4), with its variable value as a typed attribute and the source as a member.
  CHECK(attrs.count("Case") == 0);
  auto cases = store::cases(*p);
  REQUIRE(cases.size() == 1);
  CHECK(cases[0].name == "Informan C");
  REQUIRE(cases[0].attributes.size() == 1);
  CHECK(cases[0].attributes[0].name == "age");
  CHECK(cases[0].attributes[0].type == "number");
  CHECK(cases[0].attributes[0].value == "47");
  REQUIRE(cases[0].members.size() == 1);
  CHECK(cases[0].members[0].doc == docs[0].id);
  CHECK(attrs["Sets"] == "text:Eksportir");
  CHECK(p->codes().at(0).name == "Ekspor \xEF\xBF\xBD rempah");
  CHECK(p->coders().size() == 1);
}

TEST_CASE("tolerant import: a DOCX-only source is converted and its selections checked against the conversion") {
  if (ingest::detect_format("x.docx", "PK\x03\x04") != "docx") {
    MESSAGE("skipped: this build has no DOCX importer");
    return;
  }
  TempDir t("docx");
  const std::string docxml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      "<w:p><w:r><w:t>Pertama: kerja sama dimulai 1984.</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>Kedua: ekspor naik pada 2015.</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>Ketiga: program pemuda berlanjut.</w:t></w:r></w:p></w:body></w:document>";
  make_zip(t / "d.docx",
           {{"[Content_Types].xml",
             "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
            {"word/document.xml", docxml}});
  // The other tool's plain text joins paragraphs with one line break.
  const std::string plain =
      "Pertama: kerja sama dimulai 1984.\nKedua: ekspor naik pada 2015.\nKetiga: program pemuda berlanjut.";
  auto pos = [&](const std::string& q) {
    int64_t a = static_cast<int64_t>(text::count_code_points(plain.substr(0, plain.find(q))));
    return std::to_string(a) + "\" endPosition=\"" +
           std::to_string(a + static_cast<int64_t>(text::count_code_points(q)));
  };
  std::string qde =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"d\">"
      "<CodeBook><Codes><Code guid=\"C0DE0000-0000-0000-0000-000000000001\" name=\"Program\" "
      "isCodable=\"true\"/></Codes></CodeBook>"
      "<Sources><TextSource guid=\"50000000-0000-0000-0000-000000000001\" name=\"Laporan\" "
      "richTextPath=\"internal://d0c00000-0000-0000-0000-000000000001.docx\">"
      "<PlainTextSelection guid=\"5E100000-0000-0000-0000-000000000001\" startPosition=\"" +
      pos("program pemuda berlanjut") +
      "\"><Coding guid=\"5E100000-0000-0000-0000-000000000009\"><CodeRef "
      "targetGUID=\"C0DE0000-0000-0000-0000-000000000001\"/></Coding></PlainTextSelection>"
      "<PlainTextSelection guid=\"5E100000-0000-0000-0000-000000000002\" startPosition=\"" +
      pos("ekspor naik") +
      "\"><Coding guid=\"5E100000-0000-0000-0000-000000000008\"><CodeRef "
      "targetGUID=\"C0DE0000-0000-0000-0000-000000000001\"/></Coding></PlainTextSelection>"
      "</TextSource></Sources></Project>";
  make_zip(t / "d.qdpx",
           {{"project.qde", qde}, {"sources/d0c00000-0000-0000-0000-000000000001.docx", slurp(t / "d.docx")}});
  auto r = exchange::import_refi(t / "d.qdpx", t / "d.telaah");
  MESSAGE(r.to_text());
  CHECK(r.text_selections.imported == 2);
  CHECK(mentions(r.deviations, "DOCX"));
  auto p = store::Project::open(t / "d.telaah");
  std::set<std::string> got;
  for (const auto& c : p->codings()) {
    std::string body = p->text(c.doc);
    text::OffsetMap m(body);
    got.insert(std::string(text::slice_cp(body, m, static_cast<size_t>(c.start), static_cast<size_t>(c.end))));
  }
  CHECK(got == std::set<std::string>{"program pemuda berlanjut", "ekspor naik"});
}

TEST_CASE(
    "tolerant import: PDF sources; the plain-text representation carries the selections, without one the PDF is "
    "converted") {
  TempDir t("pdf");
  const fs::path pdf = fs::path(TELAAH_SOURCE_DIR) / "corpus" / "official" / "03-lkpj-2015.pdf";
  const std::string rep_text = "Realisasi ekspor 2015 mencapai Rp 69,7 miliar.";
  const std::string qde =
      "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\"><CodeBook><Codes>"
      "<Code guid=\"C0DE0000-0000-0000-0000-000000000001\" name=\"Output\" "
      "isCodable=\"true\"/></Codes></CodeBook><Sources>"
      "<PDFSource guid=\"50000000-0000-0000-0000-000000000001\" name=\"With representation.pdf\" "
      "path=\"internal://a.pdf\">"
      "<PDFSelection guid=\"5E100000-0000-0000-0000-000000000001\" page=\"0\" firstX=\"1\" firstY=\"1\" secondX=\"9\" "
      "secondY=\"9\">"
      "<Coding guid=\"5E100000-0000-0000-0000-000000000002\"><CodeRef "
      "targetGUID=\"C0DE0000-0000-0000-0000-000000000001\"/></Coding></PDFSelection>"
      "<Representation guid=\"50000000-0000-0000-0000-000000000009\" plainTextPath=\"internal://rep.txt\">"
      "<PlainTextSelection guid=\"5E100000-0000-0000-0000-000000000003\" startPosition=\"0\" endPosition=\"21\" "
      "name=\"Realisasi ekspor 2015\">"
      "<Coding guid=\"5E100000-0000-0000-0000-000000000004\"><CodeRef "
      "targetGUID=\"C0DE0000-0000-0000-0000-000000000001\"/></Coding>"
      "</PlainTextSelection></Representation></PDFSource>"
      "<PDFSource guid=\"50000000-0000-0000-0000-000000000002\" name=\"Only the PDF.pdf\" path=\"internal://b.pdf\"/>"
      "</Sources></Project>";
  const bool have_pdf = fs::exists(pdf);
  make_zip(t / "p.qdpx", {{"project.qde", qde},
                          {"sources/rep.txt", rep_text},
                          {"sources/b.pdf", have_pdf ? slurp(pdf) : std::string("%PDF-1.4 broken")}});
  auto r = exchange::import_refi(t / "p.qdpx", t / "p.telaah");
  MESSAGE(r.to_text());
  CHECK(r.text_selections.imported == 1);
  CHECK(r.other_selections.found == 1);
  // The area selection is an area coding (issue 24): the PDF is not in the
  // archive, so A4 is assumed to turn y from the bottom into y from the top.
  CHECK(r.other_selections.imported == 1);
  CHECK(mentions(r.deviations, "A4, 842 points, assumed"));
  auto p = store::Project::open(t / "p.telaah");
  auto cs = p->codings();
  REQUIRE(cs.size() == 2);
  if (p->coding_area(cs[0].id)) std::swap(cs[0], cs[1]);  // by span: the area's [0, 1) may come first
  CHECK(p->text(cs[0].doc) == rep_text);
  CHECK(cs[0].start == 0);
  CHECK(cs[0].end == 21);
  CHECK(!p->coding_area(cs[0].id));
  const auto area = p->coding_area(cs[1].id);
  REQUIRE(area);
  CHECK(area->page == 1);
  CHECK(area->x == doctest::Approx(1));
  CHECK(area->y == doctest::Approx(833));  // 842 - 9
  CHECK(area->w == doctest::Approx(8));
  CHECK(area->h == doctest::Approx(8));
  CHECK(cs[1].start == 0);  // no words known there: the page's first character
  CHECK(cs[1].end == 1);
  if (have_pdf && r.sources.imported == 2) {
    CHECK(mentions(r.deviations, "without a plain-text representation"));
    bool found = false;
    for (const auto& d : p->documents()) found = found || (d.title == "Only the PDF.pdf" && d.length_cp > 100);
    CHECK(found);
  } else {
    MESSAGE("the PDF could not be converted in this build: it must be reported as a loss");
    CHECK(mentions(r.losses, "Only the PDF.pdf"));
  }
}

TEST_CASE("hostile and broken files are refused cleanly, the target project is not created") {
  TempDir t("hostile");
  const std::string ok_qde = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"/>";
  struct Case {
    const char* label;
    std::function<void(const fs::path&)> make;
    const char* says;
  } cases[] = {
      {"path traversal",
       [&](const fs::path& f) {
         make_zip(f, {{"project.qde", ok_qde}, {"../../evil.txt", "x"}});
       },
       "outside the archive"},
      {"absolute entry name",
       [&](const fs::path& f) {
         make_zip(f, {{"project.qde", ok_qde}, {"/etc/evil", "x"}});
       },
       "outside the archive"},
      {"zip bomb (ratio)",
       [&](const fs::path& f) {
         make_zip(f, {{"project.qde", ok_qde}, {"sources/big.txt", std::string(20u << 20, '\0')}});
       },
       "zip bomb"},
      {"malformed XML",
       [&](const fs::path& f) {
         make_zip(f, {{"project.qde", "<Project><Sources><TextSource></Project>"}});
       },
       "not well-formed"},
      {"billion laughs",
       [&](const fs::path& f) {
         std::string x = "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\">";
         for (char e = 'b'; e <= 'j'; ++e) {
           x += std::string("<!ENTITY ") + e + " \"";
           for (int k = 0; k < 10; ++k) x += std::string("&") + static_cast<char>(e - 1) + ";";
           x += "\">";
         }
         x += "]><Project name=\"&j;\"/>";
         make_zip(f, {{"project.qde", x}});
       },
       "entities"},
      {"billion laughs in a bare .qde",
       [&](const fs::path& f) { spit(f, "<!DOCTYPE P [<!ENTITY a \"x\">]><Project name=\"&a;\"/>"); }, "entities"},
      {"not a zip", [&](const fs::path& f) { spit(f, "PK\x03\x04 this is not really a zip archive at all"); }, "zip"},
      {"no project.qde",
       [&](const fs::path& f) {
         make_zip(f, {{"readme.txt", "hello"}});
       },
       "no project.qde"},
      {"XML but not REFI-QDA", [&](const fs::path& f) { spit(f, "<html><body/></html>"); }, "not REFI-QDA"},
      {"empty file", [&](const fs::path& f) { spit(f, ""); }, "XML"},
  };
  int i = 0;
  for (const auto& c : cases) {
    CAPTURE(c.label);
    const fs::path f = t / ("h" + std::to_string(++i) + ".qdpx");
    c.make(f);
    const fs::path target = t / ("h" + std::to_string(i) + ".telaah");
    std::string msg;
    try {
      exchange::import_refi(f, target);
    } catch (const UserError& e) {
      msg = e.what();
    }
    CHECK_MESSAGE(msg.find(c.says) != std::string::npos, msg);
    CHECK(project_files_absent(target));
  }
  // A failure half-way through creating the project (here: cancelled while
  // the codings are added) leaves no project file behind.
  {
    TempDir v("cancel");
    auto p = store::Project::create(v / "a.telaah");
    build_rich_project(*p);
    exchange::export_qdpx(*p, v / "a.qdpx");
    exchange::ImportOptions o;
    o.progress = [](const std::string& s) {
      if (s.find("codings") != std::string::npos) throw UserError("cancelled");
    };
    CHECK_THROWS_WITH_AS(exchange::import_refi(v / "a.qdpx", v / "b.telaah", o), "cancelled", UserError);
    CHECK(project_files_absent(v / "b.telaah"));
  }
  // The size limits are the caller's: a small total limit refuses an honest archive.
  TempDir u("limits");
  auto p = store::Project::create(u / "a.telaah");
  build_rich_project(*p);
  exchange::export_qdpx(*p, u / "a.qdpx");
  exchange::ImportOptions o;
  o.limits.max_zip_total = 200;
  CHECK_THROWS_AS(exchange::import_refi(u / "a.qdpx", u / "b.telaah", o), UserError);
  CHECK(project_files_absent(u / "b.telaah"));
}

TEST_CASE("spreadsheets: CSV (RFC 4180, optional BOM) and XLSX hold every coding and the codebook") {
  TempDir t("sheets");
  auto p = store::Project::create(t / "a.telaah");
  build_rich_project(*p);
  auto table = exchange::codings_table(*p);
  REQUIRE(table.rows.size() == 6);
  auto s = exchange::write_csv(table, t / "c.csv", {true});
  CHECK(s.count("rows") == 6);
  std::string csv = slurp(t / "c.csv");
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  // Parse it back (RFC 4180) and compare every cell.
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 3; i < csv.size(); ++i) {
    char ch = csv[i];
    if (quoted) {
      if (ch == '"' && i + 1 < csv.size() && csv[i + 1] == '"')
        field += csv[++i];
      else if (ch == '"')
        quoted = false;
      else
        field += ch;
    } else if (ch == '"')
      quoted = true;
    else if (ch == ',')
      rows.back().push_back(std::exchange(field, ""));
    else if (ch == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      rows.back().push_back(std::exchange(field, ""));
      rows.emplace_back();
      ++i;
    } else
      field += ch;
  }
  rows.pop_back();
  REQUIRE(rows.size() == 7);
  CHECK(rows[0] == table.columns);
  for (size_t r = 0; r < 6; ++r) CHECK(rows[r + 1] == table.rows[r]);
  struct Case {
    std::string in, out;
  } quoting[] = {{"plain", "plain"},
                 {"a,b", "\"a,b\""},
                 {"say \"hi\"", "\"say \"\"hi\"\"\""},
                 {"two\nlines", "\"two\nlines\""},
                 {" padded ", "\" padded \""},
                 {"\xEC\x84\x9C\xEC\x9A\xB8", "\xEC\x84\x9C\xEC\x9A\xB8"}};
  for (const auto& q : quoting) {
    exchange::Table one{"t", {q.in}, {}, {}};
    CHECK(exchange::to_csv(one) == q.out + "\r\n");
  }
  // The quote column holds exactly the coded text.
  const size_t quote_col =
      static_cast<size_t>(std::find(table.columns.begin(), table.columns.end(), "quote") - table.columns.begin());
  std::multiset<std::string> want, got;
  for (const auto& c : p->codings()) {
    std::string body = p->text(c.doc);
    text::OffsetMap m(body);
    want.insert(std::string(text::slice_cp(body, m, static_cast<size_t>(c.start), static_cast<size_t>(c.end))));
  }
  for (const auto& r : table.rows) got.insert(r[quote_col]);
  CHECK(want == got);

  auto x = exchange::write_xlsx({table, exchange::codebook_table(*p)}, t / "c.xlsx");
  CHECK(x.count("Codings rows") == 6);
  CHECK(x.count("Codebook rows") == 4);
  std::string shared = zip_entry(t / "c.xlsx", "xl/sharedStrings.xml");
  CHECK(shared.find("\xEC\x84\x9C\xEC\x9A\xB8\xEC\x8B\x9C") != std::string::npos);
  CHECK(shared.find("Legal infrastructure") != std::string::npos);
  zip_entry(t / "c.xlsx", "xl/worksheets/sheet2.xml");
}

TEST_CASE("command line: telaah export and telaah import-qdpx") {
  TempDir t("cli");
  {
    auto p = store::Project::create(t / "a.telaah");
    build_rich_project(*p);
  }
  const std::string bin = TELAAH_BINARY;
  auto run = [&](const std::string& args) {
    std::string cmd = "'" + bin + "' " + args + " >" + (t / "out.txt").string() + " 2>" + (t / "err.txt").string();
    int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  };
  const std::string a = (t / "a.telaah").string();
  CHECK(run("export '" + a + "' --qdpx '" + (t / "a.qdpx").string() + "'") == 0);
  CHECK(slurp(t / "out.txt").find("not in the file") != std::string::npos);
  CHECK(run("export '" + a + "' --qdpx '" + (t / "a.qdpx").string() + "'") == 1);  // exists: needs --force
  CHECK(run("export '" + a + "' --qdpx '" + (t / "a.qdpx").string() + "' --force --json") == 0);
  CHECK(run("export '" + a + "' --qdc '" + (t / "a.qdc").string() + "'") == 0);
  CHECK(run("export '" + a + "' --csv '" + (t / "a.csv").string() + "' --what codebook --bom") == 0);
  CHECK(slurp(t / "a.csv").find("Legal infrastructure") != std::string::npos);
  CHECK(run("export '" + a + "' --csv '" + (t / "m.csv").string() + "' --matrix") == 0);
  CHECK(run("export '" + a + "' --xlsx '" + (t / "a.xlsx").string() + "'") == 0);
  CHECK(run("export '" + a + "' --csv x.csv --xlsx y.xlsx") == 1);
  CHECK(run("export '" + a + "'") == 1);
  CHECK(run("import-qdpx '" + (t / "a.qdpx").string() + "' '" + (t / "b.telaah").string() + "' --quiet") == 0);
  CHECK(slurp(t / "out.txt").find("created") != std::string::npos);
  CHECK(run("import-qdpx '" + (t / "a.qdpx").string() + "' '" + (t / "b.telaah").string() + "'") == 1);
  CHECK(run("import-qdpx '" + (t / "nothing.qdpx").string() + "' '" + (t / "c.telaah").string() + "'") == 1);
  CHECK(project_files_absent(t / "c.telaah"));
}

#ifdef TELAAH_HAVE_SAMPLE
TEST_CASE("the sample project round-trips through .qdpx without a difference") {
  TempDir t("sample");
  const fs::path corpus = fs::path(TELAAH_SOURCE_DIR) / "corpus";
  try {
    sample::build_sample(t / "s.telaah", corpus);
  } catch (const UserError& e) {
    MESSAGE("skipped: the sample project cannot be built in this build (" << e.what() << ")");
    return;
  }
  Snapshot before;
  {
    auto p = store::Project::open(t / "s.telaah");
    before = snapshot(*p);
    exchange::export_qdpx(*p, t / "s.qdpx");
  }
  if (shared_present() && have_xmllint()) {
    spit(t / "s.qde", zip_entry(t / "s.qdpx", "project.qde"));
    CHECK(xsd_validate(t / "s.qde", "Project.xsd") == 0);
  }
  auto r = exchange::import_refi(t / "s.qdpx", t / "back.telaah");
  CHECK(r.losses.empty());
  if (!r.losses.empty()) MESSAGE(r.to_text());
  auto q = store::Project::open(t / "back.telaah");
  require_same(before, snapshot(*q));
  CHECK(before.codings.size() > 100);
}
#endif
