// The code-suggestion benchmark (issue 27): how good and how fast
// `telaah suggest`'s model (index/suggest.h) is, on a generated corpus where
// the relevant passages are known, against two baselines in the same run:
//   plain query  an OR query of the code's name and definition words (BM25),
//                what a researcher would type into the search box
//   random       uncoded passages in a random order
//
// The corpus: documents of bench/search_corpus.h (Zipf vocabulary of real
// Indonesian and English words) up to --passages passages; for each of
// --codes codes a topic (30 words of middling frequency per language), and
// --relevant passages of the code written with the topic (a share --density
// of their words from the topic, the rest from the general vocabulary) in
// random documents. A third of them (--coded) are coded to the code; the
// others are what a suggester should find. The code's definition holds 3 of
// its topic words and 3 general words (as real definitions do).
//
// Measured per code: precision@10 (share of the first 10 suggestions that
// are relevant), recall@50 (share of the relevant uncoded passages among the
// first 50), the mean rank of those found; and the time to produce 50
// suggestions (model, paragraph scope, CPU and wall; median and max over
// every code, 3 runs each).
//
//   suggest [--quick] [--passages N] [--codes K] [--relevant R] [--coded C] [--density D] [--dir D]
// Prints markdown tables for docs/performance.md. Not a test.
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <tuple>

#include "bench_util.h"
#include "index/schema.h"
#include "index/search.h"
#include "index/suggest.h"
#include "index/sync.h"
#include "store/project.h"

namespace fs = std::filesystem;
using namespace bench;
using namespace telaah;

namespace {

double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

struct Topic {
  std::vector<std::string> id, en;  // topic words by rank (Zipf within the topic)
  Vocabulary vid, ven;
  std::string name, definition;
};

std::string paragraph(const Vocabulary& general, const Vocabulary& topic, double density, Rng& rng, int words) {
  std::string p;
  int in_sentence = 0, sentence_len = rng.range(8, 20);
  for (int k = 0; k < words; ++k) {
    std::string w = rng.unit() < density ? topic.pick(rng) : general.pick(rng);
    if (in_sentence == 0) w[0] = static_cast<char>(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0]);
    p += (p.empty() ? "" : " ") + w;
    if (++in_sentence == sentence_len || k + 1 == words) {
      p += ".";
      in_sentence = 0;
      sentence_len = rng.range(8, 20);
    }
  }
  return p;
}

struct Passage {
  store::Id doc = 0;
  int64_t start = 0;
  bool operator<(const Passage& o) const { return std::tie(doc, start) < std::tie(o.doc, o.start); }
  bool operator==(const Passage& o) const { return doc == o.doc && start == o.start; }
};

struct Scores {
  std::vector<double> p10, r50, mean_rank;
};

}  // namespace

