// Keeping the index in step with its project (see sync.h).
#include "index/sync.h"

#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include "index/analyzer.h"
#include "index/schema.h"
#include "index/shards.h"
#include "index/source.h"
#include "index/sync_internal.h"
#include "index/synonyms.h"
#include "index/writer.h"

namespace fs = std::filesystem;

namespace telaah::index {

const char* to_string(Stage s) {
  switch (s) {
    case Stage::checking:
      return "checking";
    case Stage::indexing:
      return "indexing";
    case Stage::merging:
      return "merging";
    case Stage::finishing:
      return "finishing";
    case Stage::done:
      return "done";
    default:
      return "idle";
  }
}

const char* to_string(SyncReport::Action a) {
  switch (a) {
    case SyncReport::Action::caught_up:
      return "caught up";
    case SyncReport::Action::rebuilt:
      return "rebuilt";
    default:
      return "already current";
  }
}

namespace detail {

// Xapian flushes every 10,000 changed documents by default; we flush by
// bytes of text instead (SyncOptions::flush_bytes).
void disable_count_flush() {
  static std::once_flag once;
  std::call_once(once, [] { ::setenv("XAPIAN_FLUSH_THRESHOLD", "4000000000", 0); });
}

IdStemmerKind project_stemmer(ProjectSource& src) {
  try {
    return id_stemmer_kind_from_string(src.setting("stemmer_id"));
  } catch (const UserError&) {
    return IdStemmerKind::dictionary;  // an unknown value must not stop search
  }
}

// What the index records as its stemmer: what is really in use after fallback.
std::string effective_stemmer(IdStemmerKind k) {
  if (k == IdStemmerKind::dictionary && IdDictionary::system()) return "dictionary";
  return "snowball";
}

Target read_target(ProjectSource& src) {
  Target t;
  t.project_id = src.project_id();
  t.revision = src.revision();
  t.stamp = src.revision_stamp(t.revision);
  t.kind = project_stemmer(src);
  t.stemmer = effective_stemmer(t.kind);
  t.synonyms = project_synonyms(src);
  t.synonyms_fp = synonyms_fingerprint(t.synonyms);
  return t;
}

int64_t parse_rev(const std::string& s) {
  try {
    size_t used = 0;
    long long v = std::stoll(s, &used);
    return used == s.size() ? v : -1;
  } catch (const std::exception&) {
    return -1;
  }
}

// Compares the index's metadata with the project; fills problem when only a
// rebuild can fix it.
IndexStatus examine(const std::string& dir, ProjectSource& src, const Target& t) {
  IndexStatus st;
  st.project_revision = t.revision;
  std::error_code ec;
  st.exists = fs::exists(dir, ec);
  if (!st.exists) {
    st.problem = "there is no search index yet";
    return st;
  }
  try {
    Xapian::Database db(dir);
    st.readable = true;
    st.format = db.get_metadata(kMetaFormat);
    st.project_id = db.get_metadata(kMetaProject);
    st.stemmer = db.get_metadata(kMetaStemmer);
    st.revision = parse_rev(db.get_metadata(kMetaRevision));
    st.passages = db.get_doccount();
    const std::string stamp = db.get_metadata("telaah.revision_stamp");
    if (st.format != kFormat)
      st.problem = st.format.empty() ? "the search index is incomplete or not Telaah's"
                                     : "the search index was made by another version of Telaah (" + st.format + ")";
    else if (st.project_id != t.project_id)
      st.problem = "the search index belongs to another project";
    else if (st.revision < 0)
      st.problem = "the search index does not say which project revision it holds";
    else if (st.revision > t.revision)
      st.problem = "the project (revision " + std::to_string(t.revision) +
                   ") is older than its search index (revision " + std::to_string(st.revision) +
                   "): was it restored from a copy?";
    else if (stamp != src.revision_stamp(st.revision))
      st.problem = "the project's history differs from the one the search index was built from (restored from a copy?)";
    else if (st.stemmer != t.stemmer)
      st.problem = "the Indonesian stemmer changed (index: " + st.stemmer + ", project: " + t.stemmer + ")";
  } catch (const Xapian::Error& e) {
    st.problem = "the search index cannot be read (" + e.get_msg() + ")";
  }
  return st;
}

void write_metadata(Xapian::WritableDatabase& db, const Target& t) {
  db.set_metadata(kMetaFormat, kFormat);
  db.set_metadata(kMetaProject, t.project_id);
  db.set_metadata(kMetaRevision, std::to_string(t.revision));
  db.set_metadata("telaah.revision_stamp", t.stamp);
  db.set_metadata(kMetaStemmer, t.stemmer);
  db.set_metadata(kMetaSynonyms, t.synonyms_fp);
}

bool spelling_word(const std::string& w) {
  if (w.size() < 4 || w.size() > 24) return false;
  for (unsigned char c : w)
    if (!((c >= 'a' && c <= 'z') || c >= 0x80)) return false;  // letters only; prefixed terms start upper case
  return true;
}

// "Did you mean" data: every word seen at least twice.
void add_spelling(Xapian::WritableDatabase& db, const Vocabulary& vocab) {
  for (const auto& [w, n] : vocab)
    if (n >= 2 && spelling_word(w)) db.add_spelling(w, n);
}

double thread_cpu() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

}  // namespace detail

namespace {

using namespace detail;

// Half-built or half-swapped copies of a rebuild that was killed. Only
// called under the index lock, so no live rebuild owns them.
void remove_leftovers(const std::string& dir) {
  const fs::path d(dir);
  const std::string base = d.filename().string();
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(d.parent_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(base + ".new-", 0) == 0 || name.rfind(base + ".old-", 0) == 0) fs::remove_all(e.path(), ec);
  }
}

struct Rebuilt {
  int64_t docs = 0, bytes = 0;
  SyncReport::Cpu cpu;
};

Rebuilt rebuild(const fs::path& project, const std::string& dir, ProjectSource& src, const Target& t,
                const SyncOptions& opt, Progress* progress) {
  const std::string tmp = dir + ".new-" + std::to_string(::getpid());
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  struct Cleanup {
    std::string path;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
  } cleanup{tmp};

  const std::vector<Id> ids = src.document_ids();
  if (progress) {
    progress->total = static_cast<int64_t>(ids.size());
    progress->done = 0;
    progress->stage = Stage::indexing;
  }
  unsigned n = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
  n = std::min<unsigned>(n, 16);
  if (ids.size() < 64) n = 1;  // threads cost more than they save

  std::vector<std::exception_ptr> errors(n);
  std::vector<Rebuilt> counts(n);
  std::vector<Vocabulary> vocabs(n);
  std::atomic<bool> stop{false};
  std::vector<double> cpu(n, 0.0);
  auto worker = [&](unsigned k) {
    const double c0 = thread_cpu();
    struct Account {
      double& out;
      double c0;
      ~Account() { out = thread_cpu() - c0; }
    } account{cpu[k], c0};
    try {
      ProjectSource ws(project);
      ProjectSource::Snapshot snap(ws);
      Stemmers stemmers(t.kind);
      Xapian::WritableDatabase db(tmp + "/shard" + std::to_string(k),
                                  Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
      size_t pending = 0;
      for (size_t i = k; i < ids.size(); i += n) {
        if (stop || (progress && progress->cancel)) return;
        auto in = read_document(ws, ids[i]);
        if (in) {
          write_document(db, *in, stemmers, true, &vocabs[k]);
          pending += in->text.size();
          counts[k].bytes += static_cast<int64_t>(in->text.size());
          ++counts[k].docs;
        }
        if (pending >= opt.flush_bytes) {
          db.commit();
          pending = 0;
        }
        if (progress) ++progress->done;
      }
      db.commit();
    } catch (...) {
      errors[k] = std::current_exception();
      stop = true;
    }
  };
  if (n == 1)
    worker(0);
  else {
    std::vector<std::thread> threads;
    for (unsigned k = 0; k < n; ++k) threads.emplace_back(worker, k);
    for (auto& th : threads) th.join();
  }
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  if (progress && progress->cancel)
    throw IndexCancelled("indexing was cancelled; the previous search index is unchanged");

  if (progress) progress->stage = Stage::merging;
  double c0 = thread_cpu();
  const std::string final_db = tmp + "/db";
  if (n > 1 || opt.compact) {
    Xapian::Database all;
    for (unsigned k = 0; k < n; ++k) all.add_database(Xapian::Database(tmp + "/shard" + std::to_string(k)));
    all.compact(final_db);
  } else {
    fs::rename(tmp + "/shard0", final_db);
  }
  const double merge_cpu = thread_cpu() - c0;
  c0 = thread_cpu();
  if (progress) progress->stage = Stage::finishing;
  {
    Xapian::WritableDatabase db(final_db, Xapian::DB_OPEN);
    write_synonyms(db, t.synonyms);
    for (size_t k = 1; k < vocabs.size(); ++k) {
      for (const auto& [w, c] : vocabs[k]) vocabs[0][w] += c;
      Vocabulary().swap(vocabs[k]);
    }
    add_spelling(db, vocabs[0]);
    write_metadata(db, t);
    db.commit();
  }
  // Swap: readers that hold the old index keep reading it until they reopen.
  const std::string old = dir + ".old-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(old, ec);
  if (fs::exists(dir)) fs::rename(dir, old);
  fs::rename(final_db, dir);
  fs::remove_all(old, ec);

  Rebuilt total;
  for (const auto& c : counts) {
    total.docs += c.docs;
    total.bytes += c.bytes;
  }
  total.cpu.merging = merge_cpu;
  total.cpu.finishing = thread_cpu() - c0;
  for (double c : cpu) {
    total.cpu.indexing_total += c;
    total.cpu.indexing_max = std::max(total.cpu.indexing_max, c);
  }
  return total;
}

Rebuilt catch_up(const std::string& dir, ProjectSource& src, const Target& t, const std::set<Id>& docs,
                 bool synonyms_changed, const SyncOptions& opt, Progress* progress) {
  Rebuilt r;
  Xapian::WritableDatabase db(dir, Xapian::DB_OPEN);
  Stemmers stemmers(t.kind);
  if (progress) {
    progress->total = static_cast<int64_t>(docs.size());
    progress->done = 0;
    progress->stage = Stage::indexing;
  }
  size_t pending = 0;
  std::vector<Token> toks;
  for (Id id : docs) {
    if (progress && progress->cancel) throw IndexCancelled("indexing was cancelled; the search index is as it was");
    auto in = read_document(src, id);
    if (in) {
      write_document(db, *in, stemmers);
      toks.clear();
      tokenize(in->text, toks);
      std::set<std::string> seen;
      for (size_t k = 0; k < toks.size(); ++k) {
        const auto& tk = toks[k];
        if (spelling_word(tk.word) && seen.insert(tk.word).second) db.add_spelling(tk.word);
        // "kerja sama" also spells "kerjasama" (the full rebuild counts affixed forms too)
        if (k + 1 < toks.size() && stemmers.dictionary())
          if (const Compound* c = stemmers.dictionary()->compound(tk.word + toks[k + 1].word))
            if (seen.insert(c->joined).second) db.add_spelling(c->joined);
      }
      pending += in->text.size();
      r.bytes += static_cast<int64_t>(in->text.size());
      ++r.docs;
    } else {
      delete_document(db, id);
    }
    // An intermediate commit leaves the recorded revision as it was: a crash
    // now means the same changes are replayed, and replace_document makes
    // that harmless.
    if (pending >= opt.flush_bytes) {
      db.commit();
      pending = 0;
    }
    if (progress) ++progress->done;
  }
  if (synonyms_changed) write_synonyms(db, t.synonyms);
  write_metadata(db, t);
  db.commit();  // the passages and the revision they reflect, together
  return r;
}

}  // namespace

IndexStatus inspect_index(const fs::path& project) {
  ProjectSource src(project);
  ProjectSource::Snapshot snap(src);
  Target t = read_target(src);
  return examine(index_dir_for(project.string()), src, t);
}

std::vector<std::string> check_index(const fs::path& project) {
  std::vector<std::string> out;
  const ShardConfig cfg = shard_config(project);
  if (cfg.sharded()) {
    const auto all = shards_status(project, cfg);
    for (const auto& st : all) {
      const std::string name =
          "shard " + std::to_string(st.index + 1) + "/" + std::to_string(all.size()) + " (" + st.endpoint.str() + ")";
      if (!st.reachable)
        out.push_back(name + " cannot be reached (" + st.error + ")");
      else if (!st.problem.empty())
        out.push_back(name + ": " + st.problem);
      else if (st.revision < st.project_revision)
        out.push_back(name + " holds revision " + std::to_string(st.revision) + " of " +
                      std::to_string(st.project_revision) + " (it catches up on the next search)");
    }
    return out;
  }
  IndexStatus st = inspect_index(project);
  if (!st.problem.empty())
    out.push_back(st.problem);
  else if (st.behind())
    out.push_back("the search index holds revision " + std::to_string(st.revision) + " of " +
                  std::to_string(st.project_revision) + " (it catches up on the next search)");
  return out;
}

SyncReport sync_index(const fs::path& project, const SyncOptions& opt, Progress* progress) {
  const auto t0 = std::chrono::steady_clock::now();
  disable_count_flush();
  if (progress) progress->stage = Stage::checking;
  const std::string dir = index_dir_for(project.string());
  ProjectSource src(project);
  if (const ShardConfig cfg = shard_config(src); cfg.sharded()) return sync_shards(project, cfg, opt, progress);
  IndexLock lock(dir);
  remove_leftovers(dir);
  SyncReport rep;
  {
    ProjectSource::Snapshot snap(src);
    Target t = read_target(src);
    rep.revision = t.revision;
    Stemmers probe(t.kind);
    if (!probe.note().empty()) rep.notes.push_back(probe.note());
    IndexStatus st = examine(dir, src, t);
    rep.from_revision = st.revision;
    std::string why = opt.force_rebuild ? "a rebuild was asked for" : st.problem;
    std::set<Id> docs;
    bool syn_changed = false;
    if (why.empty()) {
      for (const auto& c : src.changes_since(st.revision)) docs.insert(c.docs.begin(), c.docs.end());
      Xapian::Database probe_db(dir);
      syn_changed = probe_db.get_metadata(kMetaSynonyms) != t.synonyms_fp;
      // Counting the live documents reads the whole documents table (no
      // index on `deleted`): only when the answer can matter (> 2,000 changed).
      if (docs.size() > 2000 && static_cast<int64_t>(docs.size()) > std::max<int64_t>(2000, src.document_count() / 2))
        why = std::to_string(docs.size()) + " documents changed: rebuilding is faster than catching up";
    }
    if (!why.empty()) {
      Rebuilt r = rebuild(project, dir, src, t, opt, progress);
      rep.action = SyncReport::Action::rebuilt;
      rep.reason = why;
      rep.documents = r.docs;
      rep.bytes = r.bytes;
      rep.cpu = r.cpu;
    } else if (st.revision < t.revision || syn_changed) {
      Rebuilt r = catch_up(dir, src, t, docs, syn_changed, opt, progress);
      rep.action = SyncReport::Action::caught_up;
      rep.reason = st.revision < t.revision
                       ? std::to_string(t.revision - st.revision) + " project changes since the index was updated"
                       : "the synonym table changed";
      rep.documents = r.docs;
      rep.bytes = r.bytes;
    }
  }
  if (progress) progress->stage = Stage::done;
  rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return rep;
}

}  // namespace telaah::index
