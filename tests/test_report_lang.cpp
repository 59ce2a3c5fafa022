// The report to hand in (issue 21 item 5): the study's metadata on the first
// page (and the CLI that sets it), every label in Indonesian and English with
// no label of the other language in either report, negative cases never cut
// from a cell's quotes, intercoder agreement with n/a never 0, the audit
// trail, and the DOCX read back by pandoc carrying the HTML's text.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>

#include "analysis/method_settings.h"
#include "exchange/report.h"
#include "exchange/report_doc.h"
#include "exchange/report_text.h"
#include "helpers/report_fixture.h"
#include "helpers/run.h"
#include "helpers/temp_dir.h"
#include "ingest/zip.h"
#include "store/pseudonymise.h"
#include "text/utf8.h"

using namespace telaah;
using namespace telaah::analysis;
using exchange::Lang;
using Fixture = test::ReportFixture;
using store::Stance;
namespace fs = std::filesystem;

namespace {

test::Result tl(std::vector<std::string> args, std::vector<std::string> env = {}) {
  args.insert(args.begin(), TELAAH_BINARY);
  env.push_back("USER=tester");
  return test::run(args, env);
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The text a reader sees in the HTML: tags and the style sheet removed, entities decoded.
std::string visible_text(std::string html) {
  const auto a = html.find("<style>"), b = html.find("</style>");
  if (a != std::string::npos && b != std::string::npos) html.erase(a, b + 8 - a);
  std::string out;
  bool tag = false;
  for (char c : html) {
    if (c == '<') tag = true;
    if (!tag) out += c;
    if (c == '>') {
      tag = false;
      out += ' ';
    }
  }
  for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
      out.replace(at, from.size(), to);
  }
  return out;
}

void erase_all(std::string& s, const std::string& what) {
  if (what.empty()) return;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at)) s.replace(at, what.size(), " ");
}

bool letter(unsigned char c) {
  return std::isalnum(c) || c >= 0x80;
}

// Where `text` holds `phrase` as whole words (case-insensitive), with some context; "" when it does not.
std::string phrase_at(const std::string& text, const std::string& phrase) {
  const std::string t = lower(text), p = lower(phrase);
  for (size_t at = t.find(p); at != std::string::npos; at = t.find(p, at + 1)) {
    const bool left =
        at == 0 || !letter(static_cast<unsigned char>(t[at - 1])) || !letter(static_cast<unsigned char>(p[0]));
    const size_t end = at + p.size();
    const bool right =
        end >= t.size() || !letter(static_cast<unsigned char>(t[end])) || !letter(static_cast<unsigned char>(p.back()));
    if (left && right) return text.substr(at > 60 ? at - 60 : 0, 120 + p.size());
  }
  return "";
}

bool has_phrase(const std::string& text, const std::string& phrase) {
  return !phrase_at(text, phrase).empty();
}

// The literal pieces of a label ("{} of {} indicators rated" -> " of ", " indicators rated").
std::vector<std::string> pieces(const std::string& label) {
  std::vector<std::string> out;
  size_t at = 0;
  for (;;) {
    const size_t ph = label.find("{}", at);
    std::string piece = label.substr(at, ph == std::string::npos ? std::string::npos : ph - at);
    const auto a = piece.find_first_not_of(" ,;:()-"), z = piece.find_last_not_of(" ,;:()-");
    if (a != std::string::npos) out.push_back(piece.substr(a, z - a + 1));
    if (ph == std::string::npos) break;
    at = ph + 2;
  }
  return out;
}

