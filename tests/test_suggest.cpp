// Code suggestions (issue 27, index/suggest.h): a hand-made corpus where the
// right suggestions are known — passages sharing the coded passages'
// vocabulary against distractors — checked for order, reasons, a rejected
// passage demoting its neighbours, accept/reject as undoable actions, the
// suggestions coder in intercoder agreement, the off switch, the CLI's
// --json shape and the message for a code with no codings.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "analysis/agreement.h"
#include "analysis/project_settings.h"
#include "helpers/project_fixture.h"
#include "helpers/run.h"
#include "index/suggest.h"
#include "store/suggestions.h"

using namespace telaah;
using namespace telaah::index;

namespace {

// Paragraphs (blank-line separated) of three English documents.
const char* kDocA =
    "Villagers attended the planning meeting and volunteered labour for the irrigation canal.\n\n"  // S1 (coded)
    "The ministry issued a regulation on fertiliser prices.\n\n"                                    // D1
    "Many villagers volunteered labour for the new canal after the meeting.\n\n"                    // T1
    "Export figures for coffee rose in the third quarter.";                                         // D2
const char* kDocB =
    "The villagers volunteered at the meeting and the women's group planned the canal repairs.\n\n"  // S2 (coded)
    "The district budget was audited by the inspectorate.\n\n"                                       // D3
    "Villagers planned a meeting about canal labour.\n\n"                                            // T2
    "Villagers volunteered for the football tournament and the football league.";                    // R (football)
const char* kDocC =
    "At the village meeting residents volunteered labour and planned the water schedule.\n\n"  // S3 (coded)
    "Prices of rice fell after the harvest in the province.\n\n"                               // D4
    "The football tournament that villagers volunteered for drew a football crowd.\n\n"        // N (football)
    "Officials reviewed the tax regulation in the capital.";                                   // D5

struct Fixture {
  test::TempDir dir{"telaah-suggest"};
  std::filesystem::path file = dir / "s.telaah";
  std::unique_ptr<store::Project> p;
  store::Id code = 0, other = 0, a = 0, b = 0, c = 0;
  Fixture() {
    store::OpenOptions o;
    o.coder = "alice";
    p = store::Project::create(file, o);
    auto doc = [&](const char* title, const char* text) {
      auto d = test::new_doc(title, text);
      d.language = "en";
      return p->add_document(d);
    };
    a = doc("A", kDocA);
    b = doc("B", kDocB);
    c = doc("C", kDocC);
    store::Code k;
    k.name = "Community involvement";
    k.definition = "Residents take part in decisions about the programme";
    code = p->add_code(k);
    store::Code k2;
    k2.name = "Budget";
    other = p->add_code(k2);
    code_paragraph(a, 0);
    code_paragraph(b, 0);
    code_paragraph(c, 0);
    reindex();
  }
  // The block of a document, as the store split it.
  text::Block block(store::Id doc, size_t k) { return p->blocks(doc).at(k); }
  void code_paragraph(store::Id doc, size_t k, store::Id with = 0) {
    store::Coding x;
    x.doc = doc;
    x.code = with ? with : code;
    x.start = block(doc, k).start;
    x.end = block(doc, k).end;
    p->add_coding(x);
  }
  void reindex() {
    auto idx = Index::open(file);
    idx->ensure_current();
  }
  SuggestResult run(Scope scope = Scope::paragraph, int64_t limit = 20) {
    auto idx = Index::open(file);
    idx->ensure_current();
    SuggestOptions o;
    o.scope = scope;
    o.limit = limit;
    return suggest(*idx, suggest_request(*p, code, o));
  }
  std::string id_of(store::Id doc, size_t k) { return suggestion_id(doc, block(doc, k).start, block(doc, k).end); }
};

int64_t rank_of(const SuggestResult& r, const std::string& id) {
  for (size_t i = 0; i < r.suggestions.size(); ++i)
    if (r.suggestions[i].id == id) return static_cast<int64_t>(i);
  return -1;
}

}  // namespace

