// The corpus index on Xapian's remote shards (see shards.h).
#include "index/shards.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <set>
#include <thread>

#include "index/schema.h"
#include "index/sync_internal.h"
#include "index/synonyms.h"
#include "index/writer.h"

namespace fs = std::filesystem;

namespace telaah::index {

using namespace detail;

std::string ShardConfig::list() const {
  std::string s;
  for (const auto& e : endpoints) s += (s.empty() ? "" : ",") + e.str();
  return s;
}

std::vector<Endpoint> parse_endpoints(const std::string& list) {
  std::vector<Endpoint> out;
  std::set<std::string> seen;
  size_t i = 0;
  while (i <= list.size()) {
    size_t j = list.find(',', i);
    if (j == std::string::npos) j = list.size();
    std::string item = list.substr(i, j - i);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    i = j + 1;
    if (item.empty()) {
      if (j == list.size() && out.empty() && list.find_first_not_of(" \t,") == std::string::npos) break;
      throw UserError("the shard list '" + list + "' has an empty item (write host:port,host:port,...)");
    }
    Endpoint e;
    size_t colon = item.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == item.size())
      throw UserError("shard '" + item + "' is not host:port");
    e.host = item.substr(0, colon);
    if (e.host.size() > 2 && e.host.front() == '[' && e.host.back() == ']')
      e.host = e.host.substr(1, e.host.size() - 2);
    const std::string port = item.substr(colon + 1);
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos)
      throw UserError("shard '" + item + "': the port must be a number from 1 to 65535");
    e.port = std::stoi(port);
    if (e.port < 1 || e.port > 65535)
      throw UserError("shard '" + item + "': the port must be a number from 1 to 65535");
    if (!seen.insert(e.str()).second) throw UserError("shard '" + item + "' is named twice");
    out.push_back(e);
  }
  return out;
}

ShardConfig shard_config(ProjectSource& src, const std::string& override_list) {
  ShardConfig cfg;
  const std::string list = override_list.empty() ? src.setting(kShardSetting) : override_list;
  cfg.endpoints = parse_endpoints(list);
  const std::string t = src.setting(kShardTimeoutSetting);
  if (!t.empty()) {
    const int64_t v = parse_rev(t);
    if (v < 1 || v > 600000)
      throw UserError("the setting " + std::string(kShardTimeoutSetting) +
                      " must be milliseconds from 1 to 600000, not '" + t + "'");
    cfg.timeout_ms = static_cast<int>(v);
    cfg.connect_timeout_ms = std::min(cfg.connect_timeout_ms, cfg.timeout_ms);
  }
  return cfg;
}

ShardConfig shard_config(const fs::path& project, const std::string& override_list) {
  ProjectSource src(project);
  return shard_config(src, override_list);
}

size_t shard_of(Id doc, size_t n) {
  if (n <= 1) return 0;
  uint64_t h = 14695981039346656037ull;
  const auto v = static_cast<uint64_t>(doc);
  for (int i = 0; i < 8; ++i) {
    h ^= (v >> (8 * i)) & 0xff;
    h *= 1099511628211ull;
  }
  return static_cast<size_t>(h % n);
}

std::string shards_aux_dir_for(const std::string& project_path) {
  return project_path + "-shards";
}

