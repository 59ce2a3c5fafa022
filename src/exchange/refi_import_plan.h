// Internal to the REFI-QDA import: the plan (everything the new project will
// hold, read and checked before the project file exists), the collector of
// deviations and losses, and the access to the files a project refers to.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "exchange/exchange.h"
#include "ingest/zip.h"
#include "store/types.h"
#include "text/timecode.h"

namespace telaah::exchange::detail {

// Deviations and losses, grouped by kind with a few examples each, so that a
// file with ten thousand shifted selections gives one readable line.
class Findings {
 public:
  void deviation(const std::string& kind, const std::string& example = "") { add(dev_, kind, example); }
  void loss(const std::string& kind, const std::string& example = "") { add(loss_, kind, example); }
  std::vector<std::string> deviations() const { return lines(dev_); }
  std::vector<std::string> losses() const { return lines(loss_); }

 private:
  struct Group {
    std::string kind;
    int64_t count = 0;
    std::vector<std::string> examples;
  };
  static void add(std::vector<Group>& gs, const std::string& kind, const std::string& example);
  static std::vector<std::string> lines(const std::vector<Group>& gs);
  std::vector<Group> dev_, loss_;
};

// Where the files a project refers to come from: the .qdpx archive, or the
// folder of a bare .qde; then the folder the user named.
class FileStore {
 public:
  FileStore(std::unique_ptr<ingest::ZipArchive> zip, std::filesystem::path folder, std::filesystem::path extra,
            const ingest::Limits& limits, bool strict = false);
  // Resolves "internal://X.txt", "X.txt", "relative://..." to bytes; records
  // how the path departs from the standard. nullopt when the file is nowhere
  // or the path leads outside the archive and the --sources folder (refused,
  // named in the report; with --strict an ExchangeError).
  std::optional<std::string> fetch(const std::string& path, Findings& f, std::string* where = nullptr);

 private:
  std::unique_ptr<ingest::ZipArchive> zip_;
  std::filesystem::path folder_, extra_;
  ingest::Limits limits_;
  bool strict_ = false;
  // The file p, only when it resolves inside `root`.
  std::optional<std::string> from_disk(const std::filesystem::path& root, const std::filesystem::path& p);
  void refuse(Findings& f, const std::string& kind, const std::string& path);
};

struct PlanCode {
  std::string guid;
  int parent = -1;  // index into Plan::codes
  store::Code code;
};

struct PlanCoding {
  int doc = 0, code = 0, coder = 0;  // indices into the plan
  int64_t start = 0, end = 0;
  store::Stance stance = store::Stance::neutral;
  std::string memo, created, modified;
  // An area coding (PDFSelection, PictureSelection): its rectangle; when
  // span_from_area, start/end are taken by the store's rule (words inside).
  std::optional<store::CodingArea> area;
  bool span_from_area = false;
};

struct PlanMemo {
  std::string kind;  // project | document | code
  int target = -1;   // index into docs or codes
  std::string title, body;
};

// A case of the file (other than Telaah's "Source type: X" and "Stance: X").
struct PlanCase {
  std::string name, description;
  std::vector<store::Attribute> attributes;
  std::vector<std::string> sources, selections;  // GUIDs, resolved after the sources are read
  struct Member {
    int doc = 0;
    std::optional<int64_t> start, end;
  };
  std::vector<Member> members;
};

// A link between two imported codings (the first coding of each selection).
struct PlanLink {
  int from = 0, to = 0;  // indices into Plan::codings
  std::string name, colour, memo;
  bool directed = true;
};

// A recording (AudioSource / VideoSource) whose transcript is plan.docs[doc].
struct PlanMedia {
  int doc = 0;
  std::string kind, original_name, bytes;
  int64_t duration_ms = 0;
  std::vector<text::SyncPoint> sync;
};
struct PlanMediaCoding {
  int coding = 0;  // index into Plan::codings
  int64_t start_ms = 0, end_ms = 0;
};

struct Plan {
  std::vector<PlanMedia> media;  // refi_import_media.cpp
  std::vector<PlanMediaCoding> media_codings;
  std::filesystem::path project;  // the final project file: recordings go into the media folder beside it
  std::vector<PlanCase> cases;
  std::vector<PlanLink> links;
  std::vector<std::string> coders;
  std::vector<PlanCode> codes;
  std::vector<store::NewDocument> docs;
  std::vector<PlanCoding> codings;
  std::vector<PlanMemo> memos;
  std::vector<std::string> new_source_types;
};

// Shared state of one import while the plan is built.
struct Context {
  Context(const ImportOptions& o, ImportReport& r, Findings& f, FileStore& fs)
      : opt(o), report(r), findings(f), files(fs) {}
  const ImportOptions& opt;
  ImportReport& report;
  Findings& findings;
  FileStore& files;
  Plan plan;
  std::map<std::string, int> code_by_guid, coder_by_guid, doc_by_guid;
  struct Note {
    std::string title, body;
    bool used = false;
  };
  std::map<std::string, Note> notes;                                        // by canonical GUID
  std::map<std::string, std::pair<std::string, std::string>> variables;     // guid -> (name, typeOfVariable)
  std::map<std::string, store::Stance> stance_by_selection;                 // from the "Stance: X" cases
  std::map<std::string, std::string> type_by_source;                        // from the "Source type: X" cases
  std::map<std::string, std::vector<store::Attribute>> attrs_by_source;     // from other cases and sets
  std::map<std::string, std::tuple<int, int64_t, int64_t>> selection_span;  // selection GUID -> (doc, start, end)
  std::map<std::string, int> selection_coding;  // selection GUID -> its first coding in plan.codings
  std::set<std::string> case_selections;        // selections a case refers to (a part of a document)
  std::string project_user;                     // creatingUserGUID of the project
  std::string sole_user;                        // the only User, when there is one
  int coder_for(const std::string& user_guid);  // the coder index, created if unknown
  std::map<std::string, int> coder_by_name;     // index into plan.coders
  int coder_named(const std::string& name, bool* created = nullptr);  // the coder index, created if new
  // One bad value: reported as a loss and skipped, or with --strict the import refused.
  void bad_value(const std::string& kind, const std::string& example);
  std::string note_text(const pugi::xml_node& owner, bool consume);  // bodies of the NoteRefs under owner
};

// Text sources (TextSource, PDFSource representations): text, selections, codings.
void plan_sources(Context& cx, const pugi::xml_node& sources);
// Audio and video sources with their transcripts (refi_import_media.cpp):
// false when the source cannot be imported as a recording (the caller reports it).
bool media_source(Context& cx, const pugi::xml_node& s, const std::string& name, const std::string& guid);
// Writes the plan's recordings into the media folder and ties them to the added documents and codings.
void apply_media(const Plan& plan, store::Project& p, const std::vector<store::Id>& doc_ids,
                 const std::vector<store::Id>& coding_ids);
void text_source(Context& cx, const pugi::xml_node& ts, const std::string& name, const std::string& guid,
                 const pugi::xml_node& vars_owner);
// A VariableValue onto a document (fields for Telaah's own variables, else an attribute).
void apply_variable(Context& cx, store::NewDocument& d, const std::string& var_name, const std::string& var_type,
                    const std::string& value);
std::string variable_value(const pugi::xml_node& vv, std::string* value_kind);
std::string attr(const pugi::xml_node& n, const char* name);

}  // namespace telaah::exchange::detail