TEST_CASE("suggestions rank passages sharing the coded vocabulary above distractors, with reasons") {
  Fixture f;
  auto r = f.run();
  REQUIRE(r.suggestions.size() >= 2);
  CHECK(r.seed_passages == 3);
  // T1 and T2 share five of the coded passages' words; nothing else shares more than two.
  std::set<std::string> top{r.suggestions[0].id, r.suggestions[1].id};
  CHECK(top == std::set<std::string>{f.id_of(f.a, 2), f.id_of(f.b, 2)});
  // Every distractor (if listed at all) below every target; no coded passage listed.
  for (auto [doc, k] : std::vector<std::pair<store::Id, size_t>>{{f.a, 1}, {f.a, 3}, {f.b, 1}, {f.c, 1}, {f.c, 3}}) {
    const int64_t at = rank_of(r, f.id_of(doc, k));
    CHECK((at == -1 || at > 1));
  }
  for (store::Id d : {f.a, f.b, f.c}) CHECK(rank_of(r, f.id_of(d, 0)) == -1);
  // Reasons: the words with weights, heaviest first; the coded passage most like it.
  const auto& s = r.suggestions[0];
  REQUIRE(!s.terms.empty());
  CHECK(std::is_sorted(s.terms.begin(), s.terms.end(), [](auto& x, auto& y) { return x.weight > y.weight; }));
  std::set<std::string> words;
  for (const auto& t : s.terms) words.insert(t.term);
  CHECK(words.count("canal"));
  CHECK(words.count("labour") + words.count("villag") + words.count("meet") >= 2);
  CHECK(s.similar.end > s.similar.start);
  CHECK(!s.similar.shared.empty());
  CHECK(s.similar.overlap > 0);
  bool like_seed = false;
  for (store::Id d : {f.a, f.b, f.c})
    like_seed = like_seed || (s.similar.doc == d && s.similar.start == f.block(d, 0).start);
  CHECK(like_seed);
  // The model lists its terms, heaviest first.
  REQUIRE(!r.model.empty());
  CHECK(std::is_sorted(r.model.begin(), r.model.end(), [](auto& x, auto& y) { return x.weight > y.weight; }));
}

TEST_CASE("suggestion scopes: sentence and hit lie inside the passage") {
  Fixture f;
  for (Scope sc : {Scope::sentence, Scope::hit}) {
    auto r = f.run(sc);
    REQUIRE(!r.suggestions.empty());
    for (const auto& s : r.suggestions) {
      CHECK(s.start >= s.passage_start);
      CHECK(s.end <= s.passage_end);
      CHECK(s.end > s.start);
      CHECK(s.id == suggestion_id(s.doc, s.start, s.end));
    }
  }
  // hit: from the first to the last model word of "Villagers planned a meeting about canal labour."
  auto r = f.run(Scope::hit);
  const auto t2 = f.block(f.b, 2);
  for (const auto& s : r.suggestions)
    if (s.doc == f.b && s.passage_start == t2.start) {
      CHECK(s.start == t2.start);  // "Villagers"
      CHECK(s.quote.rfind("Villagers planned", 0) == 0);
      CHECK(s.quote.find("labour") != std::string::npos);
      CHECK(s.quote.back() != '.');
    }
}

TEST_CASE("a rejected passage is not suggested again and demotes its neighbours") {
  Fixture f;
  auto before = f.run();
  const std::string rid = f.id_of(f.b, 3), nid = f.id_of(f.c, 2);
  const int64_t n_before = rank_of(before, nid);
  REQUIRE(n_before >= 0);
  REQUIRE(rank_of(before, rid) >= 0);
  for (const auto& s : before.suggestions) CHECK(s.demotion == 0);
  const double n_score_before = before.suggestions[static_cast<size_t>(n_before)].score;

  auto sp = parse_suggestion_id(rid);
  auto res = store::apply_suggestion_decisions(
      *f.p, f.code, {{store::SuggestionDecision::Kind::reject, sp.doc, sp.start, sp.end, f.code}});
  CHECK(res.rejections.size() == 1);
  auto after = f.run();
  CHECK(after.rejected_passages == 1);
  CHECK(rank_of(after, rid) == -1);
  const int64_t n_after = rank_of(after, nid);
  REQUIRE(n_after >= 0);
  const auto& n = after.suggestions[static_cast<size_t>(n_after)];
  CHECK(n.demotion > 0);
  CHECK(n.demotion <= kMaxDemotion);
  CHECK(std::find(n.demoted_by.begin(), n.demoted_by.end(), "footbal") != n.demoted_by.end());
  CHECK(n.score < n_score_before);
  // The targets are not touched: they share no rejection word.
  for (const auto& s : after.suggestions)
    if (s.id == f.id_of(f.a, 2) || s.id == f.id_of(f.b, 2)) {
      CHECK(s.demotion == 0);
    }
  // The neighbour now ranks below the weaker target T3-like passages it was level with or above.
  CHECK(n_after >= n_before - 1);  // one place was freed by the rejected passage
  CHECK(!after.negative.empty());
}

