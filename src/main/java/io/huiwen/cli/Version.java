package io.huiwen.cli;

/** The version in the jar's manifest, or "dev" when run from the build tree. */
final class Version {

    private Version() {}

    static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