namespace {

std::string assignment(size_t k, size_t n) {
  return std::to_string(k + 1) + "/" + std::to_string(n);
}

std::string shard_name(size_t k, size_t n, const Endpoint& e) {
  return "shard " + assignment(k, n) + " (" + e.str() + ")";
}

Xapian::Database open_reader(const Endpoint& e, const ShardConfig& cfg) {
  return Xapian::Remote::open(e.host, static_cast<unsigned>(e.port), static_cast<unsigned>(cfg.timeout_ms),
                              static_cast<unsigned>(cfg.connect_timeout_ms));
}

// Writes wait for the server's commits, which on a large shard take longer
// than a search may.
Xapian::WritableDatabase open_writer(const Endpoint& e, const ShardConfig& cfg) {
  return Xapian::Remote::open_writable(e.host, static_cast<unsigned>(e.port),
                                       static_cast<unsigned>(std::max(cfg.timeout_ms, cfg.write_timeout_ms)),
                                       static_cast<unsigned>(cfg.connect_timeout_ms));
}

std::string brief(const Xapian::Error& e) {
  std::string s = e.get_msg();
  if (!e.get_error_string() || !*e.get_error_string()) return s;
  return s + " (" + e.get_error_string() + ")";
}

// Reads a shard's metadata into `st` and says what is wrong with it, if anything.
void examine_shard(const Xapian::Database& db, const Target* t, ProjectSource* src, size_t k, size_t n,
                   ShardStatus& st) {
  st.passages = db.get_doccount();
  st.format = db.get_metadata(kMetaFormat);
  st.project_id = db.get_metadata(kMetaProject);
  st.assignment = db.get_metadata(kMetaShard);
  st.state = db.get_metadata(kMetaState);
  st.revision = parse_rev(db.get_metadata(kMetaRevision));
  st.documents = std::max<int64_t>(0, parse_rev(db.get_metadata(kMetaDocuments)));
  if (st.format.empty() && st.passages == 0)
    st.problem = "the shard is empty";
  else if (st.format.empty())
    st.problem = "the shard does not hold a Telaah index";
  else if (st.format != kFormat)
    st.problem = "the shard was written by another version of Telaah (" + st.format + ")";
  else if (t && st.project_id != t->project_id)
    st.problem = "the shard holds another project's index";
  else if (st.state == "rebuilding")
    st.problem = "a rebuild of the shard has not finished";
  else if (st.assignment != assignment(k, n))
    st.problem = "the shard was shard " + st.assignment + " of a set, not shard " + assignment(k, n) +
                 " (the shard list changed)";
  else if (st.revision < 0)
    st.problem = "the shard does not say which project revision it holds";
  if (!st.problem.empty() || !t || !src) return;
  if (st.revision > t->revision)
    st.problem = "the project (revision " + std::to_string(t->revision) + ") is older than the shard (revision " +
                 std::to_string(st.revision) + "): was it restored from a copy?";
  else if (db.get_metadata(kMetaStamp) != src->revision_stamp(st.revision))
    st.problem = "the project's history differs from the one the shard was built from";
  else if (db.get_metadata(kMetaStemmer) != t->stemmer)
    st.problem =
        "the Indonesian stemmer changed (shard: " + db.get_metadata(kMetaStemmer) + ", project: " + t->stemmer + ")";
}

bool foreign(const ShardStatus& st, const Target& t) {
  return st.passages > 0 && (st.format != kFormat || st.project_id != t.project_id);
}

}  // namespace

std::vector<ShardStatus> shards_status(const fs::path& project, const ShardConfig& cfg) {
  ProjectSource src(project);
  Target t;
  {
    ProjectSource::Snapshot snap(src);
    t = read_target(src);
  }
  std::vector<ShardStatus> out;
  const size_t n = cfg.endpoints.size();
  for (size_t k = 0; k < n; ++k) {
    ShardStatus st;
    st.index = k;
    st.endpoint = cfg.endpoints[k];
    st.project_revision = t.revision;
    const auto t0 = std::chrono::steady_clock::now();
    try {
      Xapian::Database db = open_reader(st.endpoint, cfg);
      ProjectSource::Snapshot snap(src);
      examine_shard(db, &t, &src, k, n, st);
      st.reachable = true;
    } catch (const Xapian::Error& e) {
      st.error = brief(e);
    }
    st.latency_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    out.push_back(st);
  }
  return out;
}

// --- writing ---------------------------------------------------------------

namespace {

struct ShardJob {
  size_t k = 0;
  std::optional<Xapian::WritableDatabase> db;
  ShardStatus st;
  enum class Do { nothing, rebuild, catch_up } what = Do::nothing;
  std::vector<Id> docs;  // rebuild: its documents; catch up: changed documents
  std::string failure;   // the shard failed during the work
  int64_t done_docs = 0, bytes = 0, documents = 0;
  Vocabulary vocab;
};

// Empties a shard: every document's passages, then anything else.
void clear_shard(Xapian::WritableDatabase& db) {
  std::vector<std::string> terms;
  for (auto it = db.allterms_begin(kDocPrefix); it != db.allterms_end(kDocPrefix); ++it) terms.push_back(*it);
  for (const auto& term : terms) db.delete_document(term);
  if (db.get_doccount() > 0) {
    std::vector<Xapian::docid> ids;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) ids.push_back(*it);
    for (auto id : ids) db.delete_document(id);
  }
}