TEST_CASE("accepting and rejecting are one undoable action; accepted codings belong to the suggestions coder") {
  Fixture f;
  const std::string before = test::dump(*f.p);
  const int64_t rev = f.p->revision();
  auto t1 = parse_suggestion_id(f.id_of(f.a, 2)), t2 = parse_suggestion_id(f.id_of(f.b, 2)),
       r = parse_suggestion_id(f.id_of(f.b, 3));
  using K = store::SuggestionDecision::Kind;
  auto res = store::apply_suggestion_decisions(*f.p, f.code,
                                               {{K::accept, t1.doc, t1.start, t1.end, f.code},
                                                {K::accept, t2.doc, t2.start, t2.end, f.other},  // another code
                                                {K::reject, r.doc, r.start, r.end, f.code}});
  CHECK(res.codings.size() == 2);
  CHECK(res.rejections.size() == 1);
  CHECK(f.p->revision() == rev + 1);
  CHECK(f.p->undo_label().value_or("") == "Suggestions for Community involvement: 2 accepted, 1 rejected");
  auto sugg = f.p->find_coder("suggestions");
  REQUIRE(sugg);
  CHECK(f.p->coding(res.codings[0]).coder == *sugg);
  CHECK(f.p->coding(res.codings[0]).origin == "suggestion");
  CHECK(f.p->coding(res.codings[1]).code == f.other);
  CHECK(store::suggestion_coding_count(*f.p) == 2);
  CHECK(store::suggestion_rejections(*f.p, {f.code}).size() == 1);
  // The same batch again changes nothing.
  auto again = store::apply_suggestion_decisions(
      *f.p, f.code, {{K::accept, t1.doc, t1.start, t1.end, f.code}, {K::reject, r.doc, r.start, r.end, f.code}});
  CHECK(again.revision == 0);
  CHECK(again.skipped == 2);
  CHECK(f.p->revision() == rev + 1);
  f.p->undo();
  CHECK(test::dump(*f.p) == before);
  CHECK(store::suggestion_rejections(*f.p).empty());
  CHECK(store::suggestion_coding_count(*f.p) == 0);
  f.p->redo();
  CHECK(store::suggestion_coding_count(*f.p) == 2);
  // A bad span changes nothing.
  CHECK_THROWS_AS(store::apply_suggestion_decisions(*f.p, f.code, {{K::accept, f.a, 0, 100000, f.code}}),
                  ValidationError);
  CHECK(f.p->revision() == rev + 3);  // the batch, its undo, its redo
  // Deleting the code takes its rejections with it (undoably).
  f.p->delete_code(f.code);
  CHECK(store::suggestion_rejections(*f.p).empty());
  CHECK(f.p->check().empty());
  f.p->undo();
  CHECK(store::suggestion_rejections(*f.p).size() == 1);
}

TEST_CASE("suggestions coder: a custom name, and counted in intercoder agreement") {
  Fixture f;
  analysis::set_method_setting(*f.p, "suggestions.coder", "model");
  auto t1 = parse_suggestion_id(f.id_of(f.a, 2)), t2 = parse_suggestion_id(f.id_of(f.b, 2));
  using K = store::SuggestionDecision::Kind;
  store::apply_suggestion_decisions(
      *f.p, f.code, {{K::accept, t1.doc, t1.start, t1.end, f.code}, {K::accept, t2.doc, t2.start, t2.end, f.code}});
  REQUIRE(f.p->find_coder("model"));
  CHECK(!f.p->find_coder("suggestions"));
  f.code_paragraph(f.a, 2);  // alice agrees with one of them
  analysis::AgreementOptions o;
  o.sel.coders = {"alice", "model"};
  o.sel.codes = {f.code};
  o.unit = analysis::AgreementUnit::segment;
  auto rep = analysis::compute_agreement(*f.p, o);
  REQUIRE(!rep.codes.empty());
  const auto& pair = rep.codes.front().pairs.at(0);
  // Documents not named: each coder counts where it coded (A and B for the
  // model). A: alice S1 T1, model T1; B: alice S2, model T2 -> 1 segment
  // both, 2 alice only, 1 model only (C, where only alice coded, is out).
  CHECK(pair.table.both == 1);
  CHECK(pair.table.only_a == 2);
  CHECK(pair.table.only_b == 1);
}

