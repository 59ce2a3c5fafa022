// Content analysis (issue 23): telaah frequencies (word counts of a subset,
// keyness between two subsets), telaah kwic (keyword in context), telaah
// timeline (an indicator's evidence over time), telaah stopwords (the stop
// lists the frequencies leave out). Rules: index/content.h, analysis/timeline.h.
#include <iomanip>
#include <iostream>
#include <sstream>

#include "analysis/timeline.h"
#include "cli/cli.h"
#include "cli/index_errors.h"
#include "exchange/exchange.h"
#include "index/content.h"
#include "index/search.h"
#include "index/sync.h"
#include "store/safe_output.h"
#include "text/utf8.h"

namespace telaah::cli {
namespace {

std::unique_ptr<index::Index> open_index(const std::string& project) {
  auto idx = index::Index::open(project);
  try {
    idx->ensure_current();
  } catch (const index::IndexBusy& e) {
    if (!idx->ready()) throw;
    std::cerr << e.what() << "; reading the index as it is\n";
  }
  return idx;
}

std::string fixed(double v, int digits) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}

void write_csv_file(const std::string& file, const exchange::Table& t, bool force, const store::Project& p) {
  store::write_output(file, exchange::to_csv(t), force, {p.path()});
}

// --- frequencies ---

struct FreqArgs {
  std::string project, query, by, set, code, csv;
  std::vector<std::string> compare;
  int64_t limit = 50;
  bool stem = false, all_words = false, force = false;
};

const char* kFreqRule =
    "Words: the search index's words with at least one letter (numbers are not counted), lower-cased; --stem counts "
    "them under the stem of their document's language (the row shows the stem and its most frequent form). Stop "
    "words: a word in the Indonesian or the English stop list is left out, in every document (see 'telaah stopwords "
    "P'; --all-words keeps them). N is every word of the subset, stop words included. The subset: the documents "
    "QUERY finds (every document without one; type: year: outlet: code: ... filters apply), --set a document set, "
    "--code only the passages coded with that code or its sub-codes. --by groups the documents by source type, "
    "outlet, year or an attribute ('(none)' when a document has no value). --compare A B compares group A with "
    "group B by log-likelihood keyness (Rayson & Garside 2000): with a occurrences in A (N_A words) and b in B (N_B "
    "words), E_A = N_A(a+b)/(N_A+N_B), E_B = N_B(a+b)/(N_A+N_B), G2 = 2(a ln(a/E_A) + b ln(b/E_B)) (a zero count "
    "adds 0); 'more in' A when a/N_A > b/N_B; G2 >= 3.84 is p < 0.05, 6.63 p < 0.01, 10.83 p < 0.001, 15.13 "
    "p < 0.0001.";

Registrar reg_freq(63, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<FreqArgs>();
  auto* cmd = app.add_subcommand("frequencies",
                                 "Word frequencies of a subset, by source type, outlet, year or attribute; "
                                 "--compare A B: keyness (log-likelihood) between two groups");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("query", a->query, "the documents to count (a search query; default: every document)");
  cmd->add_option("--by", a->by, "group by type, outlet, year or an attribute's name");
  cmd->add_option("--compare", a->compare, "two groups of --by to compare (keyness)")->expected(2);
  cmd->add_option("--set", a->set, "only the documents of this document set");
  cmd->add_option("--code", a->code, "only the passages coded with this code (and its sub-codes)");
  cmd->add_flag("--stem", a->stem, "count stems instead of word forms");
  cmd->add_flag("--all-words", a->all_words, "keep stop words");
  cmd->add_option("--limit", a->limit, "rows shown per table (default 50; 0 = all); --csv writes all");
  cmd->add_option("--csv", a->csv, "write the whole table(s) to this CSV file");
  cmd->add_flag("--force", a->force, "replace an existing --csv file");
  cmd->footer(kFreqRule);
  cmd->callback(index_errors_as_user_errors(a->project, [a, &ctx] {
    if (a->limit < 0) throw UserError("--limit cannot be negative");
    if (!a->compare.empty() && a->by.empty())
      throw UserError("--compare needs --by: the two groups are values of --by (e.g. --by outlet --compare A B)");
    auto p = open_for_reading(a->project);
    std::unique_ptr<index::Index> idx;
    // The stemmers are the index's; a query needs the index itself.
    idx = a->query.empty() && !a->stem ? nullptr : open_index(a->project);
    const index::Subset subset{a->query, a->set, a->code};
    if (!a->code.empty()) p->resolve_code(a->code);  // an unknown code is named before counting
    auto docs = index::subset_documents(idx.get(), *p, subset, a->by);
    index::FreqOptions o;
    o.stem = a->stem;
    o.use_stopwords = !a->all_words;
    std::unique_ptr<index::Stemmers> own;
    index::Stemmers* stemmers = idx ? &idx->stemmers() : nullptr;
    if (!stemmers) {
      own = std::make_unique<index::Stemmers>(index::IdStemmerKind::snowball);
      stemmers = own.get();
    }
    auto tables = index::count_subset(*p, *stemmers, docs, subset, o);
    const auto limited = [&](size_t n) { return a->limit == 0 ? n : std::min<size_t>(n, a->limit); };

    if (!a->compare.empty()) {
      const index::FreqTable* ta = nullptr;
      const index::FreqTable* tb = nullptr;
      for (const auto& [g, t] : tables) {
        if (g == a->compare[0]) ta = &t;
        if (g == a->compare[1]) tb = &t;
      }
      std::string groups;
      for (const auto& [g, t] : tables) groups += (groups.empty() ? "" : ", ") + g;
      for (int i = 0; i < 2; ++i)
        if (!(i == 0 ? ta : tb))
          throw UserError("no document of the subset has " + a->by + " '" + a->compare[i] +
                          "' (groups: " + (groups.empty() ? "none" : groups) + ")");
      const auto rows = index::keyness(*ta, *tb);
      if (!a->csv.empty()) {
        exchange::Table t;
        t.columns = {"word", "form", "count_a", "count_b", "per_1000_a", "per_1000_b", "g2", "more_in", "p"};
        for (const auto& r : rows)
          t.rows.push_back({r.word, r.form, std::to_string(r.a), std::to_string(r.b), fixed(r.per_k_a, 3),
                            fixed(r.per_k_b, 3), fixed(r.g2, 3), r.more_in_a ? a->compare[0] : a->compare[1], r.p});
        write_csv_file(a->csv, t, a->force, *p);
      }
      if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (size_t i = 0; i < limited(rows.size()); ++i) {
          const auto& r = rows[i];
          out.push_back({{"word", r.word},
                         {"form", r.form},
                         {"a", r.a},
                         {"b", r.b},
                         {"per_1000_a", r.per_k_a},
                         {"per_1000_b", r.per_k_b},
                         {"g2", r.g2},
                         {"more_in", r.more_in_a ? a->compare[0] : a->compare[1]},
                         {"p", r.p}});
        }
        return print_json({{"a", {{"group", a->compare[0]}, {"words", ta->running_words}, {"texts", ta->texts}}},
                           {"b", {{"group", a->compare[1]}, {"words", tb->running_words}, {"texts", tb->texts}}},
                           {"keyness", out}});
      }
      std::cout << "A = " << a->compare[0] << " (" << ta->texts << " texts, " << ta->running_words
                << " words), B = " << a->compare[1] << " (" << tb->texts << " texts, " << tb->running_words
                << " words)\n";
      std::cout << std::left << std::setw(24) << "word" << std::right << std::setw(8) << "A" << std::setw(8) << "B"
                << std::setw(10) << "A/1000" << std::setw(10) << "B/1000" << std::setw(10) << "G2"
                << "  more in  p\n";
      for (size_t i = 0; i < limited(rows.size()); ++i) {
        const auto& r = rows[i];
        std::cout << std::left << std::setw(24) << (r.word == r.form ? r.word : r.word + " (" + r.form + ")")
                  << std::right << std::setw(8) << r.a << std::setw(8) << r.b << std::setw(10) << fixed(r.per_k_a, 2)
                  << std::setw(10) << fixed(r.per_k_b, 2) << std::setw(10) << fixed(r.g2, 2) << "  "
                  << (r.more_in_a ? "A" : "B") << "        " << r.p << "\n";
      }
      if (!a->csv.empty()) std::cout << "wrote " << rows.size() << " rows to " << a->csv << "\n";
      return;
    }

    if (!a->csv.empty()) {
      exchange::Table t;
      t.columns = {"group", "word", "form", "count", "per_1000", "texts"};
      for (const auto& [g, tab] : tables)
        for (const auto& w : tab.words)
          t.rows.push_back(
              {g, w.word, w.form, std::to_string(w.count),
               fixed(tab.running_words ? 1000.0 * static_cast<double>(w.count) / static_cast<double>(tab.running_words)
                                       : 0,
                     3),
               std::to_string(w.docs)});
      write_csv_file(a->csv, t, a->force, *p);
    }
    if (ctx.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& [g, tab] : tables) {
        nlohmann::json words = nlohmann::json::array();
        for (size_t i = 0; i < limited(tab.words.size()); ++i) {
          const auto& w = tab.words[i];
          words.push_back({{"word", w.word}, {"form", w.form}, {"count", w.count}, {"texts", w.docs}});
        }
        out.push_back({{"group", g},
                       {"texts", tab.texts},
                       {"running_words", tab.running_words},
                       {"counted_words", tab.counted_words},
                       {"words", words}});
      }
      return print_json({{"by", a->by}, {"stemmed", a->stem}, {"groups", out}});
    }
    for (const auto& [g, tab] : tables) {
      if (!a->by.empty()) std::cout << "== " << a->by << ": " << g << "\n";
      std::cout << tab.texts << " texts, " << tab.running_words << " words (" << tab.counted_words
                << " without stop words)\n";
      for (size_t i = 0; i < limited(tab.words.size()); ++i) {
        const auto& w = tab.words[i];
        const double per_k =
            tab.running_words ? 1000.0 * static_cast<double>(w.count) / static_cast<double>(tab.running_words) : 0;
        std::cout << std::left << std::setw(24) << (w.word == w.form ? w.word : w.word + " (" + w.form + ")")
                  << std::right << std::setw(8) << w.count << std::setw(10) << fixed(per_k, 2) << std::setw(8) << w.docs
                  << "\n";
      }
    }
    if (tables.empty()) std::cout << "no document in the subset\n";
    if (!a->csv.empty()) std::cout << "wrote " << a->csv << "\n";
  }));
});