void write_shard_metadata(Xapian::WritableDatabase& db, const Target& t, size_t k, size_t n, int64_t documents) {
  write_metadata(db, t);
  db.set_metadata(kMetaShard, assignment(k, n));
  db.set_metadata(kMetaDocuments, std::to_string(documents));
  db.set_metadata(kMetaState, "");
}

void run_job(ShardJob& job, const fs::path& project, const Target& t, size_t n, const SyncOptions& opt,
             Progress* progress, std::atomic<bool>& stop) {
  Xapian::WritableDatabase& db = *job.db;
  ProjectSource ws(project);
  ProjectSource::Snapshot snap(ws);
  Stemmers stemmers(t.kind);
  size_t pending = 0;
  auto tick = [&] {
    if (progress) ++progress->done;
  };
  if (job.what == ShardJob::Do::rebuild) {
    db.set_metadata(kMetaState, "rebuilding");  // searchers mark their results partial meanwhile
    db.set_metadata(kMetaProject, t.project_id);
    db.commit();
    clear_shard(db);
    for (Id id : job.docs) {
      if (stop || (progress && progress->cancel)) return;
      auto in = read_document(ws, id);
      if (in) {
        write_document(db, *in, stemmers, true, &job.vocab);
        pending += in->text.size();
        job.bytes += static_cast<int64_t>(in->text.size());
        ++job.done_docs;
        ++job.documents;
      }
      if (pending >= opt.flush_bytes) {
        db.commit();
        pending = 0;
      }
      tick();
    }
  } else {
    job.documents = job.st.documents;
    std::vector<Token> toks;
    for (Id id : job.docs) {
      if (stop || (progress && progress->cancel)) return;
      const bool existed = db.term_exists(doc_term(id));
      auto in = read_document(ws, id);
      if (in) {
        write_document(db, *in, stemmers);
        toks.clear();
        tokenize(in->text, toks);
        for (const auto& tk : toks)
          if (spelling_word(tk.word)) ++job.vocab[tk.word];
        pending += in->text.size();
        job.bytes += static_cast<int64_t>(in->text.size());
        ++job.done_docs;
        if (!existed) ++job.documents;
      } else {
        delete_document(db, id);
        if (existed) --job.documents;
      }
      if (pending >= opt.flush_bytes) {  // the recorded revision stays as it was: a crash replays
        db.commit();
        pending = 0;
      }
      tick();
    }
  }
  write_shard_metadata(db, t, job.k, n, job.documents);
  db.commit();
}

}  // namespace

