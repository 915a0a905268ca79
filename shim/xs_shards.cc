/*
 * xs_shards.cc - opening a database for reading as its shards: database
 * directories, stub files and stub directories, local and remote shards
 * (see xs.h).
 *
 * Xapian opens stubs by itself, but then every remote line gets the default
 * timeouts, a shard that cannot be opened fails the whole open with a
 * message that may not say which line it was, and Database::get_metadata
 * reads the first shard only.  So the shim reads stubs itself (the syntax
 * of Xapian 1.4's read_stub_file), opens each shard as a Xapian::Database
 * of its own and joins them with add_database, which shares each shard's
 * internals: the per-shard handles kept for metadata and statistics cost no
 * second connection.
 */
#include "xs_internal.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>

namespace {

/* A stub may list stubs; this bounds one that lists itself. */
constexpr int max_stub_depth = 8;

struct stub_line {
    unsigned no = 0;     /* 1-based, for messages */
    enum { LOCAL, TCP, PROGRAM } kind = LOCAL;
    int backend = 0;     /* LOCAL: 0 (auto-detect) or a DB_BACKEND_* */
    std::string where;   /* LOCAL: the path, resolved; TCP: the host;
                            PROGRAM: the program */
    std::string args;    /* PROGRAM: its arguments */
    unsigned port = 0;   /* TCP */
    std::string name;    /* what messages and statistics call the shard */
};

bool exists(const std::string &path)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0;
}

/* The stub file that `path` stands for, or "" when it is a database
 * directory, or nothing (Xapian's own open then tells which). */
std::string stub_file_of(const std::string &path)
{
    struct stat st;
    if (stat(path.c_str(), &st) != 0)
        return {};
    if (S_ISREG(st.st_mode))
        return path;
    if (S_ISDIR(st.st_mode) && !exists(path + "/iamglass") &&
        !exists(path + "/iamchert") && exists(path + "/XAPIANDB"))
        return path + "/XAPIANDB";
    return {};
}

/* As Xapian does: a relative path is relative to the stub's directory. */
std::string resolve(const std::string &path, const std::string &stub)
{
    if (path[0] == '/')
        return path;
    std::string::size_type slash = stub.rfind('/');
    return slash == std::string::npos ? path : stub.substr(0, slash + 1) + path;
}

bool parse_port(const std::string &s, unsigned &port)
{
    if (s.empty() || s.size() > 5)
        return false;
    unsigned v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + static_cast<unsigned>(c - '0');
    }
    port = v;
    return v > 0 && v <= 65535;
}

/* One line that is neither blank nor a comment; false when it is no line
 * of a stub we know. */
bool parse_line(std::string line, const std::string &stub, stub_line &out)
{
    /* A stub edited on Windows still reads. */
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    std::string::size_type space = line.find(' ');
    if (space == std::string::npos || space + 1 == line.size())
        return false;
    const std::string type = line.substr(0, space);
    const std::string rest = line.substr(space + 1);
    if (type == "auto" || type == "glass" || type == "chert") {
        out.kind = stub_line::LOCAL;
        out.backend = type == "glass"   ? Xapian::DB_BACKEND_GLASS
                      : type == "chert" ? Xapian::DB_BACKEND_CHERT
                                        : 0;
        out.where = out.name = resolve(rest, stub);
        return true;
    }
    if (type != "remote")
        return false;
    out.name = "remote " + rest;
    if (rest[0] == ':') {
        /* ":PROGRAM ARGS": Xapian runs PROGRAM and talks on its stdio. */
        std::string::size_type sp = rest.find(' ');
        out.kind = stub_line::PROGRAM;
        out.where = rest.substr(1, sp == std::string::npos ? sp : sp - 1);
        out.args = sp == std::string::npos ? "" : rest.substr(sp + 1);
        return !out.where.empty();
    }
    std::string::size_type colon = rest.rfind(':');
    if (colon == std::string::npos || !parse_port(rest.substr(colon + 1), out.port))
        return false;
    std::string host = rest.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    out.kind = stub_line::TCP;
    out.where = host;
    return !host.empty();
}

/* Reads `stub`; false when it is not a stub this parser understands: a
 * single-file database, a bad line or an unreadable file, which Xapian's
 * own open then opens or reports in its words. */
