// Recordings (issue 28): the offset <-> time rule, every timestamp form of a
// transcript, importing a recording with its transcript (WAV files written
// here with known lengths), a moved or missing media file, hostile media, and
// media codings with their undo.
#include <doctest/doctest.h>

#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "exchange/exchange.h"
#include "helpers/project_fixture.h"
#include "helpers/run.h"
#include "helpers/temp_dir.h"
#include "ingest/recordings.h"
#include "ingest/replace.h"
#include "ingest/transcript.h"
#include "store/media.h"
#include "text/timecode.h"
#include "text/utf8.h"

using namespace telaah;
namespace fs = std::filesystem;

namespace {

const std::string kBinary = TELAAH_BINARY;

void put_le(std::string& s, uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s += static_cast<char>((v >> (8 * i)) & 0xff);
}

// A 16-bit mono PCM WAV at 8 kHz: `tone_ms` of a 440 Hz square wave, then
// `silence_ms` of silence. `claimed_data` overrides the data chunk's size.
std::string wav(int tone_ms, int silence_ms, int64_t claimed_data = -1) {
  const uint32_t rate = 8000, n_tone = rate * tone_ms / 1000, n_sil = rate * silence_ms / 1000;
  std::string pcm;
  for (uint32_t i = 0; i < n_tone; ++i) put_le(pcm, (i / 9) % 2 ? 8000u : static_cast<uint32_t>(-8000) & 0xffff, 2);
  pcm.append(static_cast<size_t>(n_sil) * 2, '\0');
  std::string s = "RIFF";
  const uint32_t data = claimed_data >= 0 ? static_cast<uint32_t>(claimed_data) : static_cast<uint32_t>(pcm.size());
  put_le(s, 36 + data, 4);
  s += "WAVEfmt ";
  put_le(s, 16, 4);
  put_le(s, 1, 2);  // PCM
  put_le(s, 1, 2);  // mono
  put_le(s, rate, 4);
  put_le(s, rate * 2, 4);
  put_le(s, 2, 2);
  put_le(s, 16, 2);
  s += "data";
  put_le(s, data, 4);
  return s + pcm;
}

void write(const fs::path& f, const std::string& bytes) {
  fs::create_directories(f.parent_path());
  std::ofstream(f, std::ios::binary) << bytes;
}

// An MPEG-1 layer III stream of `frames` silent 128 kbit/s frames whose
// first frame carries a Xing header claiming `claimed` frames (1152 samples
// at 44.1 kHz each): a header that can promise any length.
std::string mp3(uint32_t claimed, int frames = 10) {
  const std::string hdr = "\xFF\xFB\x90\xC4";  // 128 kbit/s, 44.1 kHz, mono: 417 bytes a frame
  std::string first = hdr + std::string(413, '\0');
  first.replace(21, 4, "Xing");
  const uint32_t flags = 1;
  for (int i = 0; i < 4; ++i) first[25 + i] = static_cast<char>((flags >> (24 - 8 * i)) & 0xff);
  for (int i = 0; i < 4; ++i) first[29 + i] = static_cast<char>((claimed >> (24 - 8 * i)) & 0xff);
  std::string s = first;
  for (int i = 0; i < frames; ++i) s += hdr + std::string(413, '\0');
  return s;
}

std::string sub_cp(const std::string& s, int64_t a, int64_t b) {
  text::OffsetMap m(s);
  return std::string(text::slice_cp(s, m, a, b));
}

}  // namespace