SyncReport sync_shards(const fs::path& project, const ShardConfig& cfg, const SyncOptions& opt, Progress* progress) {
  if (!cfg.sharded()) throw UserError("no shards are configured for this project");
  const auto t0 = std::chrono::steady_clock::now();
  if (progress) progress->stage = Stage::checking;
  const std::string aux = shards_aux_dir_for(project.string());
  ProjectSource src(project);
  IndexLock lock(aux);
  SyncReport rep;
  const size_t n = cfg.endpoints.size();
  std::vector<ShardJob> jobs(n);
  Target t;
  std::vector<Id> ids;
  int64_t live = 0;
  {
    ProjectSource::Snapshot snap(src);
    t = read_target(src);
    rep.revision = t.revision;
    Stemmers probe(t.kind);
    if (!probe.note().empty()) rep.notes.push_back(probe.note());
    ids = src.document_ids();
    live = static_cast<int64_t>(ids.size());
    std::map<int64_t, std::vector<LoggedChange>> changes;  // by the revision a shard holds
    for (size_t k = 0; k < n; ++k) {
      ShardJob& j = jobs[k];
      j.k = k;
      j.st.index = k;
      j.st.endpoint = cfg.endpoints[k];
      try {
        j.db = open_writer(j.st.endpoint, cfg);
        examine_shard(*j.db, &t, &src, k, n, j.st);
        j.st.reachable = true;
      } catch (const Xapian::Error& e) {
        j.db.reset();
        j.st.error = brief(e);
        if (std::string(e.get_type()) == "DatabaseLockError" || e.get_msg().find("lock") != std::string::npos)
          j.st.error += "; another Telaah process may be writing to it";
        rep.notes.push_back(shard_name(k, n, j.st.endpoint) + " cannot be written (" + j.st.error +
                            "): it was not updated");
        rep.shards_down.push_back(j.st.endpoint.str());
        continue;
      }
      if (opt.force_rebuild || !j.st.problem.empty()) {
        if (!opt.force_rebuild && foreign(j.st, t)) {
          rep.notes.push_back(shard_name(k, n, j.st.endpoint) + ": " + j.st.problem +
                              "; it is left as it is ('telaah reindex --shards --full' replaces it)");
          rep.shards_down.push_back(j.st.endpoint.str());
          j.db.reset();
          continue;
        }
        j.what = ShardJob::Do::rebuild;
        rep.reason += std::string(rep.reason.empty() ? "" : "; ") + shard_name(k, n, j.st.endpoint) + ": " +
                      (opt.force_rebuild ? "a rebuild was asked for" : j.st.problem);
      } else if (j.st.revision < t.revision) {
        auto& ch = changes[j.st.revision];
        if (ch.empty()) ch = src.changes_since(j.st.revision);
        std::set<Id> docs;
        for (const auto& c : ch)
          for (Id d : c.docs)
            if (shard_of(d, n) == k) docs.insert(d);
        j.docs.assign(docs.begin(), docs.end());
        j.what = ShardJob::Do::catch_up;
        if (static_cast<int64_t>(j.docs.size()) > std::max<int64_t>(2000, live / static_cast<int64_t>(2 * n))) {
          j.what = ShardJob::Do::rebuild;
          rep.reason += std::string(rep.reason.empty() ? "" : "; ") + shard_name(k, n, j.st.endpoint) + ": " +
                        std::to_string(j.docs.size()) + " documents changed, rebuilding is faster than catching up";
        }
      }
      if (rep.from_revision < 0 || (j.st.revision >= 0 && j.st.revision < rep.from_revision))
        rep.from_revision = j.st.revision;
    }
    for (auto& j : jobs)
      if (j.what == ShardJob::Do::rebuild) {
        j.docs.clear();
        for (Id id : ids)
          if (shard_of(id, n) == j.k) j.docs.push_back(id);
      }
  }

  if (progress) {
    int64_t total = 0;
    for (const auto& j : jobs) total += static_cast<int64_t>(j.docs.size());
    progress->total = total;
    progress->done = 0;
    progress->stage = Stage::indexing;
  }
  // One thread per shard: the servers do the posting work, the client
  // tokenises and waits on the network.
  std::atomic<bool> stop{false};
  std::vector<std::exception_ptr> errors(n);
  std::vector<std::thread> threads;
  std::vector<double> cpu(n, 0.0);
  for (size_t k = 0; k < n; ++k) {
    if (jobs[k].what == ShardJob::Do::nothing) continue;
    threads.emplace_back([&, k] {
      const double c0 = thread_cpu();
      try {
        run_job(jobs[k], project, t, n, opt, progress, stop);
      } catch (const Xapian::NetworkError& e) {
        jobs[k].failure = brief(e);  // this shard fails; the others go on
      } catch (...) {
        errors[k] = std::current_exception();
        stop = true;
      }
      cpu[k] = thread_cpu() - c0;
    });
  }
  for (auto& th : threads) th.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  if (progress && progress->cancel)
    throw IndexCancelled("indexing was cancelled; shards already rebuilt stay so, the others are as they were");

  if (progress) progress->stage = Stage::finishing;
  const double c0 = thread_cpu();
  bool all_rebuilt = true, any_rebuilt = false, any_caught_up = false;
  Vocabulary vocab;  // words seen by rebuilds count from two occurrences (as in the local index), caught-up ones always
  for (auto& j : jobs) {
    if (!j.failure.empty()) {
      rep.notes.push_back(shard_name(j.k, n, j.st.endpoint) + " failed while being updated (" + j.failure +
                          "); run 'telaah reindex --shards' when it is back");
      rep.shards_down.push_back(j.st.endpoint.str());
    }
    all_rebuilt = all_rebuilt && j.what == ShardJob::Do::rebuild && j.failure.empty();
    any_rebuilt = any_rebuilt || (j.what == ShardJob::Do::rebuild && j.failure.empty());
    any_caught_up = any_caught_up || (j.what == ShardJob::Do::catch_up && j.failure.empty());
    rep.documents += j.done_docs;
    rep.bytes += j.bytes;
    for (const auto& [w, c] : j.vocab)
      if (j.what == ShardJob::Do::catch_up || c >= 2) vocab[w] += c;
    Vocabulary().swap(j.vocab);
  }
  for (double c : cpu) {
    rep.cpu.indexing_total += c;
    rep.cpu.indexing_max = std::max(rep.cpu.indexing_max, c);
  }
  // The local companion: synonyms and spelling, which remote shards cannot hold.
  std::error_code ec;
  bool aux_current = false;
  if (!all_rebuilt && vocab.empty() && fs::exists(aux, ec)) {
    try {
      Xapian::Database db(aux);
      aux_current = db.get_metadata(kMetaProject) == t.project_id && db.get_metadata(kMetaSynonyms) == t.synonyms_fp &&
                    db.get_metadata(kMetaShard) == cfg.list();
    } catch (const Xapian::Error&) {
    }
  }
  if (!aux_current) {
    const bool fresh = all_rebuilt || !fs::exists(aux, ec);
    Xapian::WritableDatabase db(
        aux, (fresh ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN) | Xapian::DB_BACKEND_GLASS);
    if (!fresh && db.get_metadata(kMetaProject) != t.project_id) {
      db.close();
      db = Xapian::WritableDatabase(aux, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    }
    write_synonyms(db, t.synonyms);
    for (const auto& [w, c] : vocab) db.add_spelling(w, c);
    db.set_metadata(kMetaFormat, kFormat);
    db.set_metadata(kMetaProject, t.project_id);
    db.set_metadata(kMetaSynonyms, t.synonyms_fp);
    db.set_metadata(kMetaShard, cfg.list());
    db.commit();
  }
  rep.cpu.finishing = thread_cpu() - c0;
  rep.action = any_rebuilt     ? SyncReport::Action::rebuilt
               : any_caught_up ? SyncReport::Action::caught_up
                               : SyncReport::Action::none;
  if (rep.action == SyncReport::Action::caught_up && rep.reason.empty())
    rep.reason = std::to_string(t.revision - std::max<int64_t>(0, rep.from_revision)) +
                 " project changes since the shards were updated";
  if (progress) progress->stage = Stage::done;
  rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return rep;
}

// --- reading ---------------------------------------------------------------

ShardSet::ShardSet(ShardConfig cfg, std::string project_id, std::string aux_dir)
    : cfg_(std::move(cfg)), project_id_(std::move(project_id)), aux_dir_(std::move(aux_dir)) {
  shards_.resize(cfg_.endpoints.size());
  for (size_t k = 0; k < shards_.size(); ++k) shards_[k].endpoint = cfg_.endpoints[k];
}

void ShardSet::connect(size_t k) {
  Conn& c = shards_[k];
  c.db.reset();
  c.error.clear();
  c.note.clear();
  c.excluded = false;
  c.revision = -1;
  ShardStatus st;
  try {
    Xapian::Database db = open_reader(c.endpoint, cfg_);
    examine_shard(db, nullptr, nullptr, k, shards_.size(), st);
    if (st.format.empty() && st.passages == 0)
      c.error = "is empty (run 'telaah reindex PROJECT --shards')";
    else if (st.format != kFormat)
      c.error = st.problem;
    else if (st.project_id != project_id_)
      c.error = "holds another project's index";
    else if (st.assignment != assignment(k, shards_.size()) && st.state != "rebuilding")
      c.error = "is shard " + st.assignment + " of another shard list";
    if (!c.error.empty()) {
      c.excluded = true;
      c.retry_at = std::chrono::steady_clock::now() + std::chrono::milliseconds(cfg_.retry_ms);
      return;
    }
    if (st.state == "rebuilding") c.note = "is being rebuilt: its results are incomplete";
    c.revision = st.revision;
    c.passages = st.passages;
    c.documents = st.documents;
    c.db = std::move(db);
  } catch (const Xapian::Error& e) {
    c.error = "cannot be reached (" + brief(e) + ")";
    c.retry_at = std::chrono::steady_clock::now() + std::chrono::milliseconds(cfg_.retry_ms);
  }
}

void ShardSet::combine() {
  combined_.reset();
  Xapian::Database all;
  bool any = false;
  for (auto& c : shards_)
    if (c.db) {
      all.add_database(*c.db);
      any = true;
    }
  if (!any) return;
  // Synonyms and spelling: the local companion, with no documents, so it
  // changes no statistics.
  std::error_code ec;
  if (fs::exists(aux_dir_, ec)) {
    try {
      Xapian::Database aux(aux_dir_);
      if (aux.get_metadata(kMetaProject) == project_id_ && aux.get_doccount() == 0) all.add_database(aux);
    } catch (const Xapian::Error&) {
    }
  }
  combined_ = std::move(all);
}

void ShardSet::connect_all() {
  // Connect in parallel: a slow shard costs one timeout, not one per shard.
  std::vector<std::thread> threads;
  for (size_t k = 0; k < shards_.size(); ++k) threads.emplace_back([this, k] { connect(k); });
  for (auto& th : threads) th.join();
  combine();
}

bool ShardSet::retry_down() {
  const auto now = std::chrono::steady_clock::now();
  std::vector<size_t> due;
  for (size_t k = 0; k < shards_.size(); ++k)
    if (!shards_[k].db && now >= shards_[k].retry_at) due.push_back(k);
  if (due.empty()) return false;
  std::vector<std::thread> threads;
  for (size_t k : due) threads.emplace_back([this, k] { connect(k); });
  for (auto& th : threads) th.join();
  bool back = false;
  for (size_t k : due) back = back || shards_[k].db.has_value();
  if (back) combine();
  return back;
}

Xapian::Database* ShardSet::shard(size_t k) {
  return k < shards_.size() && shards_[k].db ? &*shards_[k].db : nullptr;
}

bool ShardSet::complete() const {
  for (const auto& c : shards_)
    if (!c.db || !c.note.empty()) return false;
  return !shards_.empty();
}

int64_t ShardSet::revision() const {
  int64_t r = -1;
  for (const auto& c : shards_)
    if (c.db && (r < 0 || c.revision < r)) r = c.revision;
  return r;
}

std::vector<std::string> ShardSet::notes() const {
  std::vector<std::string> out;
  const size_t n = shards_.size();
  for (size_t k = 0; k < n; ++k) {
    const Conn& c = shards_[k];
    if (!c.db)
      out.push_back(shard_name(k, n, c.endpoint) + " " + c.error + ": results are partial, without its documents");
    else if (!c.note.empty())
      out.push_back(shard_name(k, n, c.endpoint) + " " + c.note);
  }
  return out;
}

std::vector<std::string> ShardSet::missing() const {
  std::vector<std::string> out;
  for (const auto& c : shards_)
    if (!c.db || !c.note.empty()) out.push_back(c.endpoint.str());
  return out;
}

std::vector<ShardStatus> ShardSet::status() const {
  std::vector<ShardStatus> out;
  for (size_t k = 0; k < shards_.size(); ++k) {
    const Conn& c = shards_[k];
    ShardStatus st;
    st.index = k;
    st.endpoint = c.endpoint;
    st.reachable = c.db.has_value();
    st.error = c.error;
    st.revision = c.revision;
    st.passages = c.passages;
    st.documents = c.documents;
    st.problem = c.note;
    out.push_back(st);
  }
  return out;
}

}  // namespace telaah::index
