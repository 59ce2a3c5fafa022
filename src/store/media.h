// Recordings (issue 28): a media file kept beside the project (its path is
// relative to the project file's folder, with its hash, size and duration),
// the documents that transcribe it, their sync points, and media codings'
// time spans. The file itself is copied by the importer (ingest/recordings.h);
// here it is only found again.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/project.h"
#include "text/timecode.h"

namespace telaah::store {

struct MediaFile {
  Id id = 0;
  std::string kind;  // audio | video
  std::string path;  // relative to the project file's folder, '/' separated
  std::string original_name, sha256, created;
  int64_t size = 0, duration_ms = 0;
};

// A recording to add: its media row and its transcripts (none: one document
// with empty text, the recording not yet transcribed).
struct NewRecording {
  MediaFile media;                                 // id and created are set by the store
  std::vector<NewDocument> transcripts;            // at least one (may have empty text)
  std::vector<std::vector<text::SyncPoint>> sync;  // per transcript, positions in its text
};

// Adds every recording with its transcripts as one undoable action; returns
// the documents' ids in order. Sync points must lie in their text, in order of
// position, with times that do not go back.
std::vector<Id> add_recordings(Project& p, const std::vector<NewRecording>& recs, const std::string& label);

// For importers that add the documents themselves (REFI-QDA): ties an added
// document to a new media row with its sync points, and a coding to its time
// span; both join the caller's action (they open one of their own otherwise).
Id attach_media(Project& p, Id doc, const MediaFile& m, const std::vector<text::SyncPoint>& sync);
void set_coding_media(Project& p, Id coding, int64_t start_ms, int64_t end_ms);

std::optional<MediaFile> document_media(const Project& p, Id doc);
std::vector<MediaFile> media_files(const Project& p);  // of documents not deleted
std::optional<MediaFile> find_media_by_sha256(const Project& p, const std::string& sha);
std::vector<text::SyncPoint> sync_points(const Project& p, Id doc);

// The folder the importer copies recordings into: "<project stem>.media" beside the project.
std::filesystem::path media_folder(const Project& p);
std::string media_folder_name(const std::filesystem::path& project_file);

// Where the file is now. found: at its path; moved: not there but a file of
// the same name and size in the project's media folder or another "*.media"
// folder beside the project (the folder was renamed or moved with it);
// missing: nowhere (message says where it was looked for).
struct MediaLocation {
  enum State { found, moved, missing } state = missing;
  std::filesystem::path file;
  std::string message;
};
MediaLocation locate_media(const Project& p, const MediaFile& m);

// A media coding: a coding row whose text span is the transcript covering the
// stretch (from the sync points) plus its time span.
struct CodingMedia {
  Id coding = 0;
  int64_t start_ms = 0, end_ms = 0;
};
// Codes the stretch [start_ms, end_ms) of a recording's transcript `in.doc`
// (in.start/in.end are derived, at least one character): one undoable action.
Id add_media_coding(Project& p, const Coding& in, int64_t start_ms, int64_t end_ms);
std::optional<CodingMedia> coding_media(const Project& p, Id coding);
std::vector<CodingMedia> coding_media_of(const Project& p, Id doc);
// A coding's time span: its own when a media coding, else derived from the sync points.
std::optional<CodingMedia> coding_time_span(const Project& p, const Coding& c);

// check(): sync points inside their document, media rows of live documents
// present, media codings on transcripts of a recording.
void check_media(const Project& p, std::vector<std::string>& problems);

}  // namespace telaah::store
