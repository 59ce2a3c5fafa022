// Xapian remote shard servers (`xapian-tcpsrv --writable`, Debian package
// xapian-tools) on loopback, for the sharded-index tests and benchmark. Each
// server runs in its own process group, so killing or stopping it takes its
// per-connection children along; the destructor kills it (also when a test
// fails). Header-only.
#pragma once
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace telaah::test {

// The xapian-tcpsrv on PATH, or "" if there is none.
inline std::string find_tcpsrv() {
  const char* path = std::getenv("PATH");
  std::string p = path ? path : "/usr/bin:/bin";
  size_t i = 0;
  while (i <= p.size()) {
    size_t j = p.find(':', i);
    if (j == std::string::npos) j = p.size();
    std::string cand = p.substr(i, j - i) + "/xapian-tcpsrv";
    if (j > i && ::access(cand.c_str(), X_OK) == 0) return cand;
    i = j + 1;
  }
  return {};
}

// A loopback port nobody listens on right now.
inline int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("no free loopback port");
  }
  ::close(fd);
  return ntohs(a.sin_port);
}

inline bool accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

class ShardServer {
 public:
  ShardServer(std::string binary, std::filesystem::path dir) : binary_(std::move(binary)), dir_(std::move(dir)) {}
  ~ShardServer() { kill(); }
  ShardServer(const ShardServer&) = delete;
  ShardServer& operator=(const ShardServer&) = delete;

  // Starts the server (on its previous port after a kill, else a free one)
  // and waits until it accepts connections.
  void start() {
    const bool restart = port_ != 0;  // clients know the old port: keep it
    for (int attempt = 0; attempt < 10; ++attempt) {
      if (!restart && (port_ == 0 || attempt > 0)) port_ = free_port();
      pid_ = ::fork();
      if (pid_ < 0) throw std::runtime_error("fork failed");
      if (pid_ == 0) {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        const std::string log = dir_.string() + ".log";  // raw descriptors: stdio buffers are the parent's
        int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd >= 0) {
          ::dup2(fd, 1);
          ::dup2(fd, 2);
        }
        const std::string port = std::to_string(port_);
        ::execl(binary_.c_str(), binary_.c_str(), "--port", port.c_str(), "--interface", "127.0.0.1", "--writable",
                dir_.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
      }
      ::setpgid(pid_, pid_);
      const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (std::chrono::steady_clock::now() < until) {
        int st = 0;
        if (::waitpid(pid_, &st, WNOHANG) == pid_) {  // it exited: the port is taken
          pid_ = -1;
          break;
        }
        if (accepts(port_)) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      kill();
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    throw std::runtime_error("xapian-tcpsrv did not start (see " + dir_.string() + ".log)");
  }
  // SIGKILL to the whole process group (the server and its connections).
  void kill() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGCONT);
    ::kill(-pid_, SIGKILL);
    int st = 0;
    ::waitpid(pid_, &st, 0);
    pid_ = -1;
  }
  void stop() { ::kill(-pid_, SIGSTOP); }  // a shard that hangs
  void resume() { ::kill(-pid_, SIGCONT); }
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  int port() const { return port_; }
  std::string endpoint() const { return "127.0.0.1:" + std::to_string(port_); }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::string binary_;
  std::filesystem::path dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// N servers, each on its own database directory under `base`.
class ShardServers {
 public:
  ShardServers(const std::string& binary, const std::filesystem::path& base, int n) {
    for (int i = 0; i < n; ++i) {
      servers_.push_back(std::make_unique<ShardServer>(binary, base / ("shard" + std::to_string(i))));
      servers_.back()->start();
    }
  }
  ShardServer& operator[](size_t i) { return *servers_[i]; }
  size_t size() const { return servers_.size(); }
  std::string list() const {
    std::string s;
    for (const auto& sv : servers_) s += (s.empty() ? "" : ",") + sv->endpoint();
    return s;
  }

 private:
  std::vector<std::unique_ptr<ShardServer>> servers_;
};

}  // namespace telaah::test
