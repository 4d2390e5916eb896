package io.huiwen.rank;

/**
 * A day's keyed 64-bit hash of a reader's address, for telling readers apart without keeping
 * their addresses. The keys are random, in memory only, and new every day. Not a cryptographic
 * hash, and it need not be one: the hashes never leave the process, and whoever can read the
 * process's memory holds the key, with which the IPv4 space (2^32 addresses) would be tried through
 * in seconds whatever the hash. What it must do is spread addresses without collisions, at a few
 * nanoseconds a view (SHA-256 cost more than the rest of a cached page's answer).
 */
record VisitorHash(long day, long key0, long key1) {

    long of(String reader) {
        long h = key0;
        for (int i = 0; i < reader.length(); i++) {
            // xor then multiply by an odd constant then rotate: each step a bijection of h, so two
            // addresses of one length that differ anywhere lead to different states
            h = Long.rotateLeft((h ^ reader.charAt(i)) * 0x9E3779B97F4A7C15L, 31);
        }
        return finish(h ^ key1 ^ reader.length());
    }

    /** MurmurHash3's 64-bit finaliser: every input bit reaches every output bit. */
    private static long finish(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