// --- stop lists ---

struct StopArgs {
  std::string project, lang, list;
};

Registrar reg_stop(63, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<StopArgs>();
  auto* cmd = app.add_subcommand("stopwords",
                                 "The stop lists word frequencies leave out: list them, or set one: telaah stopwords "
                                 "P id|en \"word, word, ...\" (or 'default', or 'none'); one undoable action");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("lang", a->lang, "id or en")->check(CLI::IsMember({"id", "en"}));
  cmd->add_option("list", a->list, "comma-separated words; 'default' restores the built-in list, 'none' empties it");
  cmd->footer("Kept as project settings content.stopwords.id and content.stopwords.en (empty = the built-in list).");
  cmd->callback([a, &ctx] {
    if (!a->list.empty()) {
      auto p = open_project(a->project);
      const std::string key = "content.stopwords." + a->lang;
      p->set_setting(key, a->list == "default" ? "" : a->list);
    } else if (!a->lang.empty()) {
      throw UserError("usage: telaah stopwords P [id|en \"word, word, ...\"|default|none]");
    }
    auto p = open_for_reading(a->project);
    nlohmann::json out;
    for (const std::string lang : {"id", "en"}) {
      const std::string v = p->setting("content.stopwords." + lang);
      std::vector<std::string> words;
      if (v.empty()) {
        words = lang == "id" ? index::default_stopwords_id() : index::default_stopwords_en();
      } else {
        std::stringstream ss(v);
        std::string w;
        while (std::getline(ss, w, ',')) {
          w.erase(0, w.find_first_not_of(" \t"));
          w.erase(w.find_last_not_of(" \t") + 1);
          if (!w.empty() && w != "none") words.push_back(index::fold_case(w));
        }
      }
      out[lang] = {{"default", v.empty()}, {"words", words}};
    }
    if (ctx.json) return print_json(out);
    for (const std::string lang : {"id", "en"}) {
      std::cout << lang << (out[lang]["default"].get<bool>() ? " (built-in)" : " (project)") << ":";
      std::string line;
      for (const auto& w : out[lang]["words"]) line += (line.empty() ? " " : ", ") + w.get<std::string>();
      std::cout << (line.empty() ? " none" : line) << "\n";
    }
  });
});