// Everything the fixture's researcher typed or named (codes, documents,
// quotes, memos, coders, source types) and the method settings' keys and
// values: printed as entered, whatever the report's language.
std::string without_data(std::string text, const store::Project& p) {
  std::vector<std::string> data = {test::kInterview, test::kNews, test::kOfficial, "study.telaah"};
  for (const auto& c : p.codes()) {
    data.push_back(p.code_path(c.id));
    data.push_back(c.name);
    data.push_back(c.definition);
  }
  for (const auto& d : p.documents()) data.push_back(d.title);
  for (const auto& c : p.codings()) {
    data.push_back(c.memo);
    const std::string body = p.text(c.doc);  // the quoted passage
    text::OffsetMap om(body);
    data.emplace_back(text::slice_cp(body, om, static_cast<size_t>(c.start), static_cast<size_t>(c.end)));
  }
  for (const auto& c : p.coders()) data.push_back(c.name);
  const auto meta = exchange::load_meta(p);
  for (const auto& m : {meta.title, meta.question, meta.period, meta.citation}) data.push_back(m);
  // Commands the researcher types are named as they are typed.
  text = std::regex_replace(
      text, std::regex(R"(telaah [a-z]+(\s+(--[a-z-]+|/|[A-Z]+|title|question|period|citation))*)"), " ");
  for (const char* s : {"interview", "news", "official", "Every source says the communique lacks the required content.",
                        "they answer different questions", "the legal basis is the weak point"})
    data.push_back(s);
  for (const auto& s : method_settings()) {
    data.push_back(s.key);
    data.push_back(setting_value(p, s));
    data.push_back(s.default_value);
    data.push_back(s.meaning_en);  // the registry's own text (method_settings.h), shown as it gives it
    data.push_back(s.meaning_id);
  }
  // Longest first, so that a name inside a longer one goes with it.
  std::sort(data.begin(), data.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const auto& d : data) {
    // Paragraphs of the document texts one by one (quotes are cut from them).
    size_t at = 0;
    while (at < d.size()) {
      size_t nl = d.find('\n', at);
      if (nl == std::string::npos) nl = d.size();
      std::string line = d.substr(at, nl - at);
      erase_all(text, line);
      at = nl + 1;
    }
  }
  return text;
}

// The small study with everything a report shows: two coders (agreement),
// a sub-code, impediments, a recorded rating, a pair override and a verdict
// override (the audit trail), the study's metadata.
void full_study(Fixture& f) {
  f.code_study();
  f.code(f.interview, f.legal, "Komunike kita tidak memuat objek kerja sama.", Stance::contradicts, "bima");
  f.code(f.official, f.exports, "Realisasi ekspor Rp 69.714.695.364 pada 2015.", Stance::neutral, "bima");
  set_evaluation(*f.p, f.legal, Rating::not_achieved, "Every source says the communique lacks the required content.",
                 {});
  auto t = f.table();
  set_override(*f.p, t, f.goals, "type", "interview", "official", "partial agreement",
               "they answer different questions");
  set_verdict(*f.p, "cukup efektif", "the legal basis is the weak point");
  exchange::set_meta(*f.p, "title", "Kerja sama Jakarta–Seoul");
  exchange::set_meta(*f.p, "question", "Seberapa efektif kerja sama perdagangan itu?");
  exchange::set_meta(*f.p, "period", "2011–2015");
  exchange::set_meta(*f.p, "citation", "Puspitasari & Hudalah (2013)");
}

exchange::ReportData report(Fixture& f, Lang lang, size_t quotes = 6) {
  auto t = f.table();
  exchange::ReportOptions o;
  o.generated = "2026-03-09";
  o.lang = lang;
  o.quotes_per_cell = quotes;
  return exchange::build_report(*f.p, t, o);
}

}  // namespace

