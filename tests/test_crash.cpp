// Crash safety of the project file, through the real binary: a driver process
// runs a loop of 1,000 `telaah code` calls and records every coding a call
// acknowledged (exit 0 and "coded #ID" printed). Some calls are killed with
// SIGKILL a few milliseconds after they start, and the whole driver (with the
// call in flight) is killed at a random moment. After each of 20 rounds the
// project must open, `check` must be clean, and every acknowledged coding
// must be there with its offsets and memo.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "helpers/run.h"
#include "helpers/temp_dir.h"

using telaah::test::TempDir;

namespace {

const std::string kBinary = TELAAH_BINARY;
constexpr int kRounds = 20;
constexpr int kCallsPerRound = 1000;

struct Ack {
  int64_t start = 0, end = 0;
  std::string memo;
};

// The driver: runs in its own process group so that one killpg takes it and
// the call in flight. Writes "ID START END MEMO" per acknowledged coding.
// Each call it killed itself adds one byte to `kill_file`.
[[noreturn]] void drive(const std::string& project, int64_t length, int round, unsigned seed,
                        const std::string& ack_file, const std::string& kill_file) {
  ::setpgid(0, 0);
  std::mt19937 rng(seed);
  int ack = ::open(ack_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  int killed = ::open(kill_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (ack < 0 || killed < 0) ::_exit(3);
  for (int i = 0; i < kCallsPerRound; ++i) {
    const int64_t start = static_cast<int64_t>(rng() % static_cast<unsigned>(length - 8));
    const int64_t end = start + 1 + static_cast<int64_t>(rng() % 7);
    const std::string memo = "r" + std::to_string(round) + "-c" + std::to_string(i);
    int out = -1, err = -1;
    pid_t pid = telaah::test::spawn(
        {kBinary, "code", project, "--doc", "1", "--start", std::to_string(start), "--end", std::to_string(end),
         "--code", "Input/Legal infrastructure", "--stance", i % 3 == 0 ? "supports" : "contradicts", "--memo", memo},
        &out, &err);
    if (rng() % 4 == 0) {  // kill this call at a random moment of its life
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % 40000));
      ::kill(pid, SIGKILL);
    }
    auto r = telaah::test::collect(pid, out, err);
    if (r.status == 0 && r.out.rfind("coded #", 0) == 0) {
      const std::string line = std::to_string(std::stoll(r.out.substr(7))) + " " + std::to_string(start) + " " +
                               std::to_string(end) + " " + memo + "\n";
      if (::write(ack, line.data(), line.size()) != static_cast<ssize_t>(line.size())) ::_exit(4);
    } else if (r.status == 128 + SIGKILL) {
      if (::write(killed, "k", 1) != 1) ::_exit(4);
    } else {
      ::_exit(5);  // a call failed without being killed: the test reports it
    }
  }
  ::_exit(0);
}

std::map<int64_t, Ack> read_acks(const std::string& file) {
  std::map<int64_t, Ack> out;
  std::istringstream in(telaah::test::read_file(file));
  int64_t id;
  Ack a;
  while (in >> id >> a.start >> a.end >> a.memo) out[id] = a;
  return out;
}

}  // namespace

TEST_CASE("kill -9 during a loop of telaah code loses no acknowledged coding") {
  TempDir dir{"telaah-crash"};
  const std::string p = (dir / "p.telaah").string();
  std::string text;
  for (int i = 0; i < 20; ++i)
    text += "Informan " + std::to_string(i) + ": Komunike 1984 — “서울” 👍 tidak memuat hak dan kewajiban.\n\n";
  const auto notes = dir.write("notes.txt", text);
  REQUIRE(telaah::test::run({kBinary, "new", p}).status == 0);
  REQUIRE(telaah::test::run({kBinary, "import", p, notes.string(), "--type", "interview", "--quiet"}).status == 0);
  auto docs = nlohmann::json::parse(telaah::test::run({kBinary, "docs", p, "--json"}).out);
  const int64_t length = docs.at(0).at("length").get<int64_t>();
  REQUIRE(length > 100);

  const unsigned seed = std::random_device{}();
  std::cout << "crash test seed " << seed << "\n";
  std::mt19937 rng(seed);
  const std::string ack_file = (dir / "acks.txt").string(), kill_file = (dir / "kills.txt").string();
  int kills = 0, driver_failures = 0;
  size_t verified = 0;
  for (int round = 0; round < kRounds; ++round) {
    CAPTURE(round);
    pid_t driver = ::fork();
    REQUIRE(driver >= 0);
    if (driver == 0) drive(p, length, round, static_cast<unsigned>(rng()), ack_file, kill_file);
    ::setpgid(driver, driver);  // also here: no race with the child's own call
    std::this_thread::sleep_for(std::chrono::milliseconds(150 + rng() % 1200));
    ::killpg(driver, SIGKILL);
    int st = 0;
    ::waitpid(driver, &st, 0);
    if (WIFSIGNALED(st))
      ++kills;
    else
      driver_failures += WEXITSTATUS(st) != 0;
    // Whatever was in flight died with the driver; give the kernel a moment to release its lock.
    for (int i = 0; i < 50 && ::killpg(driver, 0) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));

    auto info = telaah::test::run({kBinary, "info", p, "--json"});
    CAPTURE(info.err);
    REQUIRE(info.status == 0);  // the project always opens
    auto check = telaah::test::run({kBinary, "check", p, "--json"});
    CAPTURE(check.out);
    REQUIRE(check.status == 0);
    CHECK(nlohmann::json::parse(check.out)["ok"] == true);
    auto list = telaah::test::run({kBinary, "codings", p, "--json"});
    REQUIRE(list.status == 0);
    std::map<int64_t, nlohmann::json> present;
    for (const auto& c : nlohmann::json::parse(list.out)) present[c["id"].get<int64_t>()] = c;
    auto acks = read_acks(ack_file);
    verified = 0;
    for (const auto& [id, a] : acks) {
      CAPTURE(id);
      auto it = present.find(id);
      REQUIRE(it != present.end());
      CHECK(it->second["start"] == a.start);
      CHECK(it->second["end"] == a.end);
      CHECK(it->second["memo"] == a.memo);
      ++verified;
    }
    CHECK(present.size() >= acks.size());  // a call killed after its commit may have coded unacknowledged
  }
  CHECK(driver_failures == 0);
  const auto acks = read_acks(ack_file);
  const size_t call_kills = telaah::test::read_file(kill_file).size();
  std::cout << "crash test: " << kRounds << " rounds, " << kills + call_kills << " kills (" << kills
            << " with the driver, " << call_kills << " of single calls), " << acks.size() << " acknowledged codings, "
            << verified << " verified present\n";
  MESSAGE("kills " << kills + call_kills << ", acknowledged " << acks.size() << ", verified " << verified);
  CHECK(kills >= kRounds - 2);  // a round may finish its loop before the kill only on a very fast machine
  CHECK(verified == acks.size());
  CHECK(acks.size() > 0);
}
