// Recordings in the store: media rows, transcripts tied to them, sync points,
// media codings, and finding a media file again (media.h).
#include "store/media.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "store/util.h"
#include "text/utf8.h"

namespace telaah::store {

namespace {

const char* kMediaCols = "m.id, m.kind, m.path, m.original_name, m.sha256, m.size, m.duration_ms, m.created";

MediaFile read_media(SQLite::Statement& q) {
  MediaFile m;
  m.id = q.getColumn(0).getInt64();
  m.kind = q.getColumn(1).getString();
  m.path = q.getColumn(2).getString();
  m.original_name = q.getColumn(3).getString();
  m.sha256 = q.getColumn(4).getString();
  m.size = q.getColumn(5).getInt64();
  m.duration_ms = q.getColumn(6).getInt64();
  m.created = q.getColumn(7).getString();
  return m;
}

void validate(const NewRecording& r) {
  const auto& m = r.media;
  if (m.kind != "audio" && m.kind != "video")
    throw ValidationError("a recording is audio or video, not '" + m.kind + "'");
  if (m.path.empty() || std::filesystem::path(m.path).is_absolute() || m.path.find("..") != std::string::npos)
    throw ValidationError("a recording's path is relative to the project's folder, not '" + m.path + "'");
  if (m.size < 0 || m.duration_ms < 0) throw ValidationError("a recording's size and duration cannot be negative");
  if (r.transcripts.empty()) throw ValidationError("a recording needs a document (its transcript, or an empty one)");
  if (!r.sync.empty() && r.sync.size() != r.transcripts.size())
    throw InternalError("sync points given for some transcripts of a recording only");
  for (size_t i = 0; i < r.sync.size(); ++i) {
    const auto len = static_cast<int64_t>(text::count_code_points(r.transcripts[i].text));
    int64_t pos = -1, t = 0;
    for (const auto& s : r.sync[i]) {
      if (s.pos <= pos || s.pos > len || s.time_ms < t || s.time_ms < 0)
        throw InternalError("sync points of '" + r.transcripts[i].title + "' out of order or outside its text");
      pos = s.pos;
      t = s.time_ms;
    }
  }
}

}  // namespace

std::vector<Id> add_recordings(Project& p, const std::vector<NewRecording>& recs, const std::string& label) {
  for (const auto& r : recs) validate(r);
  auto a = p.begin_action(label);
  std::vector<Id> ids;
  const std::string now = now_iso();
  SQLite::Statement sp(p.db(), "INSERT INTO sync_points(doc_id, pos, time_ms) VALUES (?,?,?)");
  for (const auto& r : recs) {
    const auto& m = r.media;
    const Id media = a.insert("media", {{"kind", m.kind},
                                        {"path", m.path},
                                        {"original_name", sanitise_utf8(m.original_name)},
                                        {"sha256", m.sha256},
                                        {"size", m.size},
                                        {"duration_ms", m.duration_ms},
                                        {"created", now}});
    const auto docs = p.add_documents(r.transcripts, label);  // joins this action
    for (size_t i = 0; i < docs.size(); ++i) {
      a.insert("document_media", {{"doc_id", docs[i]}, {"media_id", media}});
      // Like word boxes, sync points belong to the document row (hidden with it on undo), so they are not logged.
      if (i < r.sync.size())
        for (const auto& s : r.sync[i]) {
          sp.bind(1, docs[i]);
          sp.bind(2, s.pos);
          sp.bind(3, s.time_ms);
          sp.exec();
          sp.reset();
        }
      ids.push_back(docs[i]);
    }
  }
  a.commit();
  return ids;
}

Id attach_media(Project& p, Id doc, const MediaFile& m, const std::vector<text::SyncPoint>& sync) {
  const Document d = p.document(doc);
  if (document_media(p, doc)) throw ValidationError("'" + d.title + "' has a recording already");
  NewRecording r;
  r.media = m;
  r.transcripts.resize(1);
  validate(r);
  int64_t pos = -1, t = 0;
  for (const auto& s : sync) {
    if (s.pos <= pos || s.pos > d.length_cp || s.time_ms < t || s.time_ms < 0)
      throw ValidationError("sync points of '" + d.title + "' out of order or outside its text");
    pos = s.pos;
    t = s.time_ms;
  }
  auto a = p.begin_action("Attach recording " + m.original_name + " to " + d.title);
  const Id media = a.insert("media", {{"kind", m.kind},
                                      {"path", m.path},
                                      {"original_name", sanitise_utf8(m.original_name)},
                                      {"sha256", m.sha256},
                                      {"size", m.size},
                                      {"duration_ms", m.duration_ms},
                                      {"created", now_iso()}});
  a.insert("document_media", {{"doc_id", doc}, {"media_id", media}});
  // Logged here (unlike an import's): undoing this action alone must take them away.
  for (const auto& s : sync) a.insert("sync_points", {{"doc_id", doc}, {"pos", s.pos}, {"time_ms", s.time_ms}});
  a.commit();
  return media;
}

void set_coding_media(Project& p, Id coding, int64_t start_ms, int64_t end_ms) {
  const Coding c = p.coding(coding);
  if (!document_media(p, c.doc)) throw ValidationError("coding #" + std::to_string(coding) + " is not on a recording");
  if (start_ms < 0 || end_ms <= start_ms)
    throw ValidationError("a stretch of a recording needs an end after its start");
  if (coding_media(p, coding)) throw ValidationError("coding #" + std::to_string(coding) + " has a time span already");
  auto a = p.begin_action("Time span of coding #" + std::to_string(coding));
  a.insert("coding_media", {{"coding_id", coding}, {"start_ms", start_ms}, {"end_ms", end_ms}});
  a.commit();
}

std::optional<MediaFile> document_media(const Project& p, Id doc) {
  SQLite::Statement q(p.db(), std::string("SELECT ") + kMediaCols +
                                  " FROM media m JOIN document_media dm ON dm.media_id=m.id WHERE dm.doc_id=?");
  q.bind(1, doc);
  if (!q.executeStep()) return std::nullopt;
  return read_media(q);
}

std::vector<MediaFile> media_files(const Project& p) {
  SQLite::Statement q(p.db(), std::string("SELECT DISTINCT ") + kMediaCols +
                                  " FROM media m JOIN document_media dm ON dm.media_id=m.id JOIN documents d ON "
                                  "d.id=dm.doc_id WHERE d.deleted=0 ORDER BY m.id");
  std::vector<MediaFile> out;
  while (q.executeStep()) out.push_back(read_media(q));
  return out;
}

std::optional<MediaFile> find_media_by_sha256(const Project& p, const std::string& sha) {
  SQLite::Statement q(p.db(), std::string("SELECT ") + kMediaCols +
                                  " FROM media m JOIN document_media dm ON dm.media_id=m.id JOIN documents d ON "
                                  "d.id=dm.doc_id WHERE d.deleted=0 AND m.sha256=? ORDER BY m.id LIMIT 1");
  q.bind(1, sha);
  if (!q.executeStep()) return std::nullopt;
  return read_media(q);
}

std::vector<text::SyncPoint> sync_points(const Project& p, Id doc) {
  SQLite::Statement q(p.db(), "SELECT pos, time_ms FROM sync_points WHERE doc_id=? ORDER BY pos");
  q.bind(1, doc);
  std::vector<text::SyncPoint> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64()});
  return out;
}