TEST_CASE("switched off: no decisions are applied") {
  Fixture f;
  analysis::set_method_setting(*f.p, "suggestions.enabled", "false");
  CHECK(!store::suggestions_enabled(*f.p));
  auto t1 = parse_suggestion_id(f.id_of(f.a, 2));
  CHECK_THROWS_AS(store::apply_suggestion_decisions(
                      *f.p, f.code, {{store::SuggestionDecision::Kind::accept, t1.doc, t1.start, t1.end, f.code}}),
                  UserError);
}

TEST_CASE("a code with no codings gets a message, not an empty list") {
  Fixture f;
  auto idx = Index::open(f.file);
  idx->ensure_current();
  try {
    suggest_request(*f.p, f.other, {});
    FAIL("no error");
  } catch (const UserError& e) {
    CHECK(std::string(e.what()) == "no coded passages for Budget: code a few passages first");
  }
  SuggestOptions only;
  only.supports_only = true;
  try {
    suggest_request(*f.p, f.code, only);
    FAIL("no error");
  } catch (const UserError& e) {
    CHECK(std::string(e.what()) ==
          "no coded passages for Community involvement with stance supports: code a few passages first");
  }
}

TEST_CASE("suggestion ids") {
  CHECK(suggestion_id(12, 340, 512) == "12:340-512");
  auto s = parse_suggestion_id("12:340-512");
  CHECK(s.doc == 12);
  CHECK(s.start == 340);
  CHECK(s.end == 512);
  for (const char* bad : {"", "12", "12:5", "12:5-5", "12:9-3", "x:1-2", "12:-1-3"})
    CHECK_THROWS_AS(parse_suggestion_id(bad), ValidationError);
}

