/*
 * xs_error.cc - turns the exception being handled into a cs_status and a
 * message, so every extern "C" function of the shim ends in one
 * `catch (...) { return xs_fail_current(...); }` and no exception reaches C.
 */
#include "xs_internal.h"

#include <errno.h>
#include <sys/stat.h>

#include <new>

static cs_status report(char **msg, cs_status st, const char *action,
                        const char *path, const Xapian::Error &e)
{
    const std::string &ctx = e.get_context();
    /* The system's reason, when there is one, tells "Connection refused"
     * (a server down) from "Connection timed out" (a host unreachable). */
    const char *sys = e.get_error_string();
    /* The explanation is the status's own text ("locked by another
     * indexer", "not found", ...) so callers can show msg alone. */
    return cs_fail(msg, st, "%s '%s': %s: %s: %s%s%s%s%s%s", action,
                   path, cs_status_to_string(st), e.get_type(),
                   e.get_msg().c_str(), ctx.empty() ? "" : " (",
                   ctx.c_str(), ctx.empty() ? "" : ")", sys ? ": " : "",
                   sys ? sys : "");
}

/* DatabaseOpeningError covers several causes; the path tells them apart. */
static cs_status opening_status(const char *path,
                                const Xapian::Error &e)
{
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT)
        return CS_NOT_FOUND;
    /* A system error (permissions, ...) rather than bad content. */
    if (e.get_error_string())
        return CS_IO;
    /* An unparsable stub file or a directory of something else. */
    return CS_CORRUPT;
}

cs_status xs_fail_current(char **msg, const char *action,
                          const char *path) noexcept
{
    if (!path)
        path = "";
    try {
        throw;
    } catch (const Xapian::DatabaseLockError &e) {
        /* Held by another writer, Xapian says "already locked"; else the
         * lock file could not be opened at all (a read-only file system,
         * no permission), and its explanation says why. */
        const bool held =
            e.get_msg().find(": already locked") != std::string::npos;
        return report(msg, held ? CS_LOCKED : CS_IO, action, path, e);
    } catch (const Xapian::DatabaseVersionError &e) {
        return report(msg, CS_CORRUPT, action, path, e);
    } catch (const Xapian::DatabaseNotFoundError &e) {
        /* Thrown both for a missing path and for a directory holding no
         * database. */
        return report(msg, CS_NOT_FOUND, action, path, e);
    } catch (const Xapian::DatabaseOpeningError &e) {
        return report(msg, opening_status(path, e), action, path, e);
    } catch (const Xapian::DatabaseCorruptError &e) {
        return report(msg, CS_CORRUPT, action, path, e);
    } catch (const Xapian::DatabaseCreateError &e) {
        /* mkdir failed: a missing parent directory or no permission. */
        return report(msg, CS_IO, action, path, e);
    } catch (const Xapian::DocNotFoundError &e) {
        return report(msg, CS_NOT_FOUND, action, path, e);
    } catch (const Xapian::NetworkTimeoutError &e) {
        return report(msg, CS_NETWORK, action, path, e);
    } catch (const Xapian::NetworkError &e) {
        return report(msg, CS_NETWORK, action, path, e);
    } catch (const Xapian::Error &e) {
        return report(msg, CS_XAPIAN, action, path, e);
    } catch (const std::bad_alloc &) {
        return cs_fail(msg, CS_NOMEM, "%s '%s': out of memory", action,
                       path);
    } catch (const std::exception &e) {
        return cs_fail(msg, CS_INTERNAL, "%s '%s': internal error: %s",
                       action, path, e.what());
    } catch (...) {
        return cs_fail(msg, CS_INTERNAL,
                       "%s '%s': internal error: unknown exception", action,
                       path);
    }
}
