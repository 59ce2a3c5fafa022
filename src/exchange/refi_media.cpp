// Export of recordings to REFI-QDA (refi_media.h). The TextSource the
// exporter wrote for a transcript is rebuilt as the Transcript of a media
// source; selections are tied to SyncPoints (a point is added where a
// selection starts or ends between two, at the time the mapping gives).
#include "exchange/refi_media.h"

#include <fstream>
#include <map>
#include <set>

#include "exchange/archive.h"
#include "exchange/guid.h"
#include "store/media.h"
#include "text/timecode.h"

namespace telaah::exchange {

namespace {

std::vector<pugi::xml_node> children(pugi::xml_node n, const char* name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = n.child(name); c; c = c.next_sibling(name)) out.push_back(c);
  return out;
}

}  // namespace

std::string media_internal_name(const std::string& sha256, const std::string& original_name) {
  const auto dot = original_name.find_last_of('.');
  std::string ext = dot == std::string::npos ? "" : original_name.substr(dot);
  if (ext.size() > 8 || ext.find('/') != std::string::npos) ext.clear();
  return sha256 + ext;
}

void media_sources_export(const store::Project& p, pugi::xml_node sources) {
  const std::string pid = p.project_id();
  for (const auto& d : p.documents()) {
    const auto m = store::document_media(p, d.id);
    if (!m) continue;
    const std::string g = stable_guid(pid, "documents", std::to_string(d.id));
    pugi::xml_node ts;
    for (pugi::xml_node s = sources.child("TextSource"); s; s = s.next_sibling("TextSource"))
      if (std::string(s.attribute("guid").value()) == g) ts = s;
    if (!ts) continue;
    pugi::xml_node src = sources.insert_child_before(m->kind == "video" ? "VideoSource" : "AudioSource", ts);
    for (const char* a : {"guid", "name", "creationDateTime", "modifiedDateTime"})
      if (ts.attribute(a)) src.append_attribute(a).set_value(ts.attribute(a).value());
    src.append_attribute("path").set_value(("internal://" + media_internal_name(m->sha256, m->original_name)).c_str());
    src.append_child("Description")
        .text()
        .set(("Telaah: recording " + m->original_name + ", " + std::to_string(m->duration_ms) + " ms").c_str());
    pugi::xml_node tr = src.append_child("Transcript");
    tr.append_attribute("guid").set_value(stable_guid(pid, "transcripts", std::to_string(d.id)).c_str());
    tr.append_attribute("name").set_value(ts.attribute("name").value());
    tr.append_attribute("plainTextPath").set_value(ts.attribute("plainTextPath").value());
    if (pugi::xml_node desc = ts.child("Description")) tr.append_child("Description").text().set(desc.text().get());
    // Sync points: the document's own, then one at each selection end that falls between them.
    const auto sync = store::sync_points(p, d.id);
    std::map<int64_t, int64_t> points;  // pos -> time
    for (const auto& s : sync) points[s.pos] = s.time_ms;
    std::set<store::Id> media_codings;
    for (const auto& c : store::coding_media_of(p, d.id)) media_codings.insert(c.coding);
    std::map<std::string, store::Id> coding_by_guid;
    store::CodingFilter only;
    only.doc = d.id;
    for (const auto& c : p.codings(only)) coding_by_guid[stable_guid(pid, "codings", std::to_string(c.id))] = c.id;
    auto sels = children(ts, "PlainTextSelection");
    for (const auto& sel : sels) {
      auto it = coding_by_guid.find(sel.attribute("guid").value());
      if (it != coding_by_guid.end() && media_codings.count(it->second)) continue;
      for (const char* a : {"startPosition", "endPosition"}) {
        const int64_t pos = sel.attribute(a).as_llong();
        if (!points.count(pos)) points[pos] = text::time_at(sync, pos, d.length_cp, m->duration_ms);
      }
    }
    auto point_guid = [&](int64_t pos) {
      return stable_guid(pid, "sync-" + std::to_string(d.id), std::to_string(pos));
    };
    for (const auto& [pos, t] : points) {
      pugi::xml_node sp = tr.append_child("SyncPoint");
      sp.append_attribute("guid").set_value(point_guid(pos).c_str());
      sp.append_attribute("timeStamp").set_value(t);
      sp.append_attribute("position").set_value(pos);
    }
    std::vector<pugi::xml_node> audio;
    for (const auto& sel : sels) {
      auto it = coding_by_guid.find(sel.attribute("guid").value());
      if (it != coding_by_guid.end() && media_codings.count(it->second)) {
        audio.push_back(sel);
        continue;
      }
      pugi::xml_node out = tr.append_child("TranscriptSelection");
      for (pugi::xml_attribute a = sel.first_attribute(); a; a = a.next_attribute()) {
        const std::string n = a.name();
        if (n == "startPosition")
          out.append_attribute("fromSyncPoint").set_value(point_guid(a.as_llong()).c_str());
        else if (n == "endPosition")
          out.append_attribute("toSyncPoint").set_value(point_guid(a.as_llong()).c_str());
        else
          out.append_attribute(a.name()).set_value(a.value());
      }
      for (pugi::xml_node c = sel.first_child(); c; c = c.next_sibling()) out.append_copy(c);
    }
    for (const auto& nr : children(ts, "NoteRef")) tr.append_copy(nr);
    // Media codings: a stretch of the recording (milliseconds).
    for (const auto& sel : audio) {
      const auto span = store::coding_media(p, coding_by_guid[sel.attribute("guid").value()]);
      pugi::xml_node out = src.append_child(m->kind == "video" ? "VideoSelection" : "AudioSelection");
      for (pugi::xml_attribute a = sel.first_attribute(); a; a = a.next_attribute()) {
        const std::string n = a.name();
        if (n == "startPosition" || n == "endPosition") continue;
        out.append_attribute(a.name()).set_value(a.value());
        if (n == "name") {
          out.append_attribute("begin").set_value(span->start_ms);
          out.append_attribute("end").set_value(span->end_ms);
        }
      }
      if (!out.attribute("begin")) {
        out.append_attribute("begin").set_value(span->start_ms);
        out.append_attribute("end").set_value(span->end_ms);
      }
      for (pugi::xml_node c = sel.first_child(); c; c = c.next_sibling()) out.append_copy(c);
    }
    for (const auto& vv : children(ts, "VariableValue")) src.append_copy(vv);
    sources.remove_child(ts);
  }
}

void media_files_export(const store::Project& p, ZipWriter& z) {
  std::set<std::string> done;
  for (const auto& m : store::media_files(p)) {
    const std::string name = media_internal_name(m.sha256, m.original_name);
    if (!done.insert(name).second) continue;
    const auto loc = store::locate_media(p, m);
    if (loc.state == store::MediaLocation::missing) throw UserError(loc.message);
    std::ifstream in(loc.file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) throw UserError("cannot read the recording " + loc.file.string());
    z.add("sources/" + name, std::move(bytes));
  }
}

}  // namespace telaah::exchange