// --- KWIC ---

struct KwicArgs {
  std::string project, query, sort = "doc", csv;
  int64_t width = 40, limit = 0, offset = 0;
  bool force = false;
};

Registrar reg_kwic(63, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<KwicArgs>();
  auto* cmd = app.add_subcommand("kwic", "Keyword in context: one line per match of a query, sortable");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("query", a->query, "the query (as for telaah search)")->required();
  cmd->add_option("--sort", a->sort, "doc (default: document, then place), left or right context")
      ->check(CLI::IsMember({"doc", "left", "right"}));
  cmd->add_option("--width", a->width, "characters of context on each side (default 40, 1-1000)");
  cmd->add_option("--limit", a->limit, "lines shown (default all)");
  cmd->add_option("--offset", a->offset, "skip this many lines (paging)");
  cmd->add_option("--csv", a->csv, "write every line to this CSV file");
  cmd->add_flag("--force", a->force, "replace an existing --csv file");
  cmd->footer(
      "Each match is a word or phrase the search highlights. --sort left orders by the words of the left context "
      "read outwards from the keyword (nearest word first), --sort right by the words of the right context (nearest "
      "first); words are compared case-folded, word by word, in byte order, a shorter run first when it begins the "
      "other; ties keep document then place order.");
  cmd->callback(index_errors_as_user_errors(a->project, [a, &ctx] {
    if (a->width < 1 || a->width > 1000) throw UserError("--width must be 1 to 1000 characters");
    if (a->limit < 0 || a->offset < 0) throw UserError("--limit and --offset cannot be negative");
    auto idx = open_index(a->project);
    auto lines = index::kwic(*idx, a->query, static_cast<int>(a->width), index::kwic_sort_from(a->sort));
    if (!a->csv.empty()) {
      exchange::Table t;
      t.columns = {"document", "title", "date", "type", "start", "end", "left", "keyword", "right"};
      for (const auto& l : lines)
        t.rows.push_back({std::to_string(l.doc), l.title, l.date, l.source_type, std::to_string(l.start),
                          std::to_string(l.end), l.left, l.keyword, l.right});
      store::write_output(a->csv, exchange::to_csv(t), a->force, {a->project});
    }
    const size_t from = std::min<size_t>(lines.size(), static_cast<size_t>(a->offset));
    const size_t to = a->limit == 0 ? lines.size() : std::min<size_t>(lines.size(), from + a->limit);
    if (ctx.json) {
      nlohmann::json out = nlohmann::json::array();
      for (size_t i = from; i < to; ++i) {
        const auto& l = lines[i];
        out.push_back({{"document", l.doc},
                       {"title", l.title},
                       {"date", l.date},
                       {"source_type", l.source_type},
                       {"start", l.start},
                       {"end", l.end},
                       {"left", l.left},
                       {"keyword", l.keyword},
                       {"right", l.right}});
      }
      return print_json({{"total", lines.size()}, {"sort", a->sort}, {"lines", out}});
    }
    const auto w = static_cast<size_t>(a->width);
    for (size_t i = from; i < to; ++i) {
      const auto& l = lines[i];
      std::string left = l.left;
      const size_t cps = text::count_code_points(left);
      if (cps < w) left = std::string(w - cps, ' ') + left;
      std::cout << "#" << l.doc << ":" << l.start << "\t" << left << "[" << l.keyword << "]" << l.right << "\n";
    }
    std::cout << lines.size() << " line" << (lines.size() == 1 ? "" : "s");
    if (!a->csv.empty()) std::cout << "; wrote " << a->csv;
    std::cout << "\n";
  }));
});