int main(int argc, char** argv) {
  int64_t npassages = 100000;
  int ncodes = 5, relevant = 60, coded = 20;
  double density = 0.15;
  fs::path dir = "/tmp/telaah-bench";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return std::string(i + 1 < argc ? argv[++i] : "0"); };
    if (a == "--quick")
      npassages = 10000;
    else if (a == "--passages")
      npassages = std::stoll(next());
    else if (a == "--codes")
      ncodes = std::stoi(next());
    else if (a == "--relevant")
      relevant = std::stoi(next());
    else if (a == "--coded")
      coded = std::stoi(next());
    else if (a == "--density")
      density = std::stod(next());
    else if (a == "--dir")
      dir = next();
    else {
      const bool help = a == "--help" || a == "-h";
      (help ? std::cout : std::cerr)
          << "usage: suggest [--quick] [--passages N] [--codes K] [--relevant R] [--coded C] [--density D] [--dir D]\n"
             "  precision@10 and recall@50 of telaah suggest's model against a plain query of the code's name and\n"
             "  definition words and a random ranking, on a generated corpus of N passages (default 100000;\n"
             "  --quick: 10000) where each of K codes (5) has R relevant passages (60), C of them coded (20),\n"
             "  written with a share D (0.15) of topic words; and the time to produce 50 suggestions.\n";
      return help ? 0 : 1;
    }
  }
  if (coded >= relevant) {
    std::cerr << "--coded must be below --relevant\n";
    return 1;
  }
  fs::create_directories(dir);
  const fs::path project = dir / ("suggest-" + std::to_string(npassages) + ".telaah");
  fs::remove(project);
  fs::remove_all(telaah::index::index_dir_for(project.string()));
  CorpusGenerator gen;
  Rng rng(2027);

  // Topics: 30 words per language from ranks 300..8000 (no word in two topics).
  std::vector<Topic> topics(static_cast<size_t>(ncodes));
  std::set<std::string> taken;
  auto draw = [&](const std::string& lang, std::vector<std::string>& out, int n) {
    const auto& v = gen.vocabulary(lang).words;
    while (static_cast<int>(out.size()) < n) {
      const std::string& w =
          v[static_cast<size_t>(rng.range(300, std::min<int>(8000, static_cast<int>(v.size()) - 1)))];
      if (taken.insert(w).second) out.push_back(w);
    }
  };
  for (int c = 0; c < ncodes; ++c) {
    Topic& t = topics[static_cast<size_t>(c)];
    draw("id", t.id, 30);
    draw("en", t.en, 30);
    t.vid.words = t.id;
    t.ven.words = t.en;
    t.vid.finish(0.8);
    t.ven.finish(0.8);
    t.name = "Indicator " + std::to_string(c + 1);
    std::vector<std::string> general;
    draw("id", general, 2);
    draw("en", general, 3);  // one English word after the two Indonesian ones
    t.definition = t.id[0] + " " + t.en[1] + " " + t.id[4] + " " + general[0] + " " + general[1] + " " + general[2];
  }

  // The documents, with the topic passages put in place of some paragraphs.
  const auto t_gen = Clock::now();
  auto p = store::Project::create(project, {.create = true, .verify = false, .coder = "bench"});
  struct Planted {
    int code;
    size_t doc_index;
    int64_t offset;  // code points (the generated text is ASCII)
  };
  std::vector<Planted> planted;
  std::vector<store::NewDocument> all;
  int64_t paragraphs = 0;
  for (uint64_t i = 0; paragraphs < npassages; ++i) {
    GenDoc g = gen.make(i);
    if (g.type == "interview") continue;  // turns and paragraphs: keep the unit one paragraph
    store::NewDocument d;
    d.title = g.title;
    d.source_type = g.type;
    d.language = g.lang;
    d.date = g.date;
    d.author = g.author;
    d.original_bytes = " ";
    d.text = std::move(g.text);
    paragraphs += 1 + static_cast<int64_t>(std::count(d.text.begin(), d.text.end(), '\n')) / 2;
    all.push_back(std::move(d));
  }
  // R passages per code in random documents: paragraph k replaced.
  for (int c = 0; c < ncodes; ++c)
    for (int r = 0; r < relevant; ++r) {
      const size_t di = rng.next() % all.size();
      auto& d = all[di];
      std::vector<size_t> starts{0};
      for (size_t at = d.text.find("\n\n"); at != std::string::npos; at = d.text.find("\n\n", at + 2))
        starts.push_back(at + 2);
      const size_t k = rng.next() % starts.size();
      bool used = false;
      for (const auto& pl : planted)
        used = used || (pl.doc_index == di && pl.offset == static_cast<int64_t>(starts[k]));
      if (used) {
        --r;
        continue;
      }
      const size_t end = d.text.find("\n\n", starts[k]);
      const Topic& t = topics[static_cast<size_t>(c)];
      const std::string text =
          paragraph(gen.vocabulary(d.language), d.language == "id" ? t.vid : t.ven, density, rng, rng.range(25, 70));
      const int64_t delta = static_cast<int64_t>(text.size()) -
                            static_cast<int64_t>((end == std::string::npos ? d.text.size() : end) - starts[k]);
      d.text.replace(starts[k], (end == std::string::npos ? d.text.size() : end) - starts[k], text);
      for (auto& pl : planted)  // later paragraphs of the same document moved
        if (pl.doc_index == di && pl.offset > static_cast<int64_t>(starts[k])) pl.offset += delta;
      planted.push_back({c, di, static_cast<int64_t>(starts[k])});
    }
  std::vector<store::Id> ids;
  for (size_t i = 0; i < all.size(); i += 2000) {
    std::vector<store::NewDocument> batch(all.begin() + static_cast<long>(i),
                                          all.begin() + static_cast<long>(std::min(all.size(), i + 2000)));
    auto got = p->add_documents(batch, "Import batch");
    ids.insert(ids.end(), got.begin(), got.end());
  }
  std::vector<store::Id> codes;
  for (const auto& t : topics) {
    store::Code k;
    k.name = t.name;
    k.definition = t.definition;
    codes.push_back(p->add_code(k));
  }
  // Code the first C planted passages of each code; the rest are the targets.
  std::vector<std::set<Passage>> targets(static_cast<size_t>(ncodes));
  std::vector<int> coded_n(static_cast<size_t>(ncodes), 0);
  std::vector<store::Coding> codings;
  for (const auto& pl : planted) {
    const store::Id doc = ids[pl.doc_index];
    const auto blocks = p->blocks(doc);
    auto b = std::find_if(blocks.begin(), blocks.end(), [&](const text::Block& x) { return x.start == pl.offset; });
    if (b == blocks.end()) {
      std::cerr << "a planted paragraph is no block (doc " << doc << " at " << pl.offset << ")\n";
      return 2;
    }
    auto& n = coded_n[static_cast<size_t>(pl.code)];
    if (n < coded) {
      store::Coding x;
      x.doc = doc;
      x.code = codes[static_cast<size_t>(pl.code)];
      x.start = b->start;
      x.end = b->end;
      codings.push_back(x);
      ++n;
    } else {
      targets[static_cast<size_t>(pl.code)].insert({doc, b->start});
    }
  }
  p->add_codings(codings, "Bench codings");
  std::cerr << "generated " << all.size() << " documents, " << paragraphs << " paragraphs in " << secs(t_gen) << " s\n";
  const auto t_idx = Clock::now();
  auto rep = telaah::index::sync_index(project, {.threads = 2, .force_rebuild = true});
  std::cerr << "indexed in " << secs(t_idx) << " s wall (" << rep.cpu.indexing_total << " s CPU)\n";
  auto idx = telaah::index::Index::open(project);
  const int64_t indexed = static_cast<int64_t>(idx->database()->get_doccount());

  // Every passage of the index, for the random baseline.
  std::vector<Passage> every;
  for (size_t i = 0; i < ids.size(); ++i)
    for (const auto& b : p->blocks(ids[i])) every.push_back({ids[i], b.start});

  std::map<std::string, Scores> scores;
  std::vector<double> cpu_ms, wall_ms;
  for (int c = 0; c < ncodes; ++c) {
    const auto& want = targets[static_cast<size_t>(c)];
    auto score = [&](const std::string& system, const std::vector<Passage>& ranked) {
      int hit10 = 0, hit50 = 0;
      double rank_sum = 0;
      for (size_t r = 0; r < ranked.size() && r < 50; ++r)
        if (want.count(ranked[r])) {
          hit10 += r < 10;
          ++hit50;
          rank_sum += static_cast<double>(r + 1);
        }
      auto& s = scores[system];
      s.p10.push_back(hit10 / 10.0);
      s.r50.push_back(static_cast<double>(hit50) / static_cast<double>(want.size()));
      if (hit50) s.mean_rank.push_back(rank_sum / hit50);
    };
    telaah::index::SuggestOptions o;
    o.limit = 50;
    auto req = telaah::index::suggest_request(*p, codes[static_cast<size_t>(c)], o);
    for (int run = 0; run < 3; ++run) {
      const auto w = Clock::now();
      const double t0 = cpu_now();
      auto res = telaah::index::suggest(*idx, req);
      cpu_ms.push_back((cpu_now() - t0) * 1000);
      wall_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - w).count());
      if (run == 0) {
        std::vector<Passage> ranked;
        for (const auto& s : res.suggestions) ranked.push_back({s.doc, s.passage_start});
        score("telaah suggest (model)", ranked);
      }
    }
    auto plain = req;
    plain.ranker = telaah::index::SuggestRequest::Ranker::plain_query;
    {
      std::vector<Passage> ranked;
      for (const auto& s : telaah::index::suggest(*idx, plain).suggestions) ranked.push_back({s.doc, s.passage_start});
      score("plain query (name + definition words)", ranked);
    }
    {  // random: uncoded passages in a random order
      std::set<Passage> coded_here;
      for (const auto& s : req.coded) coded_here.insert({s.doc, s.start});
      std::vector<Passage> ranked;
      Rng rr(static_cast<uint64_t>(c) + 99);
      while (ranked.size() < 50) {
        const Passage& x = every[rr.next() % every.size()];
        if (!coded_here.count(x) && std::find(ranked.begin(), ranked.end(), x) == ranked.end()) ranked.push_back(x);
      }
      score("random passages", ranked);
    }
  }

  auto mean = [](const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return v.empty() ? 0.0 : s / static_cast<double>(v.size());
  };
  std::cout << "\n### " << indexed << " passages, " << ncodes << " codes, " << relevant << " relevant passages each ("
            << coded << " coded, " << relevant - coded << " to find), topic word share " << density << "\n\n";
  std::cout << "| ranking | precision@10 | vs plain query | recall@50 | mean rank of those found |\n"
               "|---|---:|---:|---:|---:|\n";
  const double plain_p10 = mean(scores["plain query (name + definition words)"].p10);
  for (const char* system : {"telaah suggest (model)", "plain query (name + definition words)", "random passages"}) {
    const auto& s = scores[system];
    char line[320];
    std::snprintf(line, sizeof line, "| %s | %.2f | %s | %.2f | %s |\n", system, mean(s.p10),
                  plain_p10 > 0 ? (std::to_string(mean(s.p10) / plain_p10).substr(0, 4) + "×").c_str() : "–",
                  mean(s.r50), s.mean_rank.empty() ? "–" : std::to_string(mean(s.mean_rank)).substr(0, 4).c_str());
    std::cout << line;
  }
  std::cout << "\nPer code, precision@10 (model / plain / random):";
  for (int c = 0; c < ncodes; ++c) {
    char cell[96];
    std::snprintf(cell, sizeof cell, " %s %.1f / %.1f / %.1f;", topics[static_cast<size_t>(c)].name.c_str(),
                  scores["telaah suggest (model)"].p10[static_cast<size_t>(c)],
                  scores["plain query (name + definition words)"].p10[static_cast<size_t>(c)],
                  scores["random passages"].p10[static_cast<size_t>(c)]);
    std::cout << cell;
  }
  auto cs = stats(cpu_ms), ws = stats(wall_ms);
  std::sort(cpu_ms.begin(), cpu_ms.end());
  std::sort(wall_ms.begin(), wall_ms.end());
  char line[320];
  std::snprintf(line, sizeof line,
                "\n\n50 suggestions (model, paragraph scope) over %lld passages, %zu runs: CPU median %.1f ms, max "
                "%.1f ms; wall median %.1f ms, max %.1f ms (target ≤ 300 ms).\n",
                static_cast<long long>(indexed), cpu_ms.size(), cs.p50, cpu_ms.back(), ws.p50, wall_ms.back());
  std::cout << line;
  return 0;
}
