// The corpus index on Xapian's remote shards.
//
// A project may name N shard endpoints (setting `index_shards`,
// "host:port,host:port,..."; or --shards on the command line). Each endpoint
// is a `xapian-tcpsrv --writable` server (Debian package xapian-tools).
// Every project document lives, with all its passages, on the shard
// shard_of(id, N) (a stable hash of the id), so the per-document parts of a
// search (grouping, every passage of a hit) stay on one shard. Searching
// opens all shards as one Xapian::Database (add_database): Xapian merges the
// BM25 statistics, so ranking, facets, snippets and offsets are those of a
// local index. Xapian's remote backend has no synonym or spelling tables:
// those live in a small local database beside the project
// (NAME.telaah-shards), added to the searched set with no documents.
//
// Each shard records, in its own commits, the project id, the revision it
// reflects, the revision stamp, the stemmer, and which shard of which set it
// is. A shard that cannot be reached within the timeout is left out of the
// search and the results are marked partial; it is retried on later
// searches. The local index (index_dir_for) stays the default.
#pragma once
#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "index/source.h"
#include "index/sync.h"

namespace telaah::index {

inline constexpr const char* kShardSetting = "index_shards";  // "host:port,host:port,..."
inline constexpr const char* kShardTimeoutSetting = "index_shard_timeout_ms";

struct Endpoint {
  std::string host;
  int port = 0;
  std::string str() const { return host + ":" + std::to_string(port); }
};

struct ShardConfig {
  std::vector<Endpoint> endpoints;
  int timeout_ms = 5000;          // any one exchange with a shard (a slow shard is dropped after this)
  int connect_timeout_ms = 2000;  // opening a connection
  int retry_ms = 5000;            // a shard found down is tried again no sooner than this
  int write_timeout_ms = 120000;  // indexing: the server's commits on a large shard take a while
  bool sharded() const { return !endpoints.empty(); }
  std::string list() const;  // "host:port,host:port"
};

// "host:port,host:port" -> endpoints; throws UserError naming the bad item.
std::vector<Endpoint> parse_endpoints(const std::string& list);
// The project's shard setting (empty endpoints: the local index). A
// non-empty `override_list` (--shards) replaces the setting.
ShardConfig shard_config(ProjectSource& src, const std::string& override_list = "");
ShardConfig shard_config(const std::filesystem::path& project, const std::string& override_list = "");

// The shard of a document: FNV-1a of its id's 8 bytes (little endian), mod n.
size_t shard_of(Id doc, size_t n);

// The local companion database (synonyms, spelling): NAME.telaah -> NAME.telaah-shards.
std::string shards_aux_dir_for(const std::string& project_path);

struct ShardStatus {
  size_t index = 0;
  Endpoint endpoint;
  bool reachable = false;
  std::string error;      // why it cannot be reached
  double latency_ms = 0;  // opening it and reading its metadata
  int64_t passages = 0, documents = 0;
  int64_t revision = -1, project_revision = 0;
  std::string format, project_id, assignment, state;
  std::string problem;  // why it must be rebuilt; empty if usable
  bool current() const { return reachable && problem.empty() && revision == project_revision; }
};

// Every shard, without changing anything.
std::vector<ShardStatus> shards_status(const std::filesystem::path& project, const ShardConfig& cfg);

// Brings the shards in step with the project: shards with a problem are
// rebuilt (their documents only), the others catch up from the change log.
// Shards that are down are reported in the notes and left as they are; a
// shard holding another project's index is only replaced with
// opt.force_rebuild. Called by sync_index when the project is sharded.
SyncReport sync_shards(const std::filesystem::path& project, const ShardConfig& cfg, const SyncOptions& opt = {},
                       Progress* progress = nullptr);

// The read side: one connection per shard, and the set searched together.
class ShardSet {
 public:
  ShardSet(ShardConfig cfg, std::string project_id, std::string aux_dir);
  // (Re)connects every shard; a shard that fails is marked down.
  void connect_all();
  // Tries the shards that are down and due for a retry; true if any came back.
  bool retry_down();
  // After a failed search: reconnects everything (a connection that failed
  // mid-exchange cannot be trusted, nor can the others of the same exchange).
  void recover() { connect_all(); }

  const ShardConfig& config() const { return cfg_; }
  size_t size() const { return shards_.size(); }
  // The reachable shards (and the local companion) as one database; null if none.
  Xapian::Database* combined() { return combined_ ? &*combined_ : nullptr; }
  Xapian::Database* shard(size_t k);         // null if down
  bool complete() const;                     // every shard is searched
  int64_t revision() const;                  // the lowest revision of the searched shards; -1 if none
  std::vector<std::string> notes() const;    // one sentence per shard left out or lagging
  std::vector<std::string> missing() const;  // endpoints left out
  std::vector<ShardStatus> status() const;

 private:
  struct Conn {
    Endpoint endpoint;
    std::optional<Xapian::Database> db;
    std::string error;      // why it is down or left out
    bool excluded = false;  // reachable, but holds something else
    std::string note;       // e.g. "being rebuilt"
    int64_t revision = -1, passages = 0, documents = 0;
    std::chrono::steady_clock::time_point retry_at{};
  };
  void connect(size_t k);
  void combine();
  ShardConfig cfg_;
  std::string project_id_, aux_dir_;
  std::vector<Conn> shards_;
  std::optional<Xapian::Database> combined_;
};

}  // namespace telaah::index