TEST_CASE("Clock strings: every form a transcript writes") {
  struct Case {
    const char* in;
    int64_t ms;  // -1: not a clock
  };
  const Case cases[] = {
      {"00:00:00", 0},
      {"01:02:03", 3723000},
      {"1:02:03", 3723000},
      {"02:03", 123000},
      {"2:03", 123000},
      {"00:01:02.5", 62500},
      {"00:01:02,500", 62500},
      {"00:01:02.05", 62050},
      {"00:01:02.123", 62123},
      {"00:01:02-4", 62400},
      {"00:60:00", -1},
      {"00:00:60", -1},
      {"1:2:3", -1},
      {"123", -1},
      {"", -1},
      {"00:01:02.1234", -1},
      {"00:01:02-45", -1},
      {"aa:bb", -1},
      {"1:02:03:04", -1},
      {"12:34.5", 754500},
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    auto got = text::parse_clock(c.in);
    if (c.ms < 0)
      CHECK_FALSE(got);
    else {
      REQUIRE(got);
      CHECK(*got == c.ms);
    }
  }
  CHECK(text::format_clock(62500) == "01:02.500");
  CHECK(text::format_clock(3723000) == "1:02:03");
  CHECK(text::format_clock(0) == "00:00");
}

TEST_CASE("Offset <-> time: linear between sync points, anchored at 0 and at the recording's end") {
  // Text of 100 code points, recording 60 s; points (10, 5000), (50, 25000), (80, 25000) and a stray (60, 20000).
  const std::vector<text::SyncPoint> pts = {{10, 5000}, {60, 20000}, {50, 25000}, {80, 25000}};
  struct Case {
    int64_t pos, time;  // hand-computed
  };
  const Case cases[] = {
      {0, 0},        // anchor (0, 0)
      {5, 2500},     // half way to (10, 5000)
      {10, 5000},    // a point
      {30, 15000},   // 5000 + 20 * 20000 / 40
      {50, 25000},   // a point; (60, 20000) goes back in time and is ignored
      {60, 25000},   // between (50,25000) and (80,25000): flat
      {80, 25000},   // a point
      {90, 42500},   // to the end anchor (100, 60000): 25000 + 10 * 35000 / 20
      {100, 60000},  // the end
      {150, 60000},  // past the end
  };
  for (const auto& c : cases) {
    CAPTURE(c.pos);
    CHECK(text::time_at(pts, c.pos, 100, 60000) == c.time);
  }
  struct Back {
    int64_t time, pos;
  };
  const Back backs[] = {
      {0, 0}, {2500, 5}, {5000, 10}, {15000, 30}, {24999, 49}, {25000, 80}, {42500, 90}, {60000, 100}, {99999, 100},
  };
  for (const auto& b : backs) {
    CAPTURE(b.time);
    CHECK(text::pos_at(pts, b.time, 100, 60000) == b.pos);
  }
  // No points: the whole text spread over the recording; recording shorter than the last point: it stays.
  CHECK(text::time_at({}, 25, 100, 8000) == 2000);
  CHECK(text::pos_at({}, 2000, 100, 8000) == 25);
  CHECK(text::time_at({{0, 1000}, {10, 9000}}, 50, 100, 5000) == 9000);
  CHECK(text::time_at({{0, 1000}, {10, 9000}}, 5, 100, 5000) == 5000);
}

