// The report suites' small project: an interview, a news article and an
// official document with a page map, coded against a three-indicator
// framework with a sub-code and an impediment code (header-only).
#pragma once
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/evaluation.h"
#include "analysis/overrides.h"
#include "store/project.h"
#include "store/quote.h"

namespace telaah::test {

namespace fs = std::filesystem;
using namespace telaah::analysis;
using store::Id;
using store::Stance;

inline const char* kInterview =
    "Pewawancara: Apakah komunike 1984 memuat hak dan kewajiban?\n\n"
    "Informan B: Tidak. Komunike kita tidak memuat objek kerja sama. Revisinya selalu tertunda.\n\n"
    "Pewawancara: Bagaimana dengan ekspor?\n\n"
    "Informan B: Ekspor naik, tetapi eksportir kecil tidak merasakan manfaatnya.\n\n"
    "Informan B: Data diklat pegawai tidak dipublikasikan.\n";
inline const char* kNews =
    "Harian Ibukota, 2014. Naskah 1984 tidak merinci kewajiban para pihak <menurut pengamat> & DPRD.\n\n"
    "Ekspor ke Seoul naik tiga kali lipat menurut Warta Niaga.\n";
inline const char* kOfficial =
    "LKPJ 2015. Realisasi ekspor Rp 69.714.695.364 pada 2015.\n\n"
    "Seoul termasuk enam kota kembar paling aktif.\n\n"
    "Komunike Bersama 1984 hanya memuat niat kerja sama.\n";

struct ReportFixture {
  fs::path dir;
  std::unique_ptr<store::Project> p;
  Id legal = 0, resources = 0, goals = 0, exports = 0, impediment = 0;
  Id interview = 0, news = 0, official = 0;
  static inline int serial = 0;

  ReportFixture() {
    dir = fs::temp_directory_path() / ("telaah-report-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    store::OpenOptions o;
    o.coder = "ayu";
    p = store::Project::create(dir / "study.telaah", o);
    p->load_codebook(nlohmann::json::parse(R"({"codes":[
      {"name":"Input","kind":"variable","children":[
        {"name":"Legal infrastructure","kind":"indicator","definition":"Does the agreement follow Permendagri 3/2008?"},
        {"name":"Resources","kind":"indicator"}]},
      {"name":"Output","kind":"variable","children":[
        {"name":"Trade goals reached","kind":"indicator","children":[{"name":"Export performance"}]}]},
      {"name":"Hambatan","aliases":["Impediment"]}]})"));
    legal = p->resolve_code("Input/Legal infrastructure");
    resources = p->resolve_code("Input/Resources");
    goals = p->resolve_code("Output/Trade goals reached");
    exports = p->resolve_code("Export performance");
    impediment = p->resolve_code("Hambatan");
    interview = doc("Wawancara Informan B", "interview", kInterview);
    news = doc("Naskah 1984 dipersoalkan", "news", kNews);
    store::NewDocument d;
    d.title = "LKPJ 2015";
    d.source_type = "official";
    d.text = kOfficial;
    d.pages = {{1, 0}, {2, 57}};  // a page map: the second paragraph starts page 2
    official = p->add_document(d);
  }
  ~ReportFixture() {
    p.reset();
    fs::remove_all(dir);
  }

  Id doc(const std::string& title, const std::string& type, const std::string& text) {
    store::NewDocument d;
    d.title = title;
    d.source_type = type;
    d.text = text;
    return p->add_document(d);
  }

  Id code(Id doc, Id code, const std::string& quote, Stance s, const std::string& coder = "ayu") {
    auto span = store::resolve_quote(p->text(doc), quote, 1, "test");
    store::Coding c;
    c.doc = doc;
    c.code = code;
    c.start = span.start;
    c.end = span.end;
    c.stance = s;
    c.coder = p->ensure_coder(coder);
    c.memo = "memo of " + quote.substr(0, 12);
    return p->add_coding(c);
  }

  // The study in miniature: legal infrastructure triangulated (all negative),
  // trade goals divergent, resources a gap, three impediments.
  void code_study() {
    code(interview, legal, "Komunike kita tidak memuat objek kerja sama.", Stance::contradicts);
    code(news, legal, "Naskah 1984 tidak merinci kewajiban para pihak", Stance::contradicts);
    code(official, legal, "Komunike Bersama 1984 hanya memuat niat kerja sama.", Stance::contradicts);
    code(interview, exports, "eksportir kecil tidak merasakan manfaatnya", Stance::contradicts);
    code(official, exports, "Realisasi ekspor Rp 69.714.695.364 pada 2015.", Stance::supports);
    code(official, goals, "Seoul termasuk enam kota kembar paling aktif.", Stance::supports);
    code(interview, impediment, "Revisinya selalu tertunda.", Stance::neutral);                 // same turn as legal
    code(interview, impediment, "Data diklat pegawai tidak dipublikasikan.", Stance::neutral);  // a turn of its own
    code(news, impediment, "kewajiban para pihak <menurut pengamat>", Stance::neutral);         // overlaps legal
  }

  EvidenceTable table() { return EvidenceTable::load(*p); }
  Matrix matrix(const EvidenceTable& t) {
    auto m = triangulate(t, {}, settings_from_project(*p));
    apply_overrides(m, load_overrides(*p));
    return m;
  }
};

}  // namespace telaah::test
