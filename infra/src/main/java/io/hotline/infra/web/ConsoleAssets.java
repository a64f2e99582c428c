package io.hotline.infra.web;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The console's files under {@code static/assets/}, named by a fingerprint of their contents so a browser may keep
 * them for a year: a page load then fetches nothing but the page and its data (without this, every navigation
 * fetched all twenty modules again, a third of a second on two busy cores). A release that changes any file changes
 * the fingerprint, so the page of the new release asks for new URLs and no stale module is ever run; every node of
 * one release computes the same fingerprint.
 */
final class ConsoleAssets {

    private static final String ROOT = "static/assets/";

    /** The URL prefix of this release's assets, e.g. {@code /assets/v-3f9a1c07d2e4}. */
    final String prefix;
    /** The console's JavaScript modules (all of {@code js/}) relative to the assets folder: {@code js/screens/board.js}. */
    final List<String> modules;

    private ConsoleAssets(String prefix, List<String> modules) {
        this.prefix = prefix;
        this.modules = modules;
    }

    static ConsoleAssets scan() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*.*");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Resource> files = Stream.of(found).filter(Resource::isReadable)
                    .sorted(Comparator.comparing(ConsoleAssets::relative)).toList();
            for (Resource file : files) {
                digest.update(relative(file).getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            String fingerprint = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
            List<String> modules = files.stream().map(ConsoleAssets::relative)
                    .filter(path -> path.startsWith("js/") && path.endsWith(".js")).toList();
            return new ConsoleAssets("/assets/v-" + fingerprint, modules);
        } catch (IOException e) {
            throw new UncheckedIOException("the console's assets cannot be read", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path below {@code static/assets/}, whether the file lies in a folder or a jar. */
    private static String relative(Resource file) {
        try {
            String url = file.getURL().toString();
            return url.substring(url.lastIndexOf(ROOT) + ROOT.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