TEST_CASE("Timestamps in plain transcripts: each form becomes a sync point, not text") {
  struct Case {
    const char* form;
    std::string text;                   // the transcript
    std::string want;                   // its text after import
    std::vector<text::SyncPoint> sync;  // hand-computed positions
    std::vector<std::string> speakers;  // turns, in order
  };
  const std::vector<Case> cases = {
      {"[hh:mm:ss] at line start, speaker after",
       "[00:00:01] Pewawancara: Apa kabar?\n[00:00:04] Informan B: Baik.",
       "Pewawancara: Apa kabar?\n\nInforman B: Baik.",
       {{0, 1000}, {25, 4000}},
       {}},  // each speaks once: labels, not turns (the importers' rule)
      {"[hh:mm:ss] speakers who speak twice are turns",
       "[00:00:01] Ani: Ya.\n[00:00:02] Budi: Tidak.\n[00:00:03] Ani: Oh.\n[00:00:05] Budi: Ya.",
       "Ani: Ya.\n\nBudi: Tidak.\n\nAni: Oh.\n\nBudi: Ya.",
       {{0, 1000}, {10, 2000}, {24, 3000}, {34, 5000}},
       {"Ani", "Budi", "Ani", "Budi"}},
      {"[mm:ss] inline", "Kami mulai [01:05] lalu berhenti.", "Kami mulai lalu berhenti.", {{11, 65000}}, {}},
      {"(hh:mm:ss) after the speaker",
       "Ani (00:00:02): satu\n\nBudi (00:00:09): dua",
       "Ani: satu\n\nBudi: dua",
       {{0, 2000}, {11, 9000}},
       {}},
      {"#hh:mm:ss.ms# at the end (f4/f5)",
       "I: Pertanyaan pertama. #00:00:07.5#\n\nB: Jawaban. #00:00:12-3#",
       "I: Pertanyaan pertama.\n\nB: Jawaban.",
       {{22, 7500}, {35, 12300}},
       {}},
      {"a line holding only the time (oTranscribe, noScribe)",
       "[00:00:03]\nS01: Halo semua.\n[00:00:06]\nS02: Halo.",
       "S01: Halo semua.\n\nS02: Halo.",
       {{0, 3000}, {18, 6000}},
       {}},
      {"bare h:mm:ss at line start",
       "0:00:05 Ketua: Selamat pagi.\n0:00:09 Anggota: Pagi.",
       "Ketua: Selamat pagi.\n\nAnggota: Pagi.",
       {{0, 5000}, {22, 9000}},
       {}},
      {"a time of day in prose stays text",
       "Rapat mulai pukul 10:30 di balai kota.",
       "Rapat mulai pukul 10:30 di balai kota.",
       {},
       {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.form);
    const auto t = ingest::extract_transcript("t.txt", c.text);
    CHECK(t.doc.text == c.want);
    CHECK(t.sync == c.sync);
    std::vector<std::string> turns;
    for (const auto& b : t.doc.blocks)
      if (b.kind == "turn") turns.push_back(b.speaker);
    CHECK(turns == c.speakers);
  }
}

TEST_CASE("SRT and WebVTT: one paragraph per cue, its start and end as sync points, voices as speakers") {
  const std::string srt =
      "1\n00:00:01,000 --> 00:00:03,500\nPewawancara: Sejak kapan\nkerja sama ini?\n\n"
      "2\n00:00:04,000 --> 00:00:06,000\n<i>Informan B:</i> Sejak 1984.\n\n";
  const auto s = ingest::extract_transcript("w.srt", srt);
  CHECK(s.doc.text == "Pewawancara: Sejak kapan kerja sama ini?\n\nInforman B: Sejak 1984.");
  CHECK(s.sync == std::vector<text::SyncPoint>{{0, 1000}, {40, 3500}, {42, 4000}, {65, 6000}});
  REQUIRE(s.doc.blocks.size() == 2);

  const std::string vtt =
      "WEBVTT\n\nNOTE a comment\n\nc1\n00:01.000 --> 00:02.000 align:start\n<v Ayu>Halo &amp; selamat.</v>\n\n"
      "00:02.500 --> 00:04.000\n<v Budi>Terima kasih.\n";
  const auto v = ingest::extract_transcript("w.vtt", vtt);
  CHECK(v.doc.text == "Ayu: Halo & selamat.\n\nBudi: Terima kasih.");
  CHECK(v.sync == std::vector<text::SyncPoint>{{0, 1000}, {20, 2000}, {22, 2500}, {41, 4000}});
  // Voices that speak twice are turns, as in the other importers.
  const auto v2 = ingest::extract_transcript(
      "t.vtt", vtt + "\n00:05.000 --> 00:06.000\n<v Ayu>Lagi.\n\n00:06.000 --> 00:07.000\n<v Budi>Ya.\n");
  std::vector<std::string> turns;
  for (const auto& b : v2.doc.blocks) turns.push_back(b.speaker);
  CHECK(turns == std::vector<std::string>{"Ayu", "Budi", "Ayu", "Budi"});

  CHECK_THROWS_WITH_AS(ingest::extract_transcript("bad.srt", "1\nnot a time\nhello\n"),
                       doctest::Contains("line 1 is not a cue"), ingest::ImportError);
  CHECK_THROWS_AS(ingest::extract_transcript("bad.vtt", "00:01.000 --> 00:02.000\nhi\n"), ingest::ImportError);
}

TEST_CASE("Import a recording with its transcript: copied beside the project, duration, sync points, one action") {
  test::TempDir dir;
  const fs::path in = dir / "in";
  write(in / "wawancara.wav", wav(1500, 2500));  // 4.000 s
  write(in / "wawancara.srt",
        "1\n00:00:00,500 --> 00:00:01,500\nPewawancara: Halo.\n\n2\n00:00:02,000 --> 00:00:03,800\nInforman: Hai.\n");
  auto p = store::Project::create(dir / "study.telaah");
  p->set_coder("ana");
  const std::string before = test::dump(*p);
  std::vector<fs::path> others;
  auto specs = ingest::pair_recordings({in}, others);
  REQUIRE(specs.size() == 1);
  CHECK(others.empty());
  REQUIRE(specs[0].transcripts.size() == 1);
  const auto r = ingest::import_recordings(*p, specs);
  REQUIRE(r.size() == 1);
  CHECK(r[0].info.kind == "audio");
  CHECK(r[0].info.duration_ms == 4000);
  CHECK(r[0].stored == "study.media/wawancara.wav");
  CHECK(fs::file_size(dir / "study.media" / "wawancara.wav") == fs::file_size(in / "wawancara.wav"));
  REQUIRE(r[0].docs.size() == 1);
  const store::Id doc = r[0].docs[0];
  const auto m = store::document_media(*p, doc);
  REQUIRE(m);
  CHECK(m->duration_ms == 4000);
  CHECK(m->sha256 == ingest::sha256_file(in / "wawancara.wav"));
  CHECK(m->path == "study.media/wawancara.wav");
  CHECK(p->text(doc) == "Pewawancara: Halo.\n\nInforman: Hai.");
  CHECK(store::sync_points(*p, doc) == std::vector<text::SyncPoint>{{0, 500}, {18, 1500}, {20, 2000}, {34, 3800}});
  CHECK(store::locate_media(*p, *m).state == store::MediaLocation::found);
  CHECK(p->check().empty());

  // The same recording again is refused, and nothing changes (not even the media folder).
  const std::string after = test::dump(*p);
  CHECK_THROWS_WITH_AS(ingest::import_recordings(*p, specs), doctest::Contains("in the project already"),
                       ingest::ImportError);
  CHECK(test::dump(*p) == after);

  // A coding of a stretch: its text span from the sync points; undo removes both rows.
  store::Code k;
  k.name = "Sambutan";
  const store::Id code = p->add_code(k);
  store::Coding c;
  c.doc = doc;
  c.code = code;
  const store::Id mc = store::add_media_coding(*p, c, 2000, 3800);
  const auto got = p->coding(mc);
  CHECK(got.start == 20);
  CHECK(got.end == 34);
  CHECK(sub_cp(p->text(doc), got.start, got.end) == "Informan: Hai.");
  const auto span = store::coding_media(*p, mc);
  REQUIRE(span);
  CHECK(span->start_ms == 2000);
  CHECK(span->end_ms == 3800);
  // A text coding on the transcript gets its time from the sync points: "Halo." (13-18) is 500 + 13*1000/18 ..
  store::Coding t = c;
  t.start = 13;
  t.end = 18;
  t.id = p->add_coding(t);
  const auto ts = store::coding_time_span(*p, t);
  REQUIRE(ts);
  CHECK(ts->start_ms == 1222);  // 500 + 13 * 1000 / 18
  CHECK(ts->end_ms == 1500);
  CHECK(p->check().empty());
  p->undo();
  p->undo();
  CHECK_FALSE(store::coding_media(*p, mc));
  p->redo();
  CHECK(store::coding_media(*p, mc));
  p->remove_coding(mc);
  CHECK_FALSE(store::coding_media(*p, mc));
  CHECK(p->check().empty());
  p->undo();
  CHECK(store::coding_media(*p, mc));
  // Undo of everything: the project is as before the import (the copied file stays for redo).
  while (p->can_undo()) p->undo();
  CHECK(test::dump(*p) == before);
  CHECK(p->check().empty());
}

TEST_CASE("A recording without a transcript, several transcripts, a moved and a missing media folder") {
  test::TempDir dir;
  write(dir / "in" / "a.wav", wav(1000, 0));
  write(dir / "in" / "b.wav", wav(500, 500));
  write(dir / "in" / "b.txt", "[00:00:00] Ani: satu\n[00:00:00.600] Budi: dua\n");
  write(dir / "in" / "b.vtt", "WEBVTT\n\n00:00.100 --> 00:00.900\n<v Ani>satu dua\n");
  auto p = store::Project::create(dir / "proj.telaah");
  std::vector<fs::path> others;
  auto specs = ingest::pair_recordings({dir / "in"}, others);
  REQUIRE(specs.size() == 2);
  const auto r = ingest::import_recordings(*p, specs);
  REQUIRE(r[0].docs.size() == 1);
  CHECK(p->text(r[0].docs[0]).empty());
  CHECK(p->document(r[0].docs[0]).title == "a");
  REQUIRE(r[1].docs.size() == 2);
  CHECK(store::document_media(*p, r[1].docs[0])->id == store::document_media(*p, r[1].docs[1])->id);
  CHECK(p->check().empty());

  // The project and its media folder renamed together: the file is found under the new folder name.
  p.reset();
  fs::rename(dir / "proj.telaah", dir / "renamed.telaah");
  fs::rename(dir / "proj.media", dir / "renamed.media");
  p = store::Project::open(dir / "renamed.telaah");
  const auto m = *store::document_media(*p, r[0].docs[0]);
  auto loc = store::locate_media(*p, m);
  CHECK(loc.state == store::MediaLocation::moved);
  CHECK(loc.file == dir / "renamed.media" / "a.wav");
  CHECK(p->check().empty());
  // `show --json` says where it is.
  p.reset();
  auto res = test::run({kBinary, "show", (dir / "renamed.telaah").string(), std::to_string(r[1].docs[1]), "--json"});
  REQUIRE(res.status == 0);
  auto j = nlohmann::json::parse(res.out)["media"];
  CHECK(j["state"] == "moved");
  CHECK(j["duration_ms"] == 1000);
  CHECK(j["kind"] == "audio");
  CHECK(j["path"] == "proj.media/b.wav");
  CHECK(j["sync_points"][0]["pos"] == 0);
  CHECK(j["sync_points"][0]["time_ms"] == 100);
  CHECK(j["sync_points"].size() == 2);

  // Gone: reported by show and check, never a crash; the text is still there.
  fs::remove_all(dir / "renamed.media");
  res = test::run({kBinary, "show", (dir / "renamed.telaah").string(), std::to_string(r[1].docs[0]), "--json"});
  REQUIRE(res.status == 0);
  j = nlohmann::json::parse(res.out);
  CHECK(j["text"] == "Ani: satu\n\nBudi: dua");
  CHECK(j["media"]["state"] == "missing");
  CHECK(j["media"]["file"].is_null());
  CHECK(j["media"]["message"].get<std::string>().find("is missing") != std::string::npos);
  res = test::run({kBinary, "check", (dir / "renamed.telaah").string()});
  CHECK(res.status != 0);
  CHECK((res.out + res.err).find("the recording 'b.wav' is missing") != std::string::npos);
}

TEST_CASE("Hostile media: zero length, wrong extension, a header promising hours; all or nothing") {
  test::TempDir dir;
  auto p = store::Project::create(dir / "h.telaah");
  const std::string before = test::dump(*p);
  struct Case {
    const char* name;
    std::string bytes;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"empty.mp3", "", "is empty"},
      {"text.mp3", std::string(4000, 'x'), "not an audio or video file"},
      {"pdf.wav", "%PDF-1.4\n" + std::string(3000, ' '), "not an audio or video file"},
      {"huge.mp3", mp3(0x0FFFFFFF), "longer than the 48 hours"},  // 268 million frames: 1947 hours
      {"hour.mp3", mp3(3600 * 44100 / 1152), "truncated"},        // claims an hour, holds 0.29 s
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    write(dir / "in" / c.name, c.bytes);
    // A good recording in the same batch is not imported either.
    write(dir / "in" / "good.wav", wav(300, 0));
    std::vector<ingest::RecordingSpec> specs(2);
    specs[0].media = dir / "in" / "good.wav";
    specs[1].media = dir / "in" / c.name;
    CHECK_THROWS_WITH_AS(ingest::import_recordings(*p, specs), doctest::Contains(c.message), ingest::ImportError);
    CHECK(test::dump(*p) == before);
    CHECK_FALSE(fs::exists(dir / "h.media"));
  }
  // A WAV header claiming 4 GB of samples in a 3 kB file: libavformat counts what is there (bounded, not trusted).
  write(dir / "in" / "liar.wav", wav(200, 0, 0xFFFFFF00u));
  CHECK(ingest::probe_media(dir / "in" / "liar.wav", "liar.wav").duration_ms == 200);
  // A wrong extension the other way round: a WAV named .mp4 is read as what it is.
  write(dir / "in" / "sound.mp4", wav(700, 0));
  const auto info = ingest::probe_media(dir / "in" / "sound.mp4", "sound.mp4");
  CHECK(info.kind == "audio");
  CHECK(info.duration_ms == 700);
  // The CLI: exit 1, one line naming the file.
  p.reset();
  write(dir / "in" / "rec.wav", wav(300, 0));
  write(dir / "in" / "rec.srt", "1\n00:00:00,000 --> broken\nx\n");
  auto res = test::run({kBinary, "import", (dir / "h.telaah").string(), (dir / "in" / "rec.wav").string(),
                        "--transcript", (dir / "in" / "rec.srt").string()});
  CHECK(res.status == 1);
  CHECK(res.err.find("rec.srt: line 1 is not a cue") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "h.media"));
  write(dir / "in" / "rec.srt", "1\n00:00:00,000 --> 00:00:00,300\nAni: ya\n");
  res = test::run({kBinary, "import", (dir / "h.telaah").string(), (dir / "in" / "rec.wav").string(), "--transcript",
                   (dir / "in" / "rec.srt").string()});
  CHECK(res.status == 0);
  CHECK(res.out.find("imported audio") != std::string::npos);
  CHECK(fs::exists(dir / "h.media" / "rec.wav"));
  // A stretch of it coded by time from the command line: one cue "Ani: ya" (0-7) over 0-300 ms.
  const std::string proj = (dir / "h.telaah").string();
  res = test::run({kBinary, "codes", proj, "--add", "Jawaban"});
  REQUIRE(res.status == 0);
  res = test::run({kBinary, "code", proj, "--doc", "rec", "--code", "Jawaban", "--from", "00:00.100", "--to",
                   "00:00.200", "--json"});
  REQUIRE(res.status == 0);
  const auto j = nlohmann::json::parse(res.out);
  CHECK(j["start_ms"] == 100);
  CHECK(j["end_ms"] == 200);
  CHECK(j["start"] == 2);  // 7 * 100 / 300, rounded down
  CHECK(j["end"] == 4);    // 7 * 200 / 300
  res = test::run({kBinary, "code", proj, "--doc", "rec", "--code", "Jawaban", "--from", "1:00", "--to", "1:05"});
  CHECK(res.status == 1);
  CHECK(res.err.find("after the end of the recording") != std::string::npos);
}

