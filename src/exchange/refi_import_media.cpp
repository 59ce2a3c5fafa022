// Import of REFI-QDA audio and video sources (refi_import_plan.h): the media
// file is fetched and probed, each Transcript is read as a text source whose
// TranscriptSelections become PlainTextSelections between their SyncPoints,
// and the source's AudioSelections / VideoSelections become media codings.
#include <unistd.h>
#include <fstream>
#include <map>

#include "exchange/guid.h"
#include "exchange/refi_import_plan.h"
#include "exchange/xml.h"
#include "ingest/media_probe.h"
#include "ingest/recordings.h"
#include "store/media.h"
#include "store/util.h"

namespace telaah::exchange::detail {

namespace fs = std::filesystem;

namespace {

// Bytes to a file of their own for libavformat; removed with the object.
struct TempFile {
  fs::path path;
  explicit TempFile(const std::string& bytes, const std::string& ext) {
    static int n = 0;
    path = fs::temp_directory_path() / ("telaah-media-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ext);
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() {
    std::error_code ec;
    fs::remove(path, ec);
  }
};

void copy_attrs(const pugi::xml_node& from, pugi::xml_node to, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (from.attribute(n)) to.append_attribute(n).set_value(from.attribute(n).value());
}

}  // namespace

bool media_source(Context& cx, const pugi::xml_node& s, const std::string& name, const std::string& guid) {
  std::string path = attr(s, "path");
  if (path.empty()) path = attr(s, "currentPath");
  const auto transcripts = children_named(s, "Transcript");
  if (path.empty() || transcripts.empty()) return false;
  // Only a file inside the archive, or under --sources: other paths are reported by the caller as before.
  if (path.rfind("internal://", 0) != 0 && cx.opt.sources_dir.empty()) return false;
  auto bytes = cx.files.fetch(path, cx.findings);
  if (!bytes) return false;
  std::string original = path.substr(path.find_last_of("/:") + 1);
  const std::string desc = child_named(s, "Description").text().get();
  if (desc.rfind("Telaah: recording ", 0) == 0) {  // our own export names the file the researcher imported
    const std::string rest = desc.substr(18);
    original = rest.substr(0, rest.rfind(", "));
  }
  const auto dot = original.find_last_of('.');
  ingest::MediaInfo info;
  try {
    TempFile tmp(*bytes, dot == std::string::npos ? "" : original.substr(dot));
    info = ingest::probe_media(tmp.path, name);
  } catch (const UserError& e) {
    cx.findings.loss("audio and video sources whose file cannot be read (not imported)", e.what());
    return false;
  }
  const std::string kind = local_name(s) == "VideoSource" ? "video" : "audio";
  bool first = true;
  for (const auto& tr : transcripts) {
    // The transcript as a TextSource of its own, selections placed by their sync points.
    std::map<std::string, int64_t> pos_of;  // sync point GUID -> position
    std::vector<text::SyncPoint> sync;
    for (const auto& sp : children_named(tr, "SyncPoint")) {
      const int64_t pos = sp.attribute("position").as_llong(-1), t = sp.attribute("timeStamp").as_llong(-1);
      if (pos < 0 || t < 0) {
        cx.findings.loss("sync points without a position or time", name);
        continue;
      }
      pos_of[canonical_guid(attr(sp, "guid"))] = pos;
      sync.push_back({pos, t});
    }
    std::stable_sort(sync.begin(), sync.end(), [](const auto& a, const auto& b) { return a.pos < b.pos; });
    std::vector<text::SyncPoint> kept;
    for (const auto& p : sync)
      if (kept.empty() || (p.pos > kept.back().pos && p.time_ms >= kept.back().time_ms)) kept.push_back(p);
    if (kept.size() != sync.size())
      cx.findings.deviation("sync points at one position twice or going back in time (left out)", name);
    pugi::xml_document fake;
    pugi::xml_node ts = fake.append_child("TextSource");
    copy_attrs(tr, ts, {"plainTextPath", "richTextPath", "creationDateTime", "modifiedDateTime"});
    if (pugi::xml_node c = child_named(tr, "PlainTextContent")) ts.append_copy(c);
    if (pugi::xml_node d = child_named(tr, "Description")) ts.append_copy(d);
    for (const auto& sel : children_named(tr, "TranscriptSelection")) {
      auto a = pos_of.find(canonical_guid(attr(sel, "fromSyncPoint")));
      auto b = pos_of.find(canonical_guid(attr(sel, "toSyncPoint")));
      if (a == pos_of.end() || b == pos_of.end()) {
        cx.findings.loss("transcript selections whose sync points are missing (not imported)", name);
        continue;
      }
      pugi::xml_node out = ts.append_child("PlainTextSelection");
      copy_attrs(sel, out, {"guid", "name", "creatingUser", "creationDateTime", "modifyingUser", "modifiedDateTime"});
      out.append_attribute("startPosition").set_value(a->second);
      out.append_attribute("endPosition").set_value(b->second);
      for (pugi::xml_node c = sel.first_child(); c; c = c.next_sibling()) out.append_copy(c);
    }
    std::vector<std::tuple<std::string, int64_t, int64_t>> stretches;  // media selections: guid, begin, end
    if (first)
      for (const char* k : {"AudioSelection", "VideoSelection"})
        for (const auto& sel : children_named(s, k)) {
          const int64_t b = sel.attribute("begin").as_llong(-1), e = sel.attribute("end").as_llong(-1);
          if (b < 0 || e <= b) {
            cx.findings.loss("media selections without a begin before their end (not imported)", name);
            continue;
          }
          const int64_t last = kept.empty() ? 0 : kept.back().pos;
          const int64_t from = text::pos_at(kept, b, last, 0), to = std::max(text::pos_at(kept, e, last, 0), from + 1);
          pugi::xml_node out = ts.append_child("PlainTextSelection");
          copy_attrs(sel, out,
                     {"guid", "name", "creatingUser", "creationDateTime", "modifyingUser", "modifiedDateTime"});
          out.append_attribute("startPosition").set_value(from);
          out.append_attribute("endPosition").set_value(to);
          for (pugi::xml_node c = sel.first_child(); c; c = c.next_sibling()) out.append_copy(c);
          stretches.emplace_back(canonical_guid(attr(sel, "guid")), b, e);
        }
    for (const auto& nr : children_named(tr, "NoteRef")) ts.append_copy(nr);
    const std::string g = first ? guid : canonical_guid(attr(tr, "guid"));
    const std::string title = children_named(s, "Transcript").size() == 1 ? name : attr(tr, "name");
    text_source(cx, ts, title.empty() ? name : title, g, s);
    auto doc = cx.doc_by_guid.find(g);
    if (doc == cx.doc_by_guid.end()) continue;  // reported by text_source
    PlanMedia m;
    m.doc = doc->second;
    m.kind = kind;
    m.original_name = original;
    m.duration_ms = info.duration_ms;
    m.bytes = *bytes;
    m.sync = kept;
    cx.plan.media.push_back(std::move(m));
    for (const auto& [sg, b, e] : stretches)
      if (auto c = cx.selection_coding.find(sg); c != cx.selection_coding.end())
        cx.plan.media_codings.push_back({c->second, b, e});
    first = false;
  }
  return !first;
}

void apply_media(const Plan& plan, store::Project& p, const std::vector<store::Id>& doc_ids,
                 const std::vector<store::Id>& coding_ids) {
  if (plan.media.empty()) return;
  const fs::path proj = plan.project.empty() ? p.path() : plan.project;
  const std::string folder_name = store::media_folder_name(proj);
  const fs::path folder = proj.parent_path() / folder_name;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) throw UserError("cannot make the media folder " + folder.string() + ": " + ec.message());
  std::map<std::string, std::string> stored;  // sha -> path
  for (const auto& m : plan.media) {
    const std::string sha = store::sha256_hex(m.bytes);
    if (!stored.count(sha)) {
      fs::path to = folder / m.original_name;
      for (int i = 2; fs::exists(to, ec); ++i)
        to = folder / (fs::path(m.original_name).stem().string() + " (" + std::to_string(i) + ")" +
                       fs::path(m.original_name).extension().string());
      std::ofstream out(to, std::ios::binary);
      out << m.bytes;
      if (!out.flush()) throw UserError("cannot write the recording " + to.string());
      stored[sha] = folder_name + "/" + to.filename().string();
    }
    store::MediaFile f;
    f.kind = m.kind;
    f.path = stored[sha];
    f.original_name = m.original_name;
    f.sha256 = sha;
    f.size = static_cast<int64_t>(m.bytes.size());
    f.duration_ms = m.duration_ms;
    const store::Id doc = doc_ids.at(static_cast<size_t>(m.doc));
    std::vector<text::SyncPoint> sync;
    const int64_t len = p.document(doc).length_cp;
    for (const auto& s : m.sync)
      if (s.pos <= len) sync.push_back(s);
    store::attach_media(p, doc, f, sync);
  }
  for (const auto& mc : plan.media_codings)
    store::set_coding_media(p, coding_ids.at(static_cast<size_t>(mc.coding)), mc.start_ms, mc.end_ms);
}

}  // namespace telaah::exchange::detail
