// The sample project builder (telaah sample, and make run on first start).
#include "sample/sample.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ingest/batch.h"
#include "store/project.h"
#include "store/quote.h"

namespace fs = std::filesystem;

namespace telaah::sample {

static std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  size_t a = 0;
  for (;;) {
    size_t b = line.find('\t', a);
    out.push_back(line.substr(a, b == std::string::npos ? std::string::npos : b - a));
    if (b == std::string::npos) break;
    a = b + 1;
  }
  if (!out.empty() && !out.back().empty() && out.back().back() == '\r') out.back().pop_back();
  return out;
}

std::vector<Anchor> read_anchors(const fs::path& corpus_dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(corpus_dir / "coding", ec))
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  if (ec) throw UserError("cannot read " + (corpus_dir / "coding").string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<Anchor> out;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (n == 1 || line.empty() || line[0] == '#') continue;
      auto c = split_tabs(line);
      const std::string where = "coding/" + f.filename().string() + ":" + std::to_string(n);
      if (c.size() < 6) throw UserError(where + ": expected file, code, quote, occurrence, stance, coder[, memo]");
      Anchor a;
      a.file = c[0];
      a.code = c[1];
      a.quote = c[2];
      try {
        a.occurrence = c[3].empty() ? 1 : std::stoi(c[3]);
      } catch (const std::exception&) {
        throw UserError(where + ": occurrence '" + c[3] + "' is not a number");
      }
      a.stance = c[4];
      a.coder = c[5];
      a.memo = c.size() > 6 ? c[6] : "";
      a.where = where;
      out.push_back(std::move(a));
    }
  }
  return out;
}

static BuildReport fill(store::Project& p, const fs::path& corpus,
                        const std::function<void(const std::string&)>& progress) {
  auto say = [&](const std::string& s) {
    if (progress) progress(s);
  };
  BuildReport r;
  // 1. the framework
  std::ifstream fw(corpus / "framework.json");
  if (!fw) throw UserError("the corpus has no framework.json: " + (corpus / "framework.json").string());
  say("loading the framework");
  p.load_codebook(nlohmann::json::parse(fw));
  r.codes = p.codes().size();
  // 2. the documents of the manifest, in one import action
  say("importing the documents");
  auto specs = ingest::read_manifest(corpus / "manifest.tsv");
  ingest::BatchOptions opt;
  auto batch = ingest::import_files(p, specs, opt);
  std::map<std::string, store::Id> by_file;  // path relative to corpus/ -> document
  for (size_t i = 0; i < batch.files.size(); ++i)
    by_file[fs::relative(batch.files[i].path, corpus).generic_string()] = batch.files[i].doc;
  r.documents = batch.imported();
  // 3. the codings, one action per coder
  say("coding the passages");
  auto anchors = read_anchors(corpus);
  std::map<std::string, std::vector<store::Coding>> per_coder;
  std::map<store::Id, std::string> texts;
  std::map<std::string, store::Id> code_ids;
  auto act = p.begin_action("Sample codings");
  for (const auto& a : anchors) {
    auto it = by_file.find(a.file);
    if (it == by_file.end()) throw UserError(a.where + ": '" + a.file + "' is not in the manifest");
    if (!texts.count(it->second)) texts[it->second] = p.text(it->second);
    if (!code_ids.count(a.code)) {
      try {
        code_ids[a.code] = p.resolve_code(a.code);
      } catch (const UserError& e) {
        throw UserError(a.where + ": " + e.what());
      }
    }
    store::Coding c;
    c.doc = it->second;
    c.code = code_ids[a.code];
    try {
      auto span = store::resolve_quote(texts[it->second], a.quote, a.occurrence, a.file);
      c.start = span.start;
      c.end = span.end;
      c.stance = store::stance_from_string(a.stance);
    } catch (const UserError& e) {
      throw UserError(a.where + ": " + e.what());
    }
    c.memo = a.memo;
    c.coder = p.ensure_coder(a.coder);
    c.origin = "sample: " + a.where;
    per_coder[a.coder].push_back(c);
  }
  for (auto& [coder, list] : per_coder) {
    p.add_codings(list, "Sample codings of " + coder);
    r.coders.push_back(coder);
    r.codings += list.size();
  }
  if (!per_coder.empty()) p.set_setting("default_coder", per_coder.begin()->first);
  // No coder rule is set: the sample's matrix is the default rule's (every
  // coder, the same passage counted once; corpus/README.md), so the second
  // coder's double-coding counts once and her disagreements show as they would
  // in any project.
  act.commit();
  return r;
}

BuildReport build_sample(const fs::path& project, const fs::path& corpus_dir,
                         const std::function<void(const std::string&)>& progress) {
  if (!fs::is_directory(corpus_dir)) throw UserError("no corpus folder at " + corpus_dir.string());
  auto p = store::Project::create(project);
  try {
    return fill(*p, corpus_dir, progress);
  } catch (...) {
    p.reset();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", ".lock"}) fs::remove(project.string() + suffix, ec);
    throw;
  }
}

fs::path default_corpus_dir() {
  std::error_code ec;
  // 1. $TELAAH_DATA_DIR: the data folder (holding corpus/) or the corpus folder itself.
  if (const char* d = std::getenv("TELAAH_DATA_DIR"); d && *d) {
    for (const fs::path& c : {fs::path(d) / "corpus", fs::path(d)})
      if (fs::is_directory(c, ec) && fs::exists(c / "manifest.tsv", ec)) return c;
  }
  // 2. An installed copy: <prefix>/bin/telaah finds <prefix>/share/telaah/corpus.
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!exe.empty()) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "telaah" / "corpus";
    if (fs::is_directory(installed, ec)) return installed;
  }
  // 3. The build tree: the source tree's corpus/ this binary was built from.
#ifdef TELAAH_SOURCE_CORPUS
  if (fs::is_directory(TELAAH_SOURCE_CORPUS, ec)) return TELAAH_SOURCE_CORPUS;
#endif
  // 4. A corpus/ folder next to the executable or above it (a copied build tree).
  for (fs::path d = exe.parent_path(); !d.empty() && d != d.root_path(); d = d.parent_path())
    if (fs::exists(d / "corpus" / "manifest.tsv", ec)) return d / "corpus";
  return {};
}

}  // namespace telaah::sample