TEST_CASE("REFI-QDA: a recording with its transcript, sync points and codings survives export and import") {
  test::TempDir dir;
  write(dir / "in" / "rapat.wav", wav(2000, 2000));
  write(dir / "in" / "rapat.srt",
        "1\n00:00:00,500 --> 00:00:01,500\nAni: Selamat pagi.\n\n2\n00:00:02,000 --> 00:00:03,800\nBudi: Pagi juga.\n\n"
        "3\n00:00:03,800 --> 00:00:04,000\nAni: Mulai.\n\n4\n00:00:04,000 --> 00:00:04,000\nBudi: Ya.\n");
  const fs::path a = dir / "a.telaah", b = dir / "b.telaah";
  store::Id doc = 0, text_coding = 0, media_coding = 0;
  {
    auto p = store::Project::create(a);
    p->set_coder("ana");
    std::vector<fs::path> others;
    const auto r = ingest::import_recordings(*p, ingest::pair_recordings({dir / "in"}, others));
    doc = r.at(0).docs.at(0);
    store::Code k;
    k.name = "Sapaan";
    const store::Id code = p->add_code(k);
    store::Coding c;
    c.doc = doc;
    c.code = code;
    c.start = 5;  // "Selamat pagi." inside the first cue: its ends fall between sync points
    c.end = 18;
    text_coding = p->add_coding(c);
    media_coding = store::add_media_coding(*p, c, 2100, 3000);
    REQUIRE(p->check().empty());
    exchange::export_qdpx(*p, dir / "x.qdpx", {});
  }
  exchange::import_refi(dir / "x.qdpx", b, {});
  auto pa = store::Project::open(a);
  auto pb = store::Project::open(b);
  const auto docs = pb->documents();
  REQUIRE(docs.size() == 1);
  const store::Id nd = docs[0].id;
  CHECK(pb->text(nd) == pa->text(doc));
  const auto ma = *store::document_media(*pa, doc);
  const auto mb = store::document_media(*pb, nd);
  REQUIRE(mb);
  CHECK(mb->kind == "audio");
  CHECK(mb->duration_ms == 4000);
  CHECK(mb->sha256 == ma.sha256);
  CHECK(mb->original_name == "rapat.wav");
  CHECK(mb->path == "b.media/rapat.wav");
  CHECK(store::locate_media(*pb, *mb).state == store::MediaLocation::found);
  // Every sync point is back (the export adds points where selections end between two: same mapping).
  const auto sa = store::sync_points(*pa, doc), sb = store::sync_points(*pb, nd);
  for (const auto& s : sa) CHECK(std::find(sb.begin(), sb.end(), s) != sb.end());
  const int64_t len = pa->document(doc).length_cp;
  for (int64_t pos = 0; pos <= len; ++pos) {
    CAPTURE(pos);
    CHECK(std::abs(text::time_at(sa, pos, len, 4000) - text::time_at(sb, pos, len, 4000)) <= 1);
  }
  // The codings: the text one at its span, the media one with its time span.
  const auto cs = pb->codings();
  REQUIRE(cs.size() == 2);
  int with_time = 0;
  for (const auto& c : cs) {
    if (auto t = store::coding_media(*pb, c.id)) {
      ++with_time;
      CHECK(t->start_ms == 2100);
      CHECK(t->end_ms == 3000);
      CHECK(c.start == pa->coding(media_coding).start);
      CHECK(c.end == pa->coding(media_coding).end);
    } else {
      CHECK(c.start == pa->coding(text_coding).start);
      CHECK(c.end == pa->coding(text_coding).end);
    }
  }
  CHECK(with_time == 1);
  CHECK(pb->check().empty());
}

TEST_CASE("A new version of a transcript leaves its old sync points with the old text; undo brings them back") {
  test::TempDir dir;
  write(dir / "in" / "r.wav", wav(1000, 1000));
  write(dir / "in" / "r.txt", "[00:00:00] Ani: satu dua tiga empat lima enam tujuh.\n[00:00:01.500] Budi: ya.\n");
  write(dir / "v2.txt", "Ani: satu.");
  auto p = store::Project::create(dir / "v.telaah");
  std::vector<fs::path> others;
  const store::Id doc = ingest::import_recordings(*p, ingest::pair_recordings({dir / "in"}, others)).at(0).docs.at(0);
  const auto before = store::sync_points(*p, doc);
  REQUIRE(before.size() == 2);
  ingest::replace_document(*p, doc, dir / "v2.txt", {});
  CHECK(store::sync_points(*p, doc).empty());
  CHECK(p->check().empty());
  p->undo();
  CHECK(store::sync_points(*p, doc) == before);
  CHECK(p->check().empty());
}