TEST_CASE("the label table: every label in both languages, placeholders alike, the other language never printed") {
  const auto labels = exchange::all_report_labels();
  CHECK(labels.size() > 150);
  std::set<std::string> keys;
  for (const auto& l : exchange::report_labels()) {
    CAPTURE(l.key);
    CHECK(keys.insert(l.key).second);
    CHECK(std::string(l.en).size() > 0);
    CHECK(std::string(l.id).size() > 0);
    auto count = [](const std::string& s) {
      size_t n = 0;
      for (size_t at = s.find("{}"); at != std::string::npos; at = s.find("{}", at + 2)) ++n;
      return n;
    };
    CHECK(count(l.en) == count(l.id));
  }
  CHECK(exchange::tr(Lang::id, exchange::T::sec_findings) == "6. Temuan per indikator");
  CHECK(exchange::fmt(Lang::en, exchange::T::more_codings, {"3"}) == "… and 3 more coding(s) not shown.");
  // Dates, numbers and the n/a of statistics in each language (hand-written).
  struct DateCase {
    const char* iso;
    const char* en;
    const char* id;
  };
  const DateCase dates[] = {{"2015-03-09", "9 March 2015", "9 Maret 2015"},
                            {"2015-08", "August 2015", "Agustus 2015"},
                            {"2015", "2015", "2015"},
                            {"2026-12-07T12:04:33Z", "7 December 2026 12:04 UTC", "7 Desember 2026 12:04 UTC"},
                            {"", "", ""},
                            {"soon", "soon", "soon"}};
  for (const auto& d : dates) {
    CAPTURE(d.iso);
    CHECK(exchange::format_date(Lang::en, d.iso) == d.en);
    CHECK(exchange::format_date(Lang::id, d.iso) == d.id);
  }
  CHECK(exchange::format_stat(Lang::en, 0.74312) == "0.743");
  CHECK(exchange::format_stat(Lang::id, 0.74312) == "0,743");
  CHECK(exchange::format_stat(Lang::id, std::nan("")) == "t/a");
  CHECK(exchange::format_stat(Lang::en, std::nan("")) == "n/a");
  CHECK(exchange::lang_from_string("ID") == Lang::id);
  CHECK_THROWS_AS(exchange::lang_from_string("fr"), ValidationError);

  Fixture f;
  full_study(f);
  const auto id_data = report(f, Lang::id), en_data = report(f, Lang::en);
  REQUIRE(en_data.audit.size() == 3);  // the pair override, the rating, the verdict override
  struct Out {
    const char* what;
    Lang lang;
    std::string text;
  };
  const Out outs[] = {{"HTML id", Lang::id, visible_text(exchange::render_html(id_data))},
                      {"Markdown id", Lang::id, exchange::render_markdown(id_data)},
                      {"HTML en", Lang::en, visible_text(exchange::render_html(en_data))},
                      {"Markdown en", Lang::en, exchange::render_markdown(en_data)}};
  for (const auto& o : outs) {
    const std::string what = o.what;
    CAPTURE(what);
    const std::string text = without_data(o.text, *f.p);
    size_t checked = 0;
    for (const auto& l : labels) {
      if (lower(l.en) == lower(l.id)) continue;  // "status", "memo", "April": the same word in both
      const std::string other = o.lang == Lang::id ? l.en : l.id;
      const std::string own = o.lang == Lang::id ? l.id : l.en;
      for (const auto& piece : pieces(other)) {
        if (piece.size() < 2 || has_phrase(own, piece)) continue;  // a piece both languages share
        const std::string key = l.key;
        CAPTURE(key);
        CAPTURE(piece);
        const std::string found = phrase_at(text, piece);
        CAPTURE(found);
        CHECK(found.empty());
        ++checked;
      }
    }
    CHECK(checked > 150);
    // And its own headings are there.
    for (auto k : {exchange::T::sec_method, exchange::T::sec_documents, exchange::T::sec_agreement,
                   exchange::T::sec_findings, exchange::T::sec_audit, exchange::T::question})
      CHECK(o.text.find(exchange::tr(o.lang, k)) != std::string::npos);
  }
}

TEST_CASE("the first page: the study's title, question, period, citation and verdict, in the chosen language") {
  Fixture f;
  full_study(f);
  const std::string md = exchange::render_markdown(report(f, Lang::id));
  CHECK(md.rfind("# Kerja sama Jakarta–Seoul\n", 0) == 0);  // the study's title, not the file name
  const auto first_section = md.find("## 1. Metode");
  REQUIRE(first_section != std::string::npos);
  for (const char* want :
       {"Laporan evaluasi", "| Pertanyaan penelitian | Seberapa efektif kerja sama perdagangan itu? |",
        "| Periode kajian | 2011–2015 |", "| Kerangka evaluasi | Puspitasari & Hudalah (2013) |",
        "| Tanggal laporan | 9 Maret 2026 |", "Kesimpulan akhir: **cukup efektif**"}) {
    CAPTURE(want);
    const auto at = md.find(want);
    CHECK(at != std::string::npos);
    CHECK(at < first_section);
  }
  exchange::set_meta(*f.p, "title", "");
  const std::string en = exchange::render_markdown(report(f, Lang::en));
  CHECK(en.rfind("# Untitled study", 0) == 0);
  CHECK(en.find("# study\n") == std::string::npos);
  CHECK_THROWS_AS(exchange::set_meta(*f.p, "colour", "red"), ValidationError);
  CHECK_THROWS_AS(exchange::set_meta(*f.p, "title", "two\nlines"), ValidationError);
}

