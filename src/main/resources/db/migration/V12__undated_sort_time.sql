-- An article with no known date that came by a file import or another bulk load (no source) was
-- ordered by its import time, so it showed as the newest story of 最新 and 热门. It now stands behind
-- every dated article (ArticleStore.UNDATED); one a source's poll found keeps its first-seen time.
-- Same SQL subset as V1.
UPDATE article SET sort_time = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'
WHERE publish_time IS NULL AND source_id IS NULL;