std::string media_folder_name(const std::filesystem::path& project_file) {
  return project_file.stem().string() + ".media";
}

std::filesystem::path media_folder(const Project& p) {
  return p.path().parent_path() / media_folder_name(p.path());
}

MediaLocation locate_media(const Project& p, const MediaFile& m) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = p.path().parent_path();
  MediaLocation loc;
  const fs::path at = dir / fs::path(m.path);
  if (fs::is_regular_file(at, ec)) {
    loc.state = MediaLocation::found;
    loc.file = at;
    return loc;
  }
  const fs::path name = fs::path(m.path).filename();
  auto same = [&](const fs::path& f) {
    std::error_code e2;
    return fs::is_regular_file(f, e2) && static_cast<int64_t>(fs::file_size(f, e2)) == m.size && !e2;
  };
  std::vector<fs::path> tries{media_folder(p) / name};
  for (fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".media" && it->is_directory(ec)) tries.push_back(it->path() / name);
  for (const auto& f : tries)
    if (same(f)) {
      loc.state = MediaLocation::moved;
      loc.file = f;
      loc.message = "'" + m.path + "' was found at " + f.string();
      return loc;
    }
  loc.state = MediaLocation::missing;
  loc.message = "the recording '" + m.original_name + "' is missing: it is not at " + at.string() +
                " nor in a .media folder beside the project; put the file back there";
  return loc;
}