bool parse_stub(const std::string &stub, std::vector<stub_line> &lines)
{
    std::ifstream in(stub);
    if (!in)
        return false;
    std::string line;
    unsigned no = 0;
    while (std::getline(in, line)) {
        ++no;
        if (line.empty() || line[0] == '#')
            continue;
        stub_line l;
        l.no = no;
        if (!parse_line(line, stub, l))
            return false;
        lines.push_back(std::move(l));
    }
    return !in.bad();
}

struct opener {
    xs_db &top;
    bool partial;
    unsigned timeout_ms;
    char **msg;
    cs_status first_failure = CS_OK; /* of a shard left out */
};

xs_db &add_shard(xs_db &top, const std::string &name,
                 const Xapian::Database &d)
{
    auto s = std::make_unique<xs_db>();
    s->db = d;
    s->path = name;
    top.shards.push_back(std::move(s));
    return *top.shards.back();
}

/* The start of the context of Xapian's errors on a remote shard's
 * connection (RemoteTcpClient and ProgClient build it so). */
std::string remote_context(const stub_line &l)
{
    if (l.kind == stub_line::TCP)
        return "remote:tcp(" + l.where + ":" + std::to_string(l.port) + ")";
    return "remote:prog(" + l.where;
}

/* Called from a catch block when the shard on line `line` of `stub` did
 * not open: with allow_partial it is left out and remembered, else the
 * open fails naming it. */
cs_status shard_failed(opener &o, const std::string &name,
                       const std::string &stub, unsigned line) noexcept
{
    char *why = nullptr;
    cs_status st = xs_fail_current(&why, "cannot open shard", name.c_str());
    if (!o.partial || st == CS_NOMEM) {
        st = cs_fail(o.msg, st, "%s: line %u: %s", stub.c_str(), line,
                     why ? why : cs_status_to_string(st));
        std::free(why);
        return st;
    }
    try {
        o.top.missing.push_back({name, why ? why : cs_status_to_string(st)});
        if (o.first_failure == CS_OK)
            o.first_failure = st;
        st = CS_OK;
    } catch (...) {
        st = cs_fail(o.msg, CS_NOMEM, "cannot open '%s': out of memory",
                     o.top.path.c_str());
    }
    std::free(why);
    return st;
}

cs_status add_remote(opener &o, const stub_line &l, const std::string &stub)
{
    try {
        /* The same limit for connecting and for each answer: a shard that
         * is down or hangs costs at most that long. */
        std::function<Xapian::Database()> connect =
            [tcp = l.kind == stub_line::TCP, where = l.where, args = l.args,
             port = l.port, timeout = o.timeout_ms]() {
                return tcp ? Xapian::Remote::open(where, port, timeout, timeout)
                           : Xapian::Remote::open(where, args, timeout);
            };
        xs_db &s = add_shard(o.top, l.name, connect());
        s.remote_context = remote_context(l);
        s.reconnect = std::move(connect);
        return CS_OK;
    } catch (...) {
        return shard_failed(o, l.name, stub, l.no);
    }
}

/* Adds the shards `path` holds: itself when it is a database, the lines of
 * its stub when it is one.  `depth` 0 is the path given to open; deeper
 * ones were listed on line `line` of `stub`. */
cs_status add_path(opener &o, const std::string &path, int backend, int depth,
                   const std::string &stub, unsigned line)
{
    std::vector<stub_line> lines;
    const std::string sf =
        backend == 0 && depth < max_stub_depth ? stub_file_of(path) : "";
    if (!sf.empty() && parse_stub(sf, lines)) {
        if (lines.empty())
            return cs_fail(o.msg, CS_CORRUPT, "%s: the stub lists no database",
                           sf.c_str());
        for (const stub_line &l : lines) {
            cs_status st = l.kind == stub_line::LOCAL
                               ? add_path(o, l.where, l.backend, depth + 1, sf,
                                          l.no)
                               : add_remote(o, l, sf);
            if (st != CS_OK)
                return st;
        }
        return CS_OK;
    }
    try {
        /* Looked at before the open: a directory exchanged in between is
         * then taken for replaced, and opened again, not the reverse. */
        struct stat dir;
        const bool known = stat(path.c_str(), &dir) == 0;
        Xapian::Database d =
            backend ? Xapian::Database(path, backend) : Xapian::Database(path);
        xs_db &s = add_shard(o.top, path, d);
        s.dir_known = known;
        s.dir_dev = known ? dir.st_dev : 0;
        s.dir_ino = known ? dir.st_ino : 0;
        return CS_OK;
    } catch (...) {
        if (depth == 0)
            return xs_fail_current(o.msg, "cannot open", path.c_str());
        return shard_failed(o, path, stub, line);
    }
}

} // namespace