TEST_CASE("telaah suggest: --json shape, accept/reject, the off switch and the empty code") {
  Fixture f;
  const std::string bin = TELAAH_BINARY, file = f.file.string();
  f.p.reset();  // the CLI takes the project lock
  auto r = test::run({bin, "suggest", file, "--code", "Community involvement", "--limit", "3", "--json"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["code"] == "Community involvement");
  CHECK(j["scope"] == "paragraph");
  CHECK(j["seed_passages"] == 3);
  REQUIRE(j["suggestions"].size() == 3);
  for (const auto& s : j["suggestions"]) {
    for (const char* k : {"id", "document", "title", "start", "end", "quote", "score", "terms", "most_similar"})
      CHECK(s.contains(k));
    CHECK(s["terms"][0].contains("term"));
    CHECK(s["terms"][0].contains("weight"));
    CHECK(s["most_similar"].contains("quote"));
  }
  const std::string id0 = j["suggestions"][0]["id"], id1 = j["suggestions"][1]["id"];
  auto acc = test::run({bin, "suggest", file, "--code", "Community involvement", "--accept", id0, "--reject", id1});
  CHECK(acc.status == 0);
  CHECK(acc.out.find("accepted 1 suggestions") != std::string::npos);
  auto again = test::run({bin, "suggest", file, "--code", "Community involvement", "--json"});
  REQUIRE(again.status == 0);
  auto j2 = nlohmann::json::parse(again.out);
  CHECK(j2["rejected_passages"] == 1);
  for (const auto& s : j2["suggestions"]) {
    CHECK(s["id"] != id0);
    CHECK(s["id"] != id1);
  }
  // The report's method section says how many codings came from suggestions, in both languages.
  auto rep = test::run({bin, "report", file, "--format", "md", "--lang", "en", "--no-agreement"});
  CHECK(rep.out.find("Code suggestions: 1 codings came from accepted suggestions (coder 'suggestions')") !=
        std::string::npos);
  auto rep_id = test::run({bin, "report", file, "--format", "md", "--lang", "id", "--no-agreement"});
  CHECK(rep_id.out.find("Saran kode: 1 koding berasal dari saran yang diterima (pengode 'suggestions')") !=
        std::string::npos);
  auto empty = test::run({bin, "suggest", file, "--code", "Budget"});
  CHECK(empty.status == 1);
  CHECK(empty.err.find("no coded passages for Budget: code a few passages first") != std::string::npos);
  auto bad = test::run({bin, "suggest", file, "--code", "Community involvement", "--accept", "nonsense"});
  CHECK(bad.status == 1);
  CHECK(test::run({bin, "settings", file, "suggestions.enabled", "false"}).status == 0);
  auto off = test::run({bin, "suggest", file, "--code", "Community involvement"});
  CHECK(off.status == 1);
  CHECK(off.err.find("switched off") != std::string::npos);
  auto rep_off = test::run({bin, "report", file, "--format", "md", "--lang", "en", "--no-agreement"});
  CHECK(rep_off.out.find("Code suggestions: switched off now (setting suggestions.enabled); 1 codings came from") !=
        std::string::npos);
  auto help = test::run({bin, "suggest", "--help"});
  CHECK(help.out.find("nothing leaves it") != std::string::npos);
}

TEST_CASE("function words of Indonesian and English are never a suggestion's reasons") {
  // A small corpus (under 100 passages: the 20% rule does not apply) where the
  // coded passages are full of function words that the distractors share too.
  test::TempDir dir{"telaah-suggest-fw"};
  store::OpenOptions o;
  o.coder = "alice";
  auto p = store::Project::create(dir / "f.telaah", o);
  auto doc = [&](const char* title, const char* lang, const char* text) {
    auto d = test::new_doc(title, text);
    d.language = lang;
    return p->add_document(d);
  };
  const store::Id a =
      doc("A", "id",
          "Warga yang hadir di balai desa dan ikut musyawarah untuk gotong royong itu tidak sedikit.\n\n"
          "Harga pupuk yang naik di pasar itu tidak turun dengan cepat.\n\n"
          "Warga desa ikut musyawarah dan gotong royong membersihkan saluran.");
  const store::Id b = doc("B", "id",
                          "Dalam musyawarah itu warga dengan semangat gotong royong untuk desa yang maju.\n\n"
                          "Anggaran dinas yang diperiksa itu dengan teliti tidak lengkap untuk tahun ini.\n\n"
                          "Musyawarah warga tentang gotong royong di balai desa.");
  const store::Id c = doc("C", "en",
                          "The villagers of the hamlet and the elders met for the musyawarah at the hall.\n\n"
                          "The price of the rice and the price of the fuel rose for the third month.\n\n"
                          "Villagers met elders for gotong royong.");
  store::Code k;
  k.name = "Partisipasi warga";
  k.definition = "Warga ikut serta dalam keputusan tentang program dan the decisions of the village";
  const store::Id code = p->add_code(k);
  for (store::Id d : {a, b, c}) {
    store::Coding x;
    x.doc = d;
    x.code = code;
    x.start = p->blocks(d).at(0).start;
    x.end = p->blocks(d).at(0).end;
    p->add_coding(x);
  }
  auto idx = Index::open(dir / "f.telaah");
  idx->ensure_current();
  auto r = suggest(*idx, suggest_request(*p, code, {}));
  REQUIRE(!r.suggestions.empty());
  // The stems the index gives these function words, in either language.
  std::set<std::string> function;
  for (const char* w : {"yang", "di", "dan", "untuk", "itu", "tidak", "dalam", "dengan", "tentang", "ini", "the", "of",
                        "and", "for", "at"})
    for (const auto& s : idx->stemmers().query_stems(w)) function.insert(s);
  for (const auto& t : r.model) CHECK_MESSAGE(!function.count(t.term), "model term: " << t.term);
  for (const auto& s : r.suggestions) {
    for (const auto& t : s.terms) CHECK_MESSAGE(!function.count(t.term), "reason: " << t.term);
    for (const auto& t : s.similar.shared) CHECK_MESSAGE(!function.count(t), "shared: " << t);
  }
  // The content words still make the suggestions: the third passage of each document first.
  std::set<store::Id> top;
  for (size_t i = 0; i < 3 && i < r.suggestions.size(); ++i)
    if (r.suggestions[i].passage_start == p->blocks(r.suggestions[i].doc).at(2).start) top.insert(r.suggestions[i].doc);
  CHECK(top == std::set<store::Id>{a, b, c});
  std::set<std::string> reasons;
  for (const auto& t : r.suggestions.front().terms) reasons.insert(t.term);
  CHECK((reasons.count("musyawarah") + reasons.count("gotong") + reasons.count("royong") + reasons.count("warga") +
         reasons.count("villag")) >= 1);
}