// --- timeline ---

struct TimelineArgs {
  std::string project, code, by = "year";
};

nlohmann::json bin_json(const analysis::TimelineBin& b) {
  return {{"bin", b.label},
          {"in_period", b.in_period},
          {"codings", b.codings},
          {"documents", b.documents},
          {"by_type", b.by_type},
          {"supports", b.by_stance[0]},
          {"contradicts", b.by_stance[1]},
          {"neutral", b.by_stance[2]},
          {"evidence", b.evidence}};
}

Registrar reg_timeline(63, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<TimelineArgs>();
  auto* cmd = app.add_subcommand("timeline",
                                 "An indicator's evidence over time: its codings by their document's date, per "
                                 "year, quarter or month, by source type and stance");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--code", a->code, "the indicator (a code path, unique name or id; sub-codes included)")->required();
  cmd->add_option("--by", a->by, "year (default), quarter or month")
      ->check(CLI::IsMember({"year", "quarter", "month"}));
  cmd->footer(
      "A coding falls in the bin of its document's date (quarters: months 1-3 Q1, 4-6 Q2, 7-9 Q3, 10-12 Q4). "
      "Documents without a date are counted apart (undated), and so are documents dated less precisely than the "
      "bin (a year only, under quarter or month: imprecise). Bins run without gaps from the earliest to the latest "
      "date, widened to the study period (telaah project P period \"2011-2015\"); '*' marks bins inside it. A bin "
      "counts codings and the distinct documents they are in.");
  cmd->callback([a, &ctx] {
    auto p = open_for_reading(a->project);
    const auto t = analysis::evidence_timeline(*p, p->resolve_code(a->code), analysis::time_bin_from(a->by));
    if (ctx.json) {
      nlohmann::json bins = nlohmann::json::array();
      for (const auto& b : t.bins) bins.push_back(bin_json(b));
      return print_json({{"code", t.code_path},
                         {"by", a->by},
                         {"period", t.period},
                         {"bins", bins},
                         {"undated", bin_json(t.undated)},
                         {"imprecise", bin_json(t.imprecise)}});
    }
    std::cout << t.code_path << " by " << a->by;
    if (!t.period.empty()) std::cout << " (study period " << t.period << ")";
    std::cout << "\n";
    auto row = [&](const analysis::TimelineBin& b, bool mark) {
      std::cout << std::left << std::setw(10) << b.label << (mark && b.in_period ? "*" : " ") << std::right
                << std::setw(6) << b.codings << " codings" << std::setw(6) << b.documents << " docs   +"
                << b.by_stance[0] << " -" << b.by_stance[1] << " 0:" << b.by_stance[2] << "  ";
      std::string types;
      for (const auto& [ty, n] : b.by_type) types += (types.empty() ? "" : ", ") + ty + " " + std::to_string(n);
      std::cout << types << "  " << std::string(static_cast<size_t>(std::min<int64_t>(b.codings, 40)), '#') << "\n";
    };
    for (const auto& b : t.bins) row(b, true);
    row(t.undated, false);
    row(t.imprecise, false);
  });
});

}  // namespace
}  // namespace telaah::cli