cs_status xs_db_open_with(const char *path, const xs_open_opts *opts,
                          xs_db **out, char **msg)
{
    if (!out)
        return cs_fail(msg, CS_USAGE, "xs_db_open: NULL argument");
    *out = nullptr;
    if (!path)
        return cs_fail(msg, CS_USAGE, "xs_db_open: NULL argument");
    try {
        auto db = std::make_unique<xs_db>();
        db->path = path;
        opener o{*db, opts && opts->allow_partial,
                 opts && opts->timeout_ms ? opts->timeout_ms
                                          : XS_REMOTE_TIMEOUT_MS,
                 msg};
        cs_status st = add_path(o, path, 0, 0, "", 0);
        if (st != CS_OK)
            return st;
        if (db->shards.empty() && db->missing.empty())
            return cs_fail(msg, CS_CORRUPT, "%s: holds no database", path);
        if (db->shards.empty())
            return cs_fail(msg, o.first_failure,
                           "%s: no shard could be opened (%zu tried); the "
                           "first: %s",
                           path, db->missing.size(),
                           db->missing.front().why.c_str());
        for (const auto &s : db->shards)
            db->db.add_database(s->db);
        *out = db.release();
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot open", path);
    }
}

cs_status xs_db_open(const char *path, xs_db **out, char **msg)
{
    return xs_db_open_with(path, nullptr, out, msg);
}

void xs_db_close(xs_db *db)
{
    delete db;
}

size_t xs_db_shard_count(const xs_db *db)
{
    if (!db)
        return 0;
    return db->shards.empty() ? 1 : db->shards.size();
}

xs_db *xs_db_shard(xs_db *db, size_t i)
{
    if (!db)
        return nullptr;
    if (db->shards.empty())
        return i == 0 ? db : nullptr;
    return i < db->shards.size() ? db->shards[i].get() : nullptr;
}

const char *xs_db_name(const xs_db *db)
{
    return db ? db->path.c_str() : "";
}

int xs_db_replaced(const xs_db *db)
{
    if (!db)
        return 0;
    for (const auto &s : db->shards) {
        struct stat now;
        if (s->dir_known &&
            (stat(s->path.c_str(), &now) != 0 || now.st_dev != s->dir_dev ||
             now.st_ino != s->dir_ino))
            return 1;
    }
    return 0;
}

size_t xs_db_missing_count(const xs_db *db)
{
    return db ? db->missing.size() : 0;
}

const char *xs_db_missing(const xs_db *db, size_t i, const char **why)
{
    if (!db || i >= db->missing.size()) {
        if (why)
            *why = nullptr;
        return nullptr;
    }
    if (why)
        *why = db->missing[i].why.c_str();
    return db->missing[i].name.c_str();
}

cs_status xs_fail_in(const xs_db *db, char **msg, const char *action) noexcept
{
    const xs_db *lost = nullptr;
    try {
        throw;
    } catch (const Xapian::NetworkError &e) {
        lost = xs_shard_of_error(db, e);
    } catch (...) {
    }
    if (!lost)
        return xs_fail_current(msg, action, db->path.c_str());
    char lost_action[128];
    std::snprintf(lost_action, sizeof lost_action, "%s: lost shard", action);
    return xs_fail_current(msg, lost_action, lost->path.c_str());
}

const xs_db *xs_shard_of_error(const xs_db *db, const Xapian::Error &e) noexcept
{
    try {
        const std::string &ctx = e.get_context();
        for (const auto &s : db->shards)
            if (!s->remote_context.empty() &&
                ctx.compare(0, s->remote_context.size(), s->remote_context) == 0)
                return s.get();
        if (!ctx.empty())
            return nullptr;
        /* Only on the way to an error: a fresh connection per remote shard
         * (the old ones may be mid-answer), each bounded by the timeout. */
        for (const auto &s : db->shards) {
            if (!s->reconnect)
                continue;
            try {
                s->reconnect();
            } catch (const Xapian::NetworkError &) {
                return s.get();
            }
        }
    } catch (...) {
    }
    return nullptr;
}
