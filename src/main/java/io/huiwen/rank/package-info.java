/**
 * Rank: counting page views (buffered in memory, flushed in hourly buckets) and the
 * time-decayed 热门 ranking, so an old story cannot stay hot. Depends on article only.
 */
package io.huiwen.rank;