TEST_CASE("a cell cut to its first quotes always shows its contradicting codings, first") {
  Fixture f;
  // Resources in the interview: three supporting passages and two contradicting ones, in this document order.
  const char* supports[] = {"Apakah komunike 1984 memuat hak dan kewajiban?", "Bagaimana dengan ekspor?",
                            "Ekspor naik, tetapi"};
  const char* contradicts[] = {"Informan B: Tidak.", "Data diklat pegawai tidak dipublikasikan."};
  for (const char* s : supports) f.code(f.interview, f.resources, s, Stance::supports);
  for (const char* s : contradicts) f.code(f.interview, f.resources, s, Stance::contradicts);
  struct Case {
    size_t limit, shown, omitted;
  };
  // Hand count: both contradicting passages always; then supporting ones up to the limit.
  const Case cases[] = {{0, 2, 3}, {1, 2, 3}, {2, 2, 3}, {3, 3, 2}, {4, 4, 1}, {6, 5, 0}};
  for (const auto& c : cases) {
    CAPTURE(c.limit);
    const auto data = report(f, Lang::en, c.limit);
    const auto& col = data.indicators[1].columns[0];  // Resources × interview
    REQUIRE(col.quotes.size() == c.shown);
    CHECK(col.omitted == c.omitted);
    CHECK(col.quotes[0].stance == "contradicts");
    CHECK(col.quotes[1].stance == "contradicts");
    CHECK(col.quotes[0].text == "Informan B: Tidak.");
    for (size_t i = 2; i < col.quotes.size(); ++i) CHECK(col.quotes[i].stance == "supports");
    // In every output, the negative case is printed.
    for (const std::string& out : {exchange::render_markdown(data), visible_text(exchange::render_html(data))})
      CHECK(out.find("Data diklat pegawai tidak dipublikasikan.") != std::string::npos);
  }
}

TEST_CASE("intercoder agreement, document inventory, sub-codes and the audit trail in the report") {
  Fixture f;
  full_study(f);
  auto data = report(f, Lang::en);
  // Agreement: ayu and bima, segment level; a code only ayu used has no kappa to give: n/a, never 0.
  REQUIRE(data.agreement.coders == std::vector<std::string>{"ayu", "bima"});
  CHECK(data.agreement.documents == 2);  // bima coded the interview and the official document
  bool legal_row = false;
  for (const auto& r : data.agreement.rows)
    if (r.code == "Input/Legal infrastructure") {
      legal_row = true;
      CHECK(r.pair == "ayu–bima");
    }
  CHECK(legal_row);
  const std::string md = exchange::render_markdown(data);
  // Both coded the interview passage as contradicting: one unit, one value, alpha undefined -> n/a, not 0.
  const auto at = md.find("| Input/Legal infrastructure | ayu–bima |");
  REQUIRE(at != std::string::npos);
  const std::string line = md.substr(at, md.find('\n', at) - at);
  CAPTURE(line);
  CHECK(line.size() > 20);
  CHECK(line.substr(line.size() - 11) == "| n/a (1) |");
  // Inventory: every document with its type.
  REQUIRE(data.inventory.size() == 3);
  CHECK(data.inventory[2].title == "LKPJ 2015");
  CHECK(data.inventory[2].type == "official");
  CHECK_FALSE(data.inventory[0].pseudonymised);
  // Pseudonymised where a pseudonymisation is in force (undone: no longer).
  store::PseudonymiseOptions po;
  po.docs = {f.news};
  store::pseudonymise(*f.p, {{"Harian Ibukota", "Media A"}}, po);
  auto marks = [&] {
    std::vector<bool> m;
    for (const auto& d : report(f, Lang::en).inventory) m.push_back(d.pseudonymised);
    return m;
  };
  CHECK(marks() == std::vector<bool>{false, true, false});
  f.p->undo();
  CHECK(marks() == std::vector<bool>{false, false, false});
  // Sub-code rows under Trade goals reached.
  REQUIRE(data.indicators[2].subcodes.size() == 1);
  CHECK(data.indicators[2].subcodes[0].path == "Export performance");
  CHECK(md.find("| Export performance |") != std::string::npos);
  // Audit trail: pair override, rating, verdict, each with the coder and the automatic value.
  using K = exchange::AuditEntry::Kind;
  REQUIRE(data.audit.size() == 3);
  CHECK(data.audit[0].kind == K::pair);
  CHECK(data.audit[0].automatic_then == "dissonance");
  CHECK(data.audit[1].kind == K::rating);
  CHECK(data.audit[1].automatic_then == "not achieved");
  CHECK(data.audit[1].coder == "ayu");
  CHECK_FALSE(data.audit[1].stale);
  CHECK(data.audit[2].kind == K::verdict);
  CHECK_FALSE(data.audit[2].at.empty());
  // New evidence moves the suggestion under the rating: stale in the audit trail.
  // Official turns net supporting against the others' contradicting: dissonance, divergent -> partially achieved.
  f.code(f.official, f.legal, "Seoul termasuk enam kota kembar paling aktif.", Stance::supports);
  f.code(f.official, f.legal, "LKPJ 2015.", Stance::supports);
  data = report(f, Lang::id);
  CHECK(data.audit[1].stale);
  const std::string id_md = exchange::render_markdown(data);
  CHECK(id_md.find("penilaian — USANG") != std::string::npos);
}