Id add_media_coding(Project& p, const Coding& in, int64_t start_ms, int64_t end_ms) {
  const Document d = p.document(in.doc);
  const auto m = document_media(p, in.doc);
  if (!m) throw ValidationError("'" + d.title + "' is not the transcript of a recording");
  if (start_ms < 0 || end_ms <= start_ms)
    throw ValidationError("a stretch of a recording needs an end after its start");
  if (m->duration_ms > 0 && start_ms >= m->duration_ms)
    throw ValidationError("the stretch starts after the end of the recording");
  if (m->duration_ms > 0) end_ms = std::min(end_ms, m->duration_ms);
  if (d.length_cp == 0)
    throw ValidationError("'" + d.title + "' has no transcript text yet; a media coding needs a line to stand on");
  const auto sync = sync_points(p, in.doc);
  Coding c = in;
  c.start = std::min(text::pos_at(sync, start_ms, d.length_cp, m->duration_ms), d.length_cp - 1);
  c.end = std::max(text::pos_at(sync, end_ms, d.length_cp, m->duration_ms), c.start + 1);
  c.end = std::min(c.end, d.length_cp);
  auto a = p.begin_action("Code " + text::format_clock(start_ms) + "-" + text::format_clock(end_ms) + " of " + d.title +
                          " with " + p.code(in.code).name);
  const Id id = p.add_coding(c);
  a.insert("coding_media", {{"coding_id", id}, {"start_ms", start_ms}, {"end_ms", end_ms}});
  a.commit();
  return id;
}

std::optional<CodingMedia> coding_media(const Project& p, Id coding) {
  SQLite::Statement q(p.db(), "SELECT coding_id, start_ms, end_ms FROM coding_media WHERE coding_id=?");
  q.bind(1, coding);
  if (!q.executeStep()) return std::nullopt;
  return CodingMedia{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()};
}

std::vector<CodingMedia> coding_media_of(const Project& p, Id doc) {
  SQLite::Statement q(p.db(),
                      "SELECT m.coding_id, m.start_ms, m.end_ms FROM coding_media m JOIN codings c ON c.id=m.coding_id "
                      "WHERE c.doc_id=? ORDER BY m.start_ms, m.coding_id");
  q.bind(1, doc);
  std::vector<CodingMedia> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()});
  return out;
}

std::optional<CodingMedia> coding_time_span(const Project& p, const Coding& c) {
  if (auto own = coding_media(p, c.id)) return own;
  const auto m = document_media(p, c.doc);
  if (!m) return std::nullopt;
  const Document d = p.document(c.doc);
  const auto sync = sync_points(p, c.doc);
  return CodingMedia{c.id, text::time_at(sync, c.start, d.length_cp, m->duration_ms),
                     text::time_at(sync, c.end, d.length_cp, m->duration_ms)};
}

void check_media(const Project& p, std::vector<std::string>& problems) {
  {
    SQLite::Statement q(p.db(),
                        "SELECT d.title, count(*) FROM sync_points s JOIN documents d ON d.id=s.doc_id "
                        "WHERE s.pos > d.length_cp GROUP BY d.id");
    while (q.executeStep())
      problems.push_back(std::to_string(q.getColumn(1).getInt64()) + " sync points of '" + q.getColumn(0).getString() +
                         "' lie outside its text");
  }
  {
    SQLite::Statement q(p.db(),
                        "SELECT d.title FROM sync_points a JOIN sync_points b ON b.doc_id=a.doc_id AND b.pos > a.pos "
                        "AND b.time_ms < a.time_ms JOIN documents d ON d.id=a.doc_id WHERE d.deleted=0 "
                        "GROUP BY d.id");
    while (q.executeStep())
      problems.push_back("the sync points of '" + q.getColumn(0).getString() + "' go back in time");
  }
  {
    SQLite::Statement q(p.db(),
                        "SELECT m.coding_id FROM coding_media m JOIN codings c ON c.id=m.coding_id LEFT JOIN "
                        "document_media dm ON dm.doc_id=c.doc_id WHERE dm.id IS NULL");
    while (q.executeStep())
      problems.push_back("media coding #" + std::to_string(q.getColumn(0).getInt64()) +
                         " is on a document that is not the transcript of a recording");
  }
  {
    SQLite::Statement q(p.db(),
                        "SELECT m.coding_id FROM coding_media m JOIN codings c ON c.id=m.coding_id JOIN document_media "
                        "dm ON dm.doc_id=c.doc_id JOIN media f ON f.id=dm.media_id WHERE f.duration_ms > 0 AND "
                        "m.start_ms >= f.duration_ms");
    while (q.executeStep())
      problems.push_back("media coding #" + std::to_string(q.getColumn(0).getInt64()) +
                         " starts after the end of its recording");
  }
  for (const auto& m : media_files(p))
    if (locate_media(p, m).state == MediaLocation::missing) problems.push_back(locate_media(p, m).message);
}

}  // namespace telaah::store
