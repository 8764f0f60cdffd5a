package org.keepalive4j.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One keepalived-style pid file: the decimal pid and a newline. A file naming a live keepalived or
 * keepalive4j process means another instance runs; any other content (a dead pid, a pid reused by an
 * unrelated process, our own pid after a restart in a fresh pid namespace, garbage) is stale.
 */
final class PidFile {

    private final Path path;
    private final Path proc;

    PidFile(Path path) {
        this(path, Path.of("/proc"));
    }

    /** @param proc the proc file system, replaceable so tests can stage process tables */
    PidFile(Path path, Path proc) {
        this.path = path;
        this.proc = proc;
    }

    Path path() {
        return path;
    }

    /** The pid of another running instance that owns this file, if any. */
    OptionalLong runningOwner(long ownPid) {
        OptionalLong pid = readPid();
        if (pid.isEmpty() || pid.getAsLong() == ownPid) {
            return OptionalLong.empty();
        }
        return commandLineOf(pid.getAsLong()).filter(PidFile::looksLikeKeepalived).isPresent()
                ? pid : OptionalLong.empty();
    }

    /** Writes the pid through a temporary file and a rename, so readers never see a partial file. */
    void write(long pid) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + path.getFileName() + "." + pid + ".tmp");
        Files.writeString(tmp, pid + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Deletes the file only while it still names us: a successor may have taken it over. */
    boolean removeIfOwnedBy(long pid) throws IOException {
        OptionalLong current = readPid();
        if (current.isPresent() && current.getAsLong() == pid) {
            return Files.deleteIfExists(path);
        }
        return false;
    }

    OptionalLong readPid() {
        try {
            String text = Files.readString(path, StandardCharsets.US_ASCII).trim();
            long pid = Long.parseLong(text);
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The NUL-separated argv of a live process, joined with spaces; empty if it is not running. */
    private Optional<String> commandLineOf(long pid) {
        try {
            byte[] raw = Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("cmdline"));
            return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Either daemon may be launched as a binary, a script, or `java -jar .../keepalive4j-x.jar`. */
    private static boolean looksLikeKeepalived(String cmdline) {
        return cmdline.contains("keepalive4j") || cmdline.contains("keepalived");
    }
}
