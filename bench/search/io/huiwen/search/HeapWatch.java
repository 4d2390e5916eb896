package io.huiwen.search;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of this JVM (bench only), from the collector's own reports: the most heap ever in use
 * (just before a collection) and the most that survived a collection (live data plus what the
 * collector chose to keep).
 */
final class HeapWatch {

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();

    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                peakUsed.accumulateAndGet(heap(info.getMemoryUsageBeforeGc()), Math::max);
                peakAfterGc.accumulateAndGet(heap(info.getMemoryUsageAfterGc()), Math::max);
            }, null, null);
        }
    }

    private static long heap(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage u = pools.get(pool.getName());
            if (u != null && pool.getType() == java.lang.management.MemoryType.HEAP) {
                sum += u.getUsed();
            }
        }
        return sum;
    }

    long peakUsedMb() {
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return Math.max(peakUsed.get(), now) >> 20;
    }

    long peakAfterGcMb() {
        return peakAfterGc.get() >> 20;
    }

    static long maxMb() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }
}