TEST_CASE("DOCX: a Word document whose text, read back by pandoc, is the HTML's") {
  REQUIRE_MESSAGE(std::system("pandoc --version >/dev/null 2>&1") == 0,
                  "pandoc is needed (Debian package pandoc, scripts/packages.txt)");
  Fixture f;
  full_study(f);
  for (Lang lang : {Lang::id, Lang::en}) {
    CAPTURE(exchange::to_string(lang));
    const auto data = report(f, lang, 2);
    const fs::path docx = f.dir / "report.docx", html = f.dir / "report.html";
    {
      std::ofstream(docx, std::ios::binary) << exchange::render_docx(data);
      std::string h = exchange::render_html(data);
      // The matrix figure is the HTML's alone (the table after it carries the same numbers).
      const auto a = h.find("<figure"), b = h.find("</figure>");
      REQUIRE(a != std::string::npos);
      h.erase(a, b + 9 - a);
      std::ofstream(html) << h;
    }
    // Word's structure: heading styles, Quote paragraphs, tables whose rows do not split, page breaks.
    const std::string bytes = slurp(docx);
    ingest::ZipArchive zip(bytes, {}, "report.docx");
    const std::string doc = zip.read("word/document.xml").value_or("");
    CHECK(doc.find("<w:pStyle w:val=\"Heading2\"/>") != std::string::npos);
    CHECK(doc.find("<w:pStyle w:val=\"Heading3\"/>") != std::string::npos);
    CHECK(doc.find("<w:pStyle w:val=\"Quote\"/>") != std::string::npos);
    CHECK(doc.find("<w:tbl>") != std::string::npos);
    CHECK(doc.find("<w:cantSplit/>") != std::string::npos);
    CHECK(doc.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>") != std::string::npos);  // A4
    size_t breaks = 0;
    for (size_t at = doc.find("<w:pageBreakBefore/>"); at != std::string::npos;
         at = doc.find("<w:pageBreakBefore/>", at + 1))
      ++breaks;
    // sections 1, 6, 7, 8 (summary grid), 9 (cases), 10, 11 and each indicator after the first
    CHECK(breaks == 7 + data.indicators.size() - 1);
    CHECK(zip.read("word/styles.xml").value_or("").find("w:val=\"heading 1\"") != std::string::npos);

    auto pandoc = [&](const std::string& args) {
      const fs::path out = f.dir / "pandoc.out";
      const std::string cmd =
          "pandoc " + args + " -o '" + out.string() + "' 2>'" + (f.dir / "pandoc.err").string() + "'";
      CAPTURE(cmd);
      REQUIRE(std::system(cmd.c_str()) == 0);
      return slurp(out);
    };
    // Pandoc sees Word's structure: headers, block quotes, tables.
    const std::string native = pandoc("-f docx -t native '" + docx.string() + "'");
    CHECK(std::regex_search(native, std::regex("Header\\s+2")));
    CHECK(std::regex_search(native, std::regex("Header\\s+3")));
    CHECK(native.find("BulletList") != std::string::npos);
    CHECK(native.find("BlockQuote") != std::string::npos);
    CHECK(native.find("Table") != std::string::npos);
    // The words, in order, are the HTML's.
    auto words = [](const std::string& text) {
      std::vector<std::string> w;
      std::string cur;
      for (unsigned char c : text) {
        if (letter(c) || c == '%' || c == '#' || c == '/' || c == '.' || c == ',') {
          cur += static_cast<char>(c);
        } else if (!cur.empty()) {
          w.push_back(cur);
          cur.clear();
        }
      }
      if (!cur.empty()) w.push_back(cur);
      // Trailing punctuation belongs to the sentence, not the word.
      for (auto& x : w)
        while (!x.empty() && (x.back() == '.' || x.back() == ',')) x.pop_back();
      w.erase(std::remove_if(w.begin(), w.end(), [](const std::string& x) { return x.empty(); }), w.end());
      return w;
    };
    const auto from_docx = words(pandoc("-f docx -t plain --wrap=none '" + docx.string() + "'"));
    const auto from_html = words(pandoc("-f html -t plain --wrap=none '" + html.string() + "'"));
    CHECK(from_docx.size() > 500);
    size_t i = 0;
    while (i < from_docx.size() && i < from_html.size() && from_docx[i] == from_html[i]) ++i;
    std::string around_docx, around_html;
    for (size_t k = i; k < std::min(i + 12, from_docx.size()); ++k) around_docx += from_docx[k] + " ";
    for (size_t k = i; k < std::min(i + 12, from_html.size()); ++k) around_html += from_html[k] + " ";
    CAPTURE(i);
    CAPTURE(around_docx);
    CAPTURE(around_html);
    CHECK(from_docx == from_html);
  }
}

TEST_CASE("CLI: telaah project sets the study's metadata; report --lang, the UI language by default, --format docx") {
  test::TempDir dir("telaah-report-lang");
  const std::string p = (dir / "study.telaah").string();
  REQUIRE(tl({"new", p}).status == 0);
  // A framework file naming its citation: the citation is kept.
  dir.write("fw.json", R"J({"framework":"x","citation":"Puspitasari & Hudalah (2013)",)J"
                       R"J("codes":[{"name":"Input","children":[{"name":"Legal"}]}]})J");
  REQUIRE(tl({"codes", p, "--load", (dir / "fw.json").string()}).status == 0);
  auto r = tl({"project", p, "--json"});
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["citation"] == "Puspitasari & Hudalah (2013)");

  REQUIRE(tl({"project", p, "title", "Studi kerja sama Jakarta–Seoul"}).status == 0);
  REQUIRE(tl({"project", p, "question", "Seberapa efektif?"}).status == 0);
  r = tl({"project", p, "--json"});
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["title"] == "Studi kerja sama Jakarta–Seoul");
  const int64_t rev = j["revision"];
  // Bad input: one sentence, exit 1, nothing changed.
  for (std::vector<std::string> bad : {std::vector<std::string>{"project", p, "colour", "red"},
                                       {"project", p, "title"},
                                       {"project", p, "title", "a", "--clear"},
                                       {"project", p, "title", "two\nlines"}}) {
    CAPTURE(bad[2]);
    auto b = tl(bad);
    CHECK(b.status == 1);
    CHECK(std::count(b.err.begin(), b.err.end(), '\n') == 1);
  }
  CHECK(nlohmann::json::parse(tl({"project", p, "--json"}).out)["revision"] == rev);
  REQUIRE(tl({"undo", p}).status == 0);  // each change one action
  CHECK(nlohmann::json::parse(tl({"project", p, "--json"}).out)["question"] == "");

  // --lang id; without --lang, the window's language (prefs.json under $XDG_STATE_HOME).
  r = tl({"report", p, "--format", "md", "--lang", "id"});
  REQUIRE(r.status == 0);
  CHECK(r.out.rfind("# Studi kerja sama Jakarta–Seoul", 0) == 0);
  CHECK(r.out.find("## 6. Temuan per indikator") != std::string::npos);
  fs::create_directories(dir / "state" / "telaah");
  dir.write("state/telaah/prefs.json", R"({"language":"id"})");
  r = tl({"report", p, "--format", "md"}, {"XDG_STATE_HOME=" + (dir / "state").string()});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("## 1. Metode") != std::string::npos);
  dir.write("state/telaah/prefs.json", R"({"language":"en"})");
  r = tl({"report", p, "--format", "md"}, {"XDG_STATE_HOME=" + (dir / "state").string()});
  CHECK(r.out.find("## 1. Method") != std::string::npos);
  r = tl({"report", p, "--lang", "fr"});
  CHECK(r.status == 1);
  CHECK(r.err.find("unknown report language") != std::string::npos);

  const std::string docx = (dir / "r.docx").string();
  CHECK(tl({"report", p, "--format", "docx"}).status == 1);  // binary: needs --out
  REQUIRE(tl({"report", p, "--format", "docx", "--lang", "en", "--out", docx}).status == 0);
  const std::string bytes = slurp(docx);
  REQUIRE(bytes.size() > 1000);
  CHECK(bytes.compare(0, 2, "PK") == 0);
}
