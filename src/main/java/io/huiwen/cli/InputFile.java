package io.huiwen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reading the files a command is given: folders walked in name order, size checked before reading. */
final class InputFile {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    /** A file that cannot be read as a page; the message names no path (the caller adds it). */
    static final class UnreadableException extends Exception {
        UnreadableException(String message) {
            super(message);
        }
    }

    private InputFile() {}

    /** The files under each path: a file as itself, a folder as its regular, non-hidden files, sorted. */
    static List<Path> expand(List<String> operands) {
        List<Path> files = new ArrayList<>();
        for (String operand : operands) {
            Path p = Path.of(operand);
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
                } catch (IOException e) {
                    files.add(p); // reported as unreadable when it is read
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    static byte[] read(Path file) throws UnreadableException {
        try {
            if (Files.isDirectory(file)) {
                throw new UnreadableException("is a folder that cannot be read");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UnreadableException("too large (" + size / (1024 * 1024) + " MB; the limit is " + MAX_BYTES / (1024 * 1024) + " MB)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableException("no such file");
        } catch (AccessDeniedException e) {
            throw new UnreadableException("permission denied");
        } catch (IOException e) {
            throw new UnreadableException("cannot be read: " + e.getMessage());
        }
    }
}
