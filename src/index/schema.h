// The layout of the search index: term prefixes, value slots, metadata keys.
// One Xapian document per passage (a block of a project document: paragraph,
// heading, list item, speaker turn); document-level fields are copied onto
// each of its passages, and result lists are grouped per document by
// collapsing on the kDoc value. Change kFormat when this layout changes: an
// index of another format is rebuilt on open.
#pragma once
#include <string>

namespace telaah::index {

inline constexpr const char* kFormat = "telaah-index-4";  // 4: surface terms with positions (=exact words)

// Term prefixes (omega conventions where they exist).
inline constexpr const char* kStemPrefix = "Z";      // "Z" + field prefix + stem, with positions
inline constexpr const char* kIdPrefix = "Q";        // unique id of a passage: Q<doc>:<block>
inline constexpr const char* kDocPrefix = "XD";      // XD<doc>: every passage of a document (boolean)
inline constexpr const char* kTypePrefix = "T";      // T<source type>, lower case (boolean)
inline constexpr const char* kLangPrefix = "L";      // L<iso code>, lower case (boolean)
inline constexpr const char* kCodePrefix = "K";      // K<code id>: a coding of that code overlaps the passage (boolean)
inline constexpr const char* kTitlePrefix = "S";     // title words (free text)
inline constexpr const char* kOutletPrefix = "A";    // author / outlet words (free text)
inline constexpr const char* kSpeakerPrefix = "XP";  // speaker of a turn (free text)

// Value slots: few, because each costs per passage at indexing time.
enum Slot : unsigned {
  kDate = 0,   // YYYYMMDD, missing parts as 00 ("2013" -> "20130000"): sort and date ranges
  kDoc = 1,    // sortable_serialise(document id): the collapse key
  kStart = 2,  // sortable_serialise(passage start, code points): order within a document
  // The document id, then the facet values, joined by kFacetSep: id, type,
  // year, language, outlet, code ids (space-separated). Counted with
  // Xapian's ValueCountMatchSpy, the one spy a remote shard server knows;
  // the id lets documents be counted once.
  kFacets = 3,
};
inline constexpr char kFacetSep = '\x1f';
enum Facet : int { kFacetType = 0, kFacetYear, kFacetLang, kFacetOutlet, kFacetCodes, kFacetCount };
// Document data: "END BLOCK" (the passage end in code points, the block index).

// Metadata keys, written in the same commit as the changes they describe.
inline constexpr const char* kMetaFormat = "telaah.format";
inline constexpr const char* kMetaProject = "telaah.project_id";
inline constexpr const char* kMetaRevision = "telaah.revision";
inline constexpr const char* kMetaStemmer = "telaah.stemmer";    // dictionary | snowball (what was really used)
inline constexpr const char* kMetaSynonyms = "telaah.synonyms";  // fingerprint of the synonym table
inline constexpr const char* kMetaStamp = "telaah.revision_stamp";
// Sharded index only (see shards.h): which shard of which set this is
// ("I/N ENDPOINTS"), how many project documents it holds, and "rebuilding"
// while a rebuild is under way.
inline constexpr const char* kMetaShard = "telaah.shard";
inline constexpr const char* kMetaDocuments = "telaah.documents";
inline constexpr const char* kMetaState = "telaah.state";

// The index directory of a project: NAME.telaah -> NAME.telaah-index.
std::string index_dir_for(const std::string& project_path);

}  // namespace telaah::index
